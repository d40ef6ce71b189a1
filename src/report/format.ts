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

/**
 * What a step's row says beside it: its attempts, its note, and a failure's message. An unknown step's
 * note (its reason) already carries the message of the error it ended on.
 */
export function stepNotes(step: ReportFacts['steps'][number]): string {
  return [step.attempts > 1 ? `${step.attempts} attempts` : '', step.note ?? '', step.state === 'failed' && step.error ? step.error.message : ''].filter(Boolean).join('; ');
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
  return { met: 'met', missed: 'MISSED', unknown: 'not measured', none: 'no objective', 'not-started': 'not started' }[verdict];
}

export function outcomeWord(facts: ReportFacts): string {
  if (facts.run.mode === 'dry-run') return 'dry run';
  const word = facts.run.outcome === 'unknown' ? 'OUTCOME UNKNOWN' : (facts.run.outcome ?? 'did not finish');
  return facts.run.incomplete?.length ? `${word} (INCOMPLETE record)` : word;
}

/** Said at the top of every format when the record is incomplete: what follows is not a verdict. */
export function incompleteNotice(run: { incomplete?: string[] }): string | undefined {
  if (!run.incomplete?.length) return undefined;
  return `INCOMPLETE: ${run.incomplete.join('; ')}. The figures below come from what was recorded; no objective is judged.`;
}

/** Said at the top of every format when a step's outcome is unknown. */
export function unknownNotice(run: { unknownSteps?: string[]; file?: string }): string | undefined {
  if (!run.unknownSteps?.length) return undefined;
  const steps = run.unknownSteps.map((id) => `"${id}"`).join(', ');
  return `OUTCOME UNKNOWN: ${steps} made a change (or may have) whose result could not be read; nothing was rolled back over it. Read the state with \`drctl status ${run.file || '<runbook>'}\`, then \`drctl resume\` the run.`;
}

export function fromTo(fact: Pick<ResourceFacts, 'from' | 'to'>): string {
  if (!fact.from && !fact.to) return NONE;
  // A step that only names where it points (a DNS name to the new writer) has no "from".
  if (!fact.from) return `-> ${fact.to}`;
  return `${fact.from} -> ${fact.to ?? '?'}`;
}

export function syncWord(fact: ResourceFacts): string {
  return { 'in-sync': 'in sync', resyncing: 'old primary resyncing', unknown: 'unknown', 'not-applicable': NONE }[fact.sync];
}

export function resourceRpoText(rpo: ResourceRpo, cutover: boolean): string {
  if (!cutover) return NONE;
  if (rpo.source === 'switchover') return rpo.lagMs === undefined ? '0 (switchover)' : `0 (switchover; lag ${duration(rpo.lagMs)} at the cutover, not lost)`;
  if (rpo.source === 'lag') return `at most ${duration(rpo.valueMs)} (${rpo.metricName} in ${rpo.region})`;
  if (rpo.source === 'stale') return `unknown: stale lag datapoint (${duration(rpo.ageMs)} old)`;
  if (rpo.source === 'missing') return `unknown: no lag data${rpo.region ? ` in ${rpo.region}` : ''}`;
  return 'unknown: lag not read';
}

/** "AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-usw2, SourceRegion=us-east-1}" */
function metricText(metricName: string | undefined, dimensions: Record<string, string> | undefined): string {
  const entries = Object.entries(dimensions ?? {});
  return `${metricName ?? '?'}${entries.length ? ` {${entries.map(([name, value]) => `${name}=${value}`).join(', ')}}` : ''}`;
}

/**
 * Where a cutover's lag came from, and what it means for that operation: the metric, its dimensions, the
 * region, the datapoint's time and age. undefined when no lag was read.
 */
function lagReadingText(rpo: ResourceRpo): string | undefined {
  if (rpo.source === 'none' || rpo.metricName === undefined) return undefined;
  if (rpo.source === 'missing') return `no lag data: ${rpo.metricName} in ${rpo.region ?? '?'} had no datapoint`;
  const point = rpo.pointAt === undefined ? '' : `, datapoint ${clockTime(rpo.pointAt)}, ${duration(rpo.ageMs)} old`;
  const read = `${duration(rpo.lagMs)}: ${metricText(rpo.metricName, rpo.dimensions)} in ${rpo.region ?? '?'}${point}`;
  if (rpo.source === 'switchover') return `${read}; information only: a switchover synchronises before it moves the writer`;
  if (rpo.source === 'stale') return `${read}; stale: newest datapoint ${duration(rpo.ageMs)} old (limit ${duration(rpo.staleAfterMs)}), not a measurement`;
  return `${read}; an upper bound of what the cutover could lose`;
}

/** [resource, operation, lag text] for each cutover that read its lag: the section every format shows. */
export function lagRows(facts: ReportFacts): Array<[string, string, string]> {
  return facts.resources.flatMap((fact): Array<[string, string, string]> => {
    const text = fact.cutover ? lagReadingText(fact.rpo) : undefined;
    return text ? [[fact.resource, fact.operation ?? fact.uses, text]] : [];
  });
}

export const LAG_SECTION_TITLE = 'Replication lag read before each cutover';

export function rtoStartWords(rto: RtoFacts): string {
  return rto.clockStartSource === 'incident-start' ? 'the incident start' : 'the run start';
}

/** "3m12s, from the run start to api-west healthy", or why there is none. */
export function rtoSentence(rto: RtoFacts): string {
  if (rto.status === 'not-started') return rto.reason ?? 'not started';
  if (rto.valueMs === undefined) return `not measured: ${rto.reason ?? 'no restoring signal'}`;
  const end = rto.end ? `${rto.end.signal} (${rto.end.declared ? `step ${rto.end.stepId}, named by the runbook` : rto.end.stepId ? `step ${rto.end.stepId}, the last to restore` : 'the end of the run'})` : 'the end of the run';
  return `${formatDuration(rto.valueMs)}, from ${rtoStartWords(rto)} to ${end}`;
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
  return (
    `${known}: at most ${known} of writes to ${rpo.worst} made before the cutover may be lost ` +
    '(upper bound: the newest one-minute Maximum of its replication lag, read just before the call)'
  );
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
