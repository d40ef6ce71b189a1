// The engine owns the poll loop. It asks at once (a change may already be complete), then waits the
// action's interval and backs off gently (x1.5 up to 15 s): a 15-minute failover costs about 4 describe
// calls a minute per resource, and completion is noticed within one interval.
//
// A failed read is not a verdict: a throttled, failing (5xx) or unreachable describe says nothing about
// the operation it was asking after, so the loop keeps asking, on the same backoff, until the step's
// timeout. What a read that answered says (cancelled, someone else's change) is the action's verdict.
import type { ActionPlan } from '../core/action';
import { isAwsFailure, isRetryable } from './errors';
import type { StepRun } from './step-run';

export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const MAX_POLL_INTERVAL_MS = 15_000;
export const POLL_BACKOFF = 1.5;

export function nextPollInterval(currentMs: number, firstMs: number): number {
  return Math.min(Math.max(MAX_POLL_INTERVAL_MS, firstMs), currentMs * POLL_BACKOFF);
}

export async function pollUntilDone(run: StepRun, params: unknown, plan: ActionPlan): Promise<Record<string, unknown>> {
  const { action, engine } = run;
  const firstMs = action.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let intervalMs = firstMs;
  let lastObservation: string | undefined;
  const observe = (message: string) => {
    if (message === lastObservation) return;
    lastObservation = message;
    run.emit({ type: 'step.observation', stepId: run.id, message });
  };
  run.checkpoint();
  engine.emitter.emit({ type: 'step.polling', stepId: run.id, intervalMs });
  const context = run.context(engine.readPorts);
  for (;;) {
    try {
      const result = await run.call(() => action.poll(context, params, plan));
      run.readFailing = undefined;
      if (result.observation !== undefined) observe(result.observation);
      if (result.done) return result.outputs ?? {};
    } catch (error) {
      if (run.signal.aborted || !isAwsFailure(error) || !isRetryable(error)) throw error;
      run.readFailing = error;
      observe(`could not read progress (${(error as Error).message}); still waiting, this does not change the operation`);
    }
    await engine.clock.sleep(intervalMs, run.signal);
    intervalMs = nextPollInterval(intervalMs, firstMs);
  }
}
