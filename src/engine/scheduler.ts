// Runs one phase's DAG: every step whose needs are settled starts at once, up to maxParallel, so
// independent failovers overlap and the run takes about its longest path. After a failure or a stop
// nothing new starts; running steps finish (or time out) and steps never started are cancelled.
import type { EngineContext } from './context';
import { hasCode } from './errors';
import type { StepGraph } from './graph';
import { isSettled, type StepRecord } from './state';
import { conditionHolds, scopeOf } from './scope';
import { runStep, type StepEnd } from './step-runner';

export interface PhaseResult {
  /** The first failure that stopped the phase (not one let through by continue-on-error). */
  failure?: unknown;
  /** Ended early by Ctrl-C, --step quit, the run deadline or a forced stop. */
  stopped: boolean;
  /** Steps whose outcome is unknown: like a failure, nothing new starts after one. */
  unknown: string[];
}

export async function runPhase(engine: EngineContext, graph: StepGraph, phase: 'main' | 'rollback', maxParallel: number): Promise<PhaseResult> {
  const steps = engine.emitter.state.steps;
  const record = (id: string): StepRecord | undefined => steps[id];
  // On resume, steps that already succeeded or were skipped stay as they are.
  const todo = graph.order.filter((id) => {
    const step = record(id);
    return !step || !isSettled(step);
  });
  const started = new Set<string>();
  const running = new Map<string, Promise<StepEnd>>();
  let failure: unknown;
  const unknown: string[] = [];
  const halted = () => failure !== undefined || unknown.length > 0 || engine.stop.aborted || engine.hard.aborted;
  const ready = (id: string) =>
    graph.get(id).needs.every((need) => {
      const step = record(need);
      return step !== undefined && isSettled(step);
    });

  // A step whose `if:` is false does no work: it takes no slot, so when it is skipped does not depend on
  // --max-parallel (a drill replays the same whatever the parallelism).
  const skipping = (id: string) => {
    const step = graph.get(id).step;
    try {
      return step.if !== undefined && !conditionHolds(step, scopeOf(engine.emitter.state, engine.resources));
    } catch {
      return false; // a broken condition is the step's to report, in its own slot
    }
  };

  for (;;) {
    for (const id of todo) {
      if (halted()) break;
      if (started.has(id) || !ready(id)) continue;
      if (running.size >= Math.max(1, maxParallel) && !skipping(id)) continue;
      started.add(id);
      running.set(id, runStep(engine, graph.get(id).step, phase));
    }
    if (running.size === 0) break;
    const end = await Promise.race(running.values());
    running.delete(end.stepId);
    if (end.outcome === 'failed' && !end.continued && failure === undefined) failure = end.error;
    if (end.outcome === 'unknown') unknown.push(end.stepId);
  }

  const why = unknown.length > 0 && failure === undefined ? `not started: the outcome of step "${unknown[0]}" is unknown` : notStartedReason(engine, failure, todo, started, record);
  for (const id of todo) {
    if (!started.has(id)) engine.emitter.emit({ type: 'step.cancelled', stepId: id, reason: why });
  }
  return { failure, unknown, stopped: failure === undefined && unknown.length === 0 && (engine.stop.aborted || engine.hard.aborted) };
}

function notStartedReason(
  engine: EngineContext,
  failure: unknown,
  todo: string[],
  started: Set<string>,
  record: (id: string) => StepRecord | undefined,
): string {
  if (hasCode(failure, 'engine.approval-denied')) return 'not started: the approval was refused';
  if (failure !== undefined) {
    const failed = todo.find((id) => started.has(id) && record(id)?.state === 'failed' && !record(id)?.continued);
    return failed ? `not started: step "${failed}" failed` : 'not started: an earlier step failed';
  }
  if (engine.hard.aborted && !engine.stop.aborted) return 'not started: the run deadline passed';
  if (engine.stop.aborted || engine.hard.aborted) return 'not started: the run was stopped';
  return 'not started: a step it needs did not succeed';
}
