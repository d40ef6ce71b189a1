// src/aws already turns every SDK failure into an AwsError with a general hint. Here an action adds what
// only it knows: which step was running, which permission the call needs, what to do instead. The
// error keeps its kind, wire code and retryability, so the engine still retries throttling.
import { AwsError, isAwsError, type AwsErrorKind } from '../../aws/aws-error';

export type KindHints = Partial<Record<AwsErrorKind, string>>;

/** The hints every mutating call shares; `extra` wins for the kinds it names. */
export function mutatingCallHints(permission: string, region: string, extra: KindHints = {}): KindHints {
  return {
    'access-denied': `Grant ${permission} in ${region} to the role drctl runs as, then run \`drctl resume\`.`,
    throttled:
      'AWS kept throttling after retries. Wait a minute and run `drctl resume`: the step re-plans from live ' +
      'state and does not repeat a call AWS already accepted.',
    ...extra,
  };
}

/** Returns the error with the action's context and hint when one applies, otherwise unchanged. */
export function explainAwsError(error: unknown, doing: string, hints: KindHints): unknown {
  if (!isAwsError(error)) return error;
  const hint = hints[error.details.kind];
  if (!hint) return error;
  return new AwsError(error.details, `${doing}: ${error.message}`, hint, error);
}

/** Runs `call`; an AwsError leaves it explained for the step that made it. */
export async function explained<T>(doing: string, hints: KindHints, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainAwsError(error, doing, hints);
  }
}
