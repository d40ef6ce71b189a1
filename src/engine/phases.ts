// The shape of a run: preflight, the start confirmation, the main DAG, and on failure the rollback DAG.
// Rollback steps are their own DAG (declared under `rollback:`), run in their dependency order; they are
// not an automatic reverse of what ran, because undoing a failover is its own operation (fail back).
import { DrctlError, ExitCode } from '../core/errors';
import type { RunbookDocument, Step } from '../runbook/schema';
import type { EngineContext } from './context';
import { approvalGatesAllMutations, mutatingSteps } from './confirm';
import { hasCode, interrupted, outcomeUnknown, preflightFailed } from './errors';
import { approvalDenied } from '../core/operator';
import type { RunOutcome } from '../core/events';
import { StepGraph } from './graph';
import { runPreflight } from './preflight';
import { runPhase } from './scheduler';
import { scopeOf } from './scope';
import { changedNothing, isSettled, type RunState } from './state';
import type { RunSignals } from './run-signals';

export interface Verdict {
  outcome: RunOutcome;
  error?: unknown;
}

export interface PhaseSetup {
  document: RunbookDocument;
  main: EngineContext;
  rollback: EngineContext;
  signals: RunSignals;
  maxParallel: number;
  noRollback: boolean;
  confirmRun: boolean;
  /** The command that reads the state of this runbook's resources, for a step whose outcome is unknown. */
  statusCommand: string;
}

const RUN_GATE = '(run)';

export async function runMainThenRollback(setup: PhaseSetup, withPreflight: boolean): Promise<Verdict> {
  const { main, document, signals } = setup;
  if (withPreflight) {
    const failed = await runPreflight(main, document.spec.preflight ?? [], scopeOf(main.emitter.state, main.resources), false);
    if (main.stop.aborted) return cancelAll(main, document.spec.steps, 'not started: the run was stopped', { outcome: 'aborted', error: interrupted(signals.forced) });
    if (failed.length > 0) return cancelAll(main, document.spec.steps, 'not started: preflight failed', { outcome: 'failed', error: preflightFailed(failed) });
  }
  try {
    await confirmStart(setup, main, document.spec.steps);
  } catch (error) {
    return cancelAll(main, document.spec.steps, 'not started: the run was not confirmed', stoppedOrFailed(setup, error));
  }
  const result = await runPhase(main, new StepGraph(document.spec.steps), 'main', setup.maxParallel);
  // Rolling back over a change nobody can see would be blind: stop, say so, and name what reads the state.
  if (result.unknown.length > 0) return { outcome: 'unknown', error: outcomeUnknown(result.unknown, setup.statusCommand) };
  if (signals.deadline.signal.aborted && !main.stop.aborted) {
    return rollbackAfter(setup, { outcome: 'failed', error: result.failure ?? signals.deadline.signal.reason }, 'the run deadline passed');
  }
  if (result.failure === undefined) return result.stopped ? { outcome: 'aborted', error: interrupted(signals.forced) } : { outcome: 'succeeded' };
  const stepId = failedStep(main);
  return rollbackAfter(setup, stoppedOrFailed(setup, result.failure), `step "${stepId}" failed`);
}

/** `drctl rollback`, or a resume that finds the rollback phase under way. */
export async function runRollbackOnly(setup: PhaseSetup, reason: string): Promise<Verdict> {
  const state = setup.rollback.emitter.state;
  if (state.rollback?.state !== 'running') {
    try {
      await confirmStart(setup, setup.rollback, setup.document.spec.rollback ?? []);
    } catch (error) {
      return stoppedOrFailed(setup, error);
    }
  }
  const rolled = await rollbackPhase(setup, reason);
  if (rolled === 'stopped') return { outcome: 'aborted', error: interrupted(setup.signals.forced) };
  return verdictAfterRollback(state, setup.statusCommand);
}

/** After a rollback: failed if the main phase failed (it did not do its job) or the rollback did. */
export function verdictAfterRollback(state: RunState, statusCommand: string): Verdict {
  const unknown = Object.values(state.steps).filter((step) => step.state === 'unknown').map((step) => step.id);
  if (unknown.length > 0) return { outcome: 'unknown', error: outcomeUnknown(unknown, statusCommand) };
  const mainFailure = Object.values(state.steps).find((step) => step.phase === 'main' && step.state === 'failed' && !step.continued);
  if (state.rollback?.state === 'failed') return { outcome: 'failed', error: rollbackFailure(state) };
  if (mainFailure) return { outcome: 'failed', error: mainFailure.error };
  return { outcome: 'succeeded' };
}

async function rollbackAfter(setup: PhaseSetup, verdict: Verdict, reason: string): Promise<Verdict> {
  // An operator who said no or pressed Ctrl-C decides what happens next; `drctl rollback` is there.
  if (verdict.outcome !== 'failed' || setup.noRollback || setup.main.stop.aborted) return verdict;
  // Rollback undoes what happened; when nothing was changed there is nothing to undo.
  if (changedNothing(setup.main.emitter.state)) return verdict;
  const rolled = await rollbackPhase(setup, reason);
  return rolled === 'stopped' ? { outcome: 'aborted', error: verdict.error } : verdict;
}

async function rollbackPhase(setup: PhaseSetup, reason: string): Promise<'succeeded' | 'failed' | 'unknown' | 'stopped' | 'none'> {
  const steps = setup.document.spec.rollback ?? [];
  const { emitter } = setup.rollback;
  if (steps.length === 0) return 'none';
  if (emitter.state.rollback?.state !== 'running') emitter.emit({ type: 'rollback.started', reason });
  const result = await runPhase(setup.rollback, new StepGraph(steps), 'rollback', setup.maxParallel);
  // Left unfinished on purpose: `drctl resume` carries on with the rollback.
  if (result.stopped) return 'stopped';
  const outcome = result.unknown.length > 0 ? 'unknown' : result.failure === undefined ? 'succeeded' : 'failed';
  emitter.emit({ type: 'rollback.finished', outcome });
  return outcome;
}

function stoppedOrFailed(setup: PhaseSetup, error: unknown): Verdict {
  if (hasCode(error, 'engine.approval-denied') || hasCode(error, 'engine.interrupted')) return { outcome: 'aborted', error };
  if (setup.main.stop.aborted) return { outcome: 'aborted', error: interrupted(setup.signals.forced) };
  return { outcome: 'failed', error };
}

/** Asks the operator to type the target region before the first change of a mutating phase. */
async function confirmStart(setup: PhaseSetup, engine: EngineContext, steps: readonly Step[]): Promise<void> {
  const state = engine.emitter.state;
  const remaining = steps.filter((step) => {
    const record = state.steps[step.id];
    return !record || !isSettled(record);
  });
  const mutating = mutatingSteps(remaining, engine.actions);
  if (!setup.confirmRun || mutating.length === 0 || approvalGatesAllMutations(remaining, engine.actions)) return;
  const text = engine.confirmText ?? setup.document.metadata.name;
  const ids = mutating.map((step) => step.id).join(', ');
  const message = `${setup.document.metadata.name}: ${mutating.length} step(s) will change AWS (${ids}). Type ${text} to start.`;
  const answer = await engine.approvals.approve({ stepId: RUN_GATE, message, confirmText: text }, 'run', AbortSignal.any([engine.stop, engine.hard]));
  if (!answer.approved) throw approvalDenied(RUN_GATE, answer.by);
}

/** Steps that will not start in this session say so, rather than stay pending forever. */
function cancelAll(engine: EngineContext, steps: readonly Step[], reason: string, verdict: Verdict): Verdict {
  for (const step of steps) {
    const record = engine.emitter.state.steps[step.id];
    if (record && !isSettled(record) && record.state !== 'cancelled') engine.emitter.emit({ type: 'step.cancelled', stepId: step.id, reason });
  }
  return verdict;
}

function failedStep(engine: EngineContext): string {
  const steps = Object.values(engine.emitter.state.steps);
  return steps.find((step) => step.phase === 'main' && step.state === 'failed' && !step.continued)?.id ?? '?';
}

function rollbackFailure(state: RunState): DrctlError {
  const steps = Object.values(state.steps);
  const failed = steps.find((step) => step.phase === 'rollback' && step.state === 'failed');
  return new DrctlError(
    'engine.rollback-failed',
    `rollback step "${failed?.id ?? '?'}" failed: ${failed?.error?.message ?? 'unknown error'}`,
    'The rollback did not finish. Fix the cause, then run `drctl rollback <run-id>` again; finished steps are not repeated.',
    { exitCode: ExitCode.runFailed },
  );
}
