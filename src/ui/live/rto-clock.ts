// The RTO clock: how long the service has been out (since --incident-start, else since the run began)
// against the runbook's objective. Its colour is the first thing the engineer reads: green with room to
// spare, yellow past three quarters of the objective, red once the objective is missed.
import type { RunState } from '../../engine/state';

export type RtoLevel = 'none' | 'ok' | 'warn' | 'over';

export interface RtoClock {
  /** Time counted against the objective. */
  elapsedMs: number;
  /** Time since this run began (differs when an incident start was given). */
  runElapsedMs: number;
  objectiveMs?: number;
  /** elapsed / objective, when there is an objective. */
  ratio?: number;
  level: RtoLevel;
  sinceIncident: boolean;
}

export const WARN_RATIO = 0.75;

export function levelOf(ratio: number | undefined): RtoLevel {
  if (ratio === undefined) return 'none';
  if (ratio > 1) return 'over';
  return ratio > WARN_RATIO ? 'warn' : 'ok';
}

/** undefined until the run has started. Stops at run.finished, so the final frame shows the achieved RTO. */
export function rtoClock(state: RunState, now: number, fallbackObjectiveMs?: number): RtoClock | undefined {
  if (state.startedAt === undefined) return undefined;
  const end = state.finishedAt ?? now;
  const from = state.incidentStart ?? state.startedAt;
  const objectiveMs = state.objectives.rtoMs ?? fallbackObjectiveMs;
  const elapsedMs = Math.max(0, end - from);
  const ratio = objectiveMs === undefined || objectiveMs <= 0 ? undefined : elapsedMs / objectiveMs;
  return {
    elapsedMs,
    runElapsedMs: Math.max(0, end - state.startedAt),
    objectiveMs,
    ratio,
    level: levelOf(ratio),
    sinceIncident: state.incidentStart !== undefined,
  };
}

/** A bar of `cells` cells filled in proportion to the ratio (full once the objective is reached). */
export function rtoBar(ratio: number, cells: number): string {
  const filled = Math.min(cells, Math.max(0, Math.round(ratio * cells)));
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
