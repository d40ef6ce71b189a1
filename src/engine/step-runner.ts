// A step from start to end: `if:`, the --step question, attempts with retries, and the one terminal
// event (succeeded, failed, skipped or cancelled). It never throws: the scheduler gets a StepEnd.
import { isDrctlError } from '../core/errors';
import type { Step } from '../runbook/schema';
import { parseDuration } from '../core/duration';
import type { EngineContext } from './context';
import { hasCode, isAwsFailure, isRetryable, toProblem, unknownAction } from './errors';
import { retryDelay } from '../core/retry-policy';
import { retryPolicyOf } from './retry';
import { conditionHolds, resolveWith, scopeOf, skipReason } from './scope';
import { runAttempt, type AttemptResult } from './step-attempt';
import { StepRun } from './step-run';
import { OPERATOR_SKIP_REASON, skippedChangesUpstream, stepQuestion } from './step-question';

export interface StepEnd {
  stepId: string;
  outcome: 'succeeded' | 'failed' | 'skipped' | 'cancelled' | 'unknown';
  error?: unknown;
  continued?: boolean;
}

type Phase = 'main' | 'rollback';

export async function runStep(engine: EngineContext, step: Step, phase: Phase): Promise<StepEnd> {
  const { emitter } = engine;
  const action = engine.actions.getAction(step.uses);
  if (!action) return failBeforeStart(engine, step, unknownAction(step.id, step.uses));
  try {
    if (!conditionHolds(step, scopeOf(emitter.state, engine.resources))) {
      emitter.emit({ type: 'step.skipped', stepId: step.id, reason: skipReason(step) });
      return { stepId: step.id, outcome: 'skipped' };
    }
  } catch (error) {
    return failBeforeStart(engine, step, error);
  }
  // Asked under --step, and also after "run all remaining" when a change this step depends on was skipped.
  const skippedUpstream = skippedChangesUpstream(emitter.state, step);
  if ((engine.gates.stepMode || skippedUpstream.length > 0) && step.uses !== 'approval') {
    const gate = await askStepMode(engine, step, phase, skippedUpstream);
    if (gate) return gate;
  }
  const timeoutMs = step.timeout === undefined ? action.defaultTimeoutMs : (parseDuration(step.timeout) ?? action.defaultTimeoutMs);
  const run = new StepRun(engine, step, action, phase, timeoutMs);
  try {
    const result = await runAttempts(run);
    emitter.emit({ type: 'step.succeeded', stepId: step.id, ...result });
    return { stepId: step.id, outcome: 'succeeded' };
  } catch (error) {
    const unknown = unknownReason(run, error);
    if (unknown) {
      engine.emitter.emit({ type: 'step.unknown', stepId: step.id, reason: unknown, error: toProblem(error) });
      return { stepId: step.id, outcome: 'unknown', error };
    }
    return endWithError(engine, step, error);
  } finally {
    run.end();
  }
}

/**
 * When a step ends on a failed read (or a timeout) after its change was sent or accepted, it did not
 * fail: what happened is not known. Verdicts of a read that answered (cancelled, someone else's change)
 * and stops (Ctrl-C, a journal that cannot be written) are not this.
 */
function unknownReason(run: StepRun, error: unknown): string | undefined {
  const { engine } = run;
  if (hasCode(error, 'engine.interrupted') || (engine.stop.aborted && error === engine.stop.reason)) return undefined;
  const timedOut = hasCode(error, 'engine.step-timeout');
  const why = toProblem(error).message;
  if (run.unresolved && (timedOut || isAwsFailure(error))) {
    return `${run.unresolved.what} may have taken effect: its answer was lost, and no read since has shown whether it did (${why})`;
  }
  if (run.accepted && (isAwsFailure(error) || (timedOut && run.readFailing !== undefined))) {
    const last = run.readFailing === undefined ? why : `${why}; last read: ${toProblem(run.readFailing).message}`;
    return `the change was accepted, but its progress could not be read to the end (${last})`;
  }
  return undefined;
}

async function runAttempts(run: StepRun): Promise<AttemptResult> {
  const policy = retryPolicyOf(run.step);
  for (let attempt = 1; ; attempt++) {
    run.engine.emitter.emit({ type: 'step.started', stepId: run.id, attempt });
    try {
      return await runAttempt(run);
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maximumAttempts || policy.nonRetryable.includes(toProblem(error).code) || run.signal.aborted) throw error;
      const delayMs = retryDelay(policy, attempt, run.engine.random);
      run.engine.emitter.emit({ type: 'step.retrying', stepId: run.id, attempt: attempt + 1, delayMs, error: toProblem(error) });
      await run.engine.clock.sleep(delayMs, run.signal);
    }
  }
}

/** Returns how the step ended when the operator did not say "run it". */
async function askStepMode(engine: EngineContext, step: Step, phase: Phase, skippedUpstream: string[]): Promise<StepEnd | undefined> {
  let params: Record<string, unknown> | undefined;
  try {
    params = resolveWith(step, scopeOf(engine.emitter.state, engine.resources));
  } catch {
    // The attempt reports a broken expression properly; the question only needs a summary.
  }
  let decision;
  try {
    decision = await engine.approvals.confirmStep(stepQuestion(step, phase, params, skippedUpstream), AbortSignal.any([engine.stop, engine.hard]));
  } catch (error) {
    return endWithError(engine, step, error);
  }
  if (decision === 'continue') engine.gates.stepMode = false;
  if (decision === 'skip') {
    engine.emitter.emit({ type: 'step.skipped', stepId: step.id, reason: OPERATOR_SKIP_REASON });
    return { stepId: step.id, outcome: 'skipped' };
  }
  if (decision === 'quit') {
    engine.requestStop();
    engine.emitter.emit({ type: 'step.cancelled', stepId: step.id, reason: 'the operator stopped the run (--step)' });
    return { stepId: step.id, outcome: 'cancelled' };
  }
  return undefined;
}

function failBeforeStart(engine: EngineContext, step: Step, error: unknown): StepEnd {
  engine.emitter.emit({ type: 'step.started', stepId: step.id, attempt: 1 });
  return endWithError(engine, step, error);
}

function endWithError(engine: EngineContext, step: Step, error: unknown): StepEnd {
  // Stopped from outside the step (Ctrl-C, a journal that cannot be written): it did not fail, it was cut off.
  if (hasCode(error, 'engine.interrupted') || (engine.stop.aborted && error === engine.stop.reason)) {
    engine.emitter.emit({ type: 'step.cancelled', stepId: step.id, reason: toProblem(error).message });
    return { stepId: step.id, outcome: 'cancelled', error };
  }
  if (error instanceof Error && !isDrctlError(error)) {
    // A bug, not an AWS or runbook problem: keep its stack in the journal for the report.
    engine.emitter.emit({ type: 'step.observation', stepId: step.id, message: `bug: ${error.message}`, data: { stack: error.stack } });
  }
  const continued = step['continue-on-error'] === true;
  engine.emitter.emit({ type: 'step.failed', stepId: step.id, error: toProblem(error), continued: continued || undefined });
  return { stepId: step.id, outcome: 'failed', error, continued };
}
