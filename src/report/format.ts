// Words and numbers shared by every renderer, so the terminal, the postmortem and the HTML page say the
// same thing in the same words.
import { formatDuration } from '../core/duration';
import type { ReportFacts, ResourceFacts, ResourceRpo, RpoFacts, RtoFacts, Verdict } from './facts-types';

export const NONE = '—';

/** Steps worth showing: every main step, and rollback steps only when the rollback ran. */
export function shownSteps(facts: ReportFacts): ReportFacts['steps'] {
  return facts.steps.filter((step) => step.phase === 'main' || step.state !== 'pending');
}

/** Whole seconds from a minute up: "2m60s" cannot come out of rounding the seconds alone. */
function readable(ms: number): string {
  return formatDuration(Math.abs(ms) >= 60_000 ? Math.round(ms / 1_000) * 1_000 : ms);
}

export function duration(ms: number | undefined): string {
  return ms === undefined ? NONE : readable(ms);
}

/** "2026-01-05 09:03:12Z": UTC, to the second, readable in a table. */
export function clockTime(at: number | undefined): string {
  if (at === undefined || !Number.isFinite(at)) return NONE;
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** "+1m23s" after the RTO clock's start. */
export function offset(at: number | undefined, start: number | undefined): string {
  if (at === undefined || start === undefined) return NONE;
  const ms = at - start;
  return `${ms < 0 ? '-' : '+'}${readable(Math.abs(ms))}`;
}

export function verdictWord(verdict: Verdict): string {
  return { met: 'met', missed: 'MISSED', unknown: 'not measured', none: 'no objective' }[verdict];
}

export function outcomeWord(facts: ReportFacts): string {
  if (facts.run.mode === 'dry-run') return 'dry run';
  return facts.run.outcome ?? 'did not finish';
}

export function fromTo(fact: Pick<ResourceFacts, 'from' | 'to'>): string {
  if (!fact.from && !fact.to) return NONE;
  return `${fact.from ?? '?'} -> ${fact.to ?? '?'}`;
}

export function syncWord(fact: ResourceFacts): string {
  return { 'in-sync': 'in sync', resyncing: 'old primary resyncing', unknown: 'unknown', 'not-applicable': NONE }[fact.sync];
}

export function resourceRpoText(rpo: ResourceRpo, cutover: boolean): string {
  if (!cutover) return NONE;
  if (rpo.source === 'switchover') return '0 (switchover)';
  if (rpo.source === 'lag') return `${duration(rpo.valueMs)} (${rpo.metricName} in ${rpo.region})`;
  if (rpo.source === 'missing') return `unknown: no lag data${rpo.region ? ` in ${rpo.region}` : ''}`;
  return 'unknown: lag not read';
}

export function rtoStartWords(rto: RtoFacts): string {
  return rto.clockStartSource === 'incident-start' ? 'the incident start' : 'the run start';
}

/** "3m12s, from the run start to api-west healthy", or why there is none. */
export function rtoSentence(rto: RtoFacts): string {
  if (rto.valueMs === undefined) return `not measured: ${rto.reason ?? 'no restoring signal'}`;
  return `${formatDuration(rto.valueMs)}, from ${rtoStartWords(rto)} to ${rto.end?.signal ?? 'the end of the run'}`;
}

/** The RPO in plain words: what may have been lost, and where that figure comes from. */
export function rpoSentence(rpo: RpoFacts): string {
  if (rpo.status === 'no-cutover') return '0: no writer moved, so no data could be lost';
  const known = rpo.valueMs === undefined ? undefined : formatDuration(rpo.valueMs);
  if (rpo.status === 'unknown') {
    const bound = known ? `; at least ${known} (${rpo.worst})` : '';
    return `unknown: the replication lag of ${rpo.unknownFor.join(', ')} could not be read before the cutover${bound}`;
  }
  if (!rpo.valueMs) return '0: every writer moved without data loss';
  return `${known}: up to ${known} of writes to ${rpo.worst} made before the cutover may be lost (replication lag read just before it)`;
}

/** Shown as the objective column: "5m" or "none". */
export function objective(ms: number | undefined): string {
  return ms === undefined ? 'none' : formatDuration(ms);
}

/**
 * What every report of a simulated run says first: it is a rehearsal on the simulator, its times are
 * simulated, and when it really ran. undefined for a run against AWS.
 */
export function simulatedNotice(run: { simulated?: boolean; realStartedAt?: number }): string | undefined {
  if (!run.simulated) return undefined;
  return `SIMULATED: a drill on the drctl simulator, not a production failover. Every time and figure is simulated time; it really ran at ${clockTime(run.realStartedAt)}.`;
}
