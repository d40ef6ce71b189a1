// The two figures a DR runbook exists for. RTO: from the incident (or the run's start) to the last
// restoring signal. RPO: the most data any cutover could have lost, read from replication lag just
// before it. Each is judged against the runbook's objective; what cannot be measured is said plainly.
import { duration as formatDuration } from './format';
import { changedNothing, type RunState, type StepRecord } from '../engine/state';
import type { ResourceFacts, RpoFacts, RtoFacts, Verdict } from './facts-types';

function judge(valueMs: number | undefined, objectiveMs: number | undefined): Verdict {
  if (objectiveMs === undefined) return 'none';
  if (valueMs === undefined) return 'unknown';
  return valueMs <= objectiveMs ? 'met' : 'missed';
}

/** What a restoring step's success means, in words: "api-west healthy", "orders-db writer available in us-west-2". */
function signalOf(step: StepRecord, fact: ResourceFacts | undefined): string {
  const resource = fact?.resource ?? step.resource ?? step.id;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (fact?.kind === 'data-store') {
    if (fact.operation === 'detach' || fact.operation === 'disassociate') return `${resource} standalone writer available${fact.to ? ` in ${fact.to}` : ''}`;
    return `${resource} writer available${fact.to ? ` in ${fact.to}` : ''}`;
  }
  if (/^route53\.(wait|assert)-healthy$/.test(step.uses)) return `${resource} ${step.outputs.healthy === false ? 'unhealthy' : 'healthy'}`;
  // The application's own signals: their actions describe what was seen (alarms OK, a probe answering).
  const seen = text(step.outputs.signal);
  if (seen) return seen;
  if (fact?.operation === 'invert' || fact?.operation === 'restore') return `${resource} health check ${fact.operation === 'invert' ? 'inverted' : 'restored'}`;
  if (fact?.operation === 'upsert-records') return `${resource} records in sync`;
  if (fact?.operation === 'set-routing-controls') return `routing controls ${resource} set`;
  if (fact?.operation === 'point-to-writer') return `${resource} points to the writer${fact.to ? ` in ${fact.to}` : ''}`;
  return `${step.id} succeeded`;
}

function notStartedReason(state: RunState): string {
  const preflightFailed = Object.values(state.preflight).some((check) => check.state === 'failed');
  return `not started: the run stopped before changing anything (${preflightFailed ? 'preflight failed' : `the run ${state.outcome ?? 'stopped'}`})`;
}

/** The runbook's declared end, else the last restoring signal: main-phase steps that acted on or watched a resource. */
function clockEnd(state: RunState, resources: readonly ResourceFacts[]): RtoFacts['end'] | { missing: string } {
  const byStep = new Map(resources.map((fact) => [fact.stepId, fact]));
  const declared = state.objectives.rtoEndsAt;
  if (declared !== undefined) {
    const step = state.steps[declared];
    if (!step || step.state !== 'succeeded' || step.finishedAt === undefined) {
      return { missing: `the step that ends the RTO clock (${declared}) ${step ? `is ${step.state}` : 'is not in this run'}` };
    }
    return { at: step.finishedAt, stepId: declared, signal: signalOf(step, byStep.get(declared)), declared: true };
  }
  let end: RtoFacts['end'];
  for (const id of state.order) {
    const step = state.steps[id];
    if (!step || step.phase !== 'main' || step.state !== 'succeeded' || step.finishedAt === undefined) continue;
    const fact = byStep.get(id);
    if (!fact) continue;
    if (!end || step.finishedAt >= end.at) end = { at: step.finishedAt, stepId: id, signal: signalOf(step, fact) };
  }
  // A runbook that touches no resource restores service when it finishes.
  return end ?? (state.finishedAt === undefined ? undefined : { at: state.finishedAt, stepId: '', signal: 'run finished' });
}

/**
 * Overall RTO, from the run's start (or the incident's) to the signal that service is back: the step the
 * runbook names (objectives.rtoEndsAt: the application healthy in the target region, as ARC Region switch
 * and Resilience Hub measure it), else the last restoring signal. Waits, assertions and approvals restore
 * nothing. Only a run that succeeded restored service, so only it has an RTO; one that changed nothing
 * did not start a recovery, so it has no verdict at all.
 */
export function rtoFacts(state: RunState, resources: readonly ResourceFacts[], incidentStart: number | undefined): RtoFacts {
  const clockStart = incidentStart ?? state.incidentStart ?? state.startedAt;
  const base: RtoFacts = {
    status: 'not-measured',
    clockStart,
    clockStartSource: incidentStart !== undefined || state.incidentStart !== undefined ? 'incident-start' : 'run-start',
    objectiveMs: state.objectives.rtoMs,
    verdict: judge(undefined, state.objectives.rtoMs),
  };
  if (state.mode === 'dry-run') return { ...base, reason: 'a dry run changes nothing, so it has no RTO' };
  if (state.outcome === undefined) return { ...base, reason: 'the run has not finished (still running, or cut off; `drctl resume` finishes it)' };
  if (state.outcome !== 'succeeded' && changedNothing(state)) return { ...base, status: 'not-started', verdict: 'not-started', reason: notStartedReason(state) };
  if (state.outcome !== 'succeeded') {
    const rolledBack = state.rollback?.state === 'succeeded' ? ' and was rolled back' : '';
    return { ...base, reason: `service was not restored: the run ${state.outcome}${rolledBack}` };
  }
  const end = clockEnd(state, resources);
  if (end && 'missing' in end) return { ...base, reason: end.missing };
  if (!end || clockStart === undefined) return { ...base, reason: 'the journal holds no start time' };
  const valueMs = Math.max(0, end.at - clockStart);
  return { ...base, status: 'measured', end, valueMs, verdict: judge(valueMs, state.objectives.rtoMs) };
}

/** Overall RPO: the worst cutover. One unreadable lag makes the whole figure unknown (a lower bound at most). */
export function rpoFacts(resources: readonly ResourceFacts[], objectiveMs: number | undefined): RpoFacts {
  const cutovers = resources.filter((fact) => fact.cutover);
  if (cutovers.length === 0) {
    // No writer moved, so nothing written before the run could be lost by it.
    return { status: 'no-cutover', valueMs: 0, unknownFor: [], objectiveMs, verdict: judge(0, objectiveMs) };
  }
  const unknownFor = cutovers.filter((fact) => fact.rpo.valueMs === undefined).map((fact) => fact.resource);
  let worst: ResourceFacts | undefined;
  for (const fact of cutovers) {
    if (fact.rpo.valueMs !== undefined && (worst?.rpo.valueMs === undefined || fact.rpo.valueMs > worst.rpo.valueMs)) worst = fact;
  }
  const valueMs = worst?.rpo.valueMs;
  if (unknownFor.length > 0) {
    // A known lower bound that already misses the objective is a miss whatever the unknown ones were.
    const verdict = objectiveMs === undefined ? 'none' : valueMs !== undefined && valueMs > objectiveMs ? 'missed' : 'unknown';
    return { status: 'unknown', valueMs, worst: worst?.resource, unknownFor, objectiveMs, verdict };
  }
  return { status: 'measured', valueMs, worst: worst?.resource, unknownFor, objectiveMs, verdict: judge(valueMs, objectiveMs) };
}

/** One line per objective not met; empty when every objective was met or none was set. */
export function shortfalls(rto: RtoFacts, rpo: RpoFacts): string[] {
  const lines: string[] = [];
  if (rto.verdict === 'missed' && rto.valueMs !== undefined && rto.objectiveMs !== undefined) {
    lines.push(`RTO ${formatDuration(rto.valueMs)} missed the ${formatDuration(rto.objectiveMs)} objective by ${formatDuration(rto.valueMs - rto.objectiveMs)}`);
  } else if (rto.verdict === 'unknown' && rto.objectiveMs !== undefined) {
    lines.push(`RTO not measured against the ${formatDuration(rto.objectiveMs)} objective: ${rto.reason ?? 'no restoring signal'}`);
  }
  if (rpo.verdict === 'missed' && rpo.valueMs !== undefined && rpo.objectiveMs !== undefined) {
    lines.push(`RPO ${formatDuration(rpo.valueMs)} (${rpo.worst}) missed the ${formatDuration(rpo.objectiveMs)} objective by ${formatDuration(rpo.valueMs - rpo.objectiveMs)}`);
  } else if (rpo.verdict === 'unknown' && rpo.objectiveMs !== undefined) {
    lines.push(`RPO unknown for ${rpo.unknownFor.join(', ')} (the replication lag could not be read): the ${formatDuration(rpo.objectiveMs)} objective cannot be shown to be met`);
  }
  return lines;
}
