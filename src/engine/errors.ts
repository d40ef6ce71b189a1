// Every way a run can stop, as a DrctlError with a stable code and a hint an on-call engineer can act on.
// Abort reasons are these errors too, so whatever a step was waiting on rejects with the real cause.
import { DrctlError, ExitCode, isDrctlError, type Problem } from '../core/errors';
import { formatDuration } from '../core/duration';

const failed = { exitCode: ExitCode.runFailed } as const;
const aborted = { exitCode: ExitCode.aborted } as const;

export function stepTimeout(stepId: string, timeoutMs: number): DrctlError {
  return new DrctlError(
    'engine.step-timeout',
    `step "${stepId}" did not finish within ${formatDuration(timeoutMs)}`,
    'Raise the step\'s `timeout:` if the operation is slow but healthy, or look at the last observation to see where it stalled.',
    failed,
  );
}

export function runDeadline(deadlineMs: number): DrctlError {
  return new DrctlError(
    'engine.run-deadline',
    `the run did not finish within its deadline of ${formatDuration(deadlineMs)}`,
    'Steps still running were stopped. Resume with `drctl resume <run-id>` or raise the deadline.',
    failed,
  );
}

export function interrupted(forced: boolean): DrctlError {
  return new DrctlError(
    'engine.interrupted',
    forced ? 'stopped at once by a second interrupt; calls in flight were abandoned' : 'stopped by the operator',
    'Continue where it stopped with `drctl resume <run-id>`; finished steps are not repeated.',
    aborted,
  );
}

export function approvalTimeout(stepId: string, timeoutMs: number): DrctlError {
  return new DrctlError(
    'engine.approval-timeout',
    `nobody answered approval "${stepId}" within ${formatDuration(timeoutMs)}`,
    'Run again with someone at the terminal, raise the approval `timeout:`, or pass --yes in automation.',
    failed,
  );
}

export function badParams(stepId: string, uses: string, detail: string): DrctlError {
  return new DrctlError(
    'engine.bad-params',
    `step "${stepId}" (${uses}) got invalid parameters after expressions were resolved: ${detail}`,
    'Check the `with:` block and the inputs it refers to; `drctl validate` catches most of these early.',
    failed,
  );
}

/** `where` names the step or check, e.g. 'step "orders"'. */
export function expressionFailed(where: string, detail: string): DrctlError {
  return new DrctlError(
    'engine.expression-failed',
    `${where}: ${detail}`,
    'An expression refers to a value that does not exist at run time; check inputs, resources and step outputs.',
    failed,
  );
}

export function unknownAction(stepId: string, uses: string): DrctlError {
  return new DrctlError('engine.unknown-action', `step "${stepId}" uses unknown action "${uses}"`, 'Run `drctl validate` to list the actions this version knows.', failed);
}

export function unknownCheck(name: string): DrctlError {
  return new DrctlError('engine.unknown-check', `preflight check "${name}" does not exist`, 'Run `drctl validate` to list the checks this version knows.', failed);
}

export function journalFailed(stepId: string, cause: unknown): DrctlError {
  return new DrctlError(
    'engine.journal-failed',
    `could not record the intent of step "${stepId}" durably, so its call was not made`,
    'Check that the journal directory is writable and the disk is not full, then resume the run.',
    { ...failed, cause },
  );
}

export function preflightFailed(names: string[]): DrctlError {
  return new DrctlError(
    'engine.preflight-failed',
    `preflight failed: ${names.join(', ')}; nothing was changed`,
    'Fix what the failed checks report (or wait for it to clear) and run again.',
    failed,
  );
}

/** Anything an action throws, as a Problem for the journal. Errors that are not DrctlErrors are bugs. */
export function toProblem(error: unknown): Problem {
  if (isDrctlError(error)) return error.toProblem();
  if (isProblem(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'engine.action-crashed',
    message: `an action failed unexpectedly: ${message}`,
    hint: 'This is a bug in drctl: report it with the run journal (.drctl/runs/<run-id>/journal.jsonl).',
  };
}

/** A Problem read back from the journal (a step's recorded error). */
function isProblem(value: unknown): value is Problem {
  if (value === null || typeof value !== 'object' || value instanceof Error) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/**
 * The run could not tell whether these steps' changes completed. `statusCommand` is the command that
 * reads the state (`drctl status <runbook>`); nothing was rolled back over them.
 */
export function outcomeUnknown(stepIds: readonly string[], statusCommand = 'drctl status <runbook>'): DrctlError {
  const steps = stepIds.map((id) => `"${id}"`).join(', ');
  return new DrctlError(
    'engine.outcome-unknown',
    `the outcome of step${stepIds.length === 1 ? '' : 's'} ${steps} is unknown: a change was made (or may have been) and drctl could not read whether it completed; nothing was rolled back over it`,
    `Read the state with \`${statusCommand}\`. Then \`drctl resume <run-id>\` reads each resource again and joins or finishes what is under way, without repeating a change that took.`,
    { exitCode: ExitCode.outcomeUnknown },
  );
}

/** `drctl rollback` over a step whose outcome is unknown would undo a change nobody has looked at. */
export function rollbackOverUnknown(stepIds: readonly string[]): DrctlError {
  return new DrctlError(
    'engine.rollback-over-unknown',
    `the outcome of step${stepIds.length === 1 ? '' : 's'} ${stepIds.map((id) => `"${id}"`).join(', ')} is unknown, so rolling back now could undo something that never happened, or fight an operation still under way`,
    'Run `drctl resume <run-id>` first: it reads the state and settles each unknown step (joined, finished, or done). Then roll back if you still need to.',
    { exitCode: ExitCode.outcomeUnknown },
  );
}

/** An error from AWS (a read or a call): its aws.* code says so. A failed read is never a verdict on an operation. */
export function isAwsFailure(error: unknown): boolean {
  return isDrctlError(error) && error.code.startsWith('aws.');
}

/** The call may have reached AWS and taken effect although it failed (a reset after sending, a timeout, a 5xx). */
export function isOutcomeUnknown(error: unknown): boolean {
  return isDrctlError(error) && error.outcomeUnknown;
}

export function isRetryable(error: unknown): boolean {
  return isDrctlError(error) && error.retryable;
}

export function hasCode(error: unknown, code: string): boolean {
  return isDrctlError(error) && error.code === code;
}
