// The end-of-run summary every reporter prints: each step's final state and duration, and the elapsed
// time against the runbook's RTO. Elapsed runs from the incident start when one was given, else from
// the first start of the run; the full RTO/RPO report (per resource) is the report module's job.
import type { ProblemRecord } from '../core/errors';
import type { RunOutcome, StepState } from '../core/events';
import { changedNothing, displayState, type RunState, type StepRecord } from './state';

export interface StepSummary {
  id: string;
  uses: string;
  phase: 'main' | 'rollback';
  state: StepState;
  durationMs?: number;
  attempts: number;
  note?: string;
  /** Stopped (Ctrl-C) after AWS accepted its change: the operations that go on in AWS. `resume` joins them. */
  underWayInAws?: string[];
  error?: ProblemRecord;
}

export interface RunSummary {
  runId: string;
  runbook: string;
  outcome?: RunOutcome;
  elapsedMs?: number;
  rtoMs?: number;
  /** undefined when the runbook sets no RTO, the run has not finished, or it never started (notStarted). */
  withinRto?: boolean;
  /** The run ended without changing anything (preflight failed, approval refused): no RTO to judge. */
  notStarted?: true;
  counts: Partial<Record<StepState, number>>;
  steps: StepSummary[];
  apiCalls: number;
  mutatingCalls: number;
  error?: ProblemRecord;
}

/**
 * For a step stopped (Ctrl-C) after AWS accepted its change: the operations it sent, which go on in AWS
 * without drctl watching. A cancelled step is not an undone change.
 */
export function operationsUnderWay(step: StepRecord): string[] | undefined {
  if (step.state !== 'cancelled' || step.appliedAt === undefined) return undefined;
  return step.intent?.calls.map((call) => call.operation) ?? [];
}

export function summarizeRun(state: RunState): RunSummary {
  const steps = state.order.flatMap((id) => {
    const step = state.steps[id];
    // Rollback steps that never ran are not part of this run's story.
    if (!step || (step.phase === 'rollback' && step.state === 'pending')) return [];
    const shown = displayState(step, state);
    const underWay = operationsUnderWay(step);
    const note = underWay ? `${step.reason ?? 'stopped'}; still under way in AWS` : (step.alreadyDone ? 'already done' : step.joined ? 'joined an operation under way' : step.continued ? 'continue-on-error' : step.reason);
    const durationMs = step.startedAt !== undefined && step.finishedAt !== undefined ? step.finishedAt - step.startedAt : undefined;
    return [{ id, uses: step.uses, phase: step.phase, state: shown, durationMs, attempts: step.attempts, note, ...(underWay ? { underWayInAws: underWay } : {}), error: step.error }];
  });
  const counts: RunSummary['counts'] = {};
  for (const step of steps) counts[step.state] = (counts[step.state] ?? 0) + 1;
  const from = state.incidentStart ?? state.startedAt;
  const elapsedMs = from !== undefined && state.finishedAt !== undefined ? state.finishedAt - from : undefined;
  const rtoMs = state.objectives.rtoMs;
  const notStarted = state.outcome !== undefined && state.outcome !== 'succeeded' && changedNothing(state);
  return {
    runId: state.runId,
    runbook: state.runbook,
    outcome: state.outcome,
    elapsedMs,
    rtoMs,
    // A run that did not succeed did not recover anything, whatever the clock says.
    withinRto: rtoMs !== undefined && elapsedMs !== undefined && !notStarted ? state.outcome === 'succeeded' && elapsedMs <= rtoMs : undefined,
    ...(notStarted ? { notStarted: true as const } : {}),
    counts,
    steps,
    apiCalls: state.apiCalls,
    mutatingCalls: state.mutatingCalls,
    error: state.error,
  };
}
