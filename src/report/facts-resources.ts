// Per-resource facts: what each step that acts on a resource did, when AWS accepted the call, when the
// new writer was confirmed available in the target, and what could have been lost (the RPO).
import type { MetricReading } from '../core/action';
import type { EventOf, RunEvent } from '../core/events';
import { displayState, type RunState, type StepRecord } from '../engine/state';
import type { ResourceFacts, ResourceRpo } from './facts-types';

type Target = NonNullable<EventOf<'step.planned'>['target']>;

const DATA_STORE_ACTIONS = /^(aurora|docdb|elasticache)\./;
/** Operations after which the target stands alone: there is no replication left to be in sync. */
const STANDALONE_OPERATIONS = new Set(['detach', 'disassociate']);

/** The last target each step's plan named (a resumed step plans again; the newest plan wins). */
function plannedTargets(events: readonly RunEvent[]): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const event of events) {
    if (event.type === 'step.planned' && event.target) targets.set(event.stepId, event.target);
  }
  return targets;
}

function lagReadingsByStep(events: readonly RunEvent[]): Map<string, MetricReading[]> {
  const readings = new Map<string, MetricReading[]>();
  for (const event of events) {
    if (event.type !== 'metric.read' || event.reading.kind !== 'replication-lag' || event.stepId === undefined) continue;
    const list = readings.get(event.stepId) ?? [];
    list.push(event.reading);
    readings.set(event.stepId, list);
  }
  return readings;
}

/**
 * The RPO of one cutover: the last replication-lag reading the step recorded. The lag is read just
 * before the call; a completed switchover then records 0 (AWS synchronised every secondary first), so
 * the last reading is what could have been lost either way.
 */
export function resourceRpo(readings: readonly MetricReading[] | undefined): ResourceRpo {
  const last = readings?.[readings.length - 1];
  if (!last) return { source: 'none' };
  const where = { metricName: last.metricName, region: last.region, at: last.at };
  if (last.missing || last.valueMs === undefined) return { source: 'missing', ...where };
  return { source: last.metricName === 'SwitchoverGlobalCluster' ? 'switchover' : 'lag', valueMs: last.valueMs, ...where };
}

/** When AWS took the call. A crash can lose the answer; then the durable intent says when it was sent. */
function acceptance(step: StepRecord): { acceptedAt?: number; acceptedIsSendTime?: boolean } {
  if (step.appliedAt !== undefined) return { acceptedAt: step.appliedAt };
  if (step.intent) return { acceptedAt: step.intent.at, acceptedIsSendTime: true };
  return {};
}

function syncOf(step: StepRecord, kind: ResourceFacts['kind'], operation: string | undefined): ResourceFacts['sync'] {
  if (kind === 'traffic' || (operation !== undefined && STANDALONE_OPERATIONS.has(operation))) return 'not-applicable';
  if (step.state !== 'succeeded') return 'unknown';
  // After a failover the action reports the old primary it leaves to AWS to rebuild: "...; resyncing: ...".
  return /\bresyncing\b/.test(step.lastObservation ?? '') ? 'resyncing' : 'in-sync';
}

function resourceFact(step: StepRecord, state: RunState, target: Target | undefined, readings: MetricReading[] | undefined): ResourceFacts {
  const kind: ResourceFacts['kind'] = DATA_STORE_ACTIONS.test(step.uses) ? 'data-store' : 'traffic';
  const alreadyDone = step.alreadyDone === true;
  const joined = step.joined === true;
  const { acceptedAt, acceptedIsSendTime } = acceptance(step);
  const succeeded = step.state === 'succeeded';
  const availableAt = succeeded ? step.finishedAt : undefined;
  // The change happened in this run when AWS accepted a call or drctl joined one under way. A call whose
  // answer a crash lost may have happened too; one that AWS refused (the step failed) did not.
  const callSent = step.intent !== undefined && step.state !== 'failed';
  const cutover = kind === 'data-store' && (step.appliedAt !== undefined || joined || callSent);
  return {
    resource: target?.resource ?? step.resource ?? '',
    stepId: step.id,
    uses: step.uses,
    kind,
    operation: target?.operation,
    from: target?.from,
    to: target?.to,
    state: displayState(step, state),
    alreadyDone,
    joined,
    cutover,
    startedAt: step.startedAt,
    acceptedAt,
    acceptedIsSendTime,
    availableAt,
    sync: syncOf(step, kind, target?.operation),
    rtoMs: acceptedAt !== undefined && availableAt !== undefined ? availableAt - acceptedAt : undefined,
    rpo: cutover ? resourceRpo(readings) : { source: 'none' },
    lastObservation: step.lastObservation,
  };
}

/** Main-phase steps that acted on or watched a resource, in declaration order. Rollback steps are on the timeline. */
export function resourceFacts(state: RunState, events: readonly RunEvent[]): ResourceFacts[] {
  const targets = plannedTargets(events);
  const readings = lagReadingsByStep(events);
  return state.order.flatMap((id) => {
    const step = state.steps[id];
    if (!step || step.phase !== 'main') return [];
    const target = targets.get(id);
    if (!target && !step.resource) return [];
    // A step skipped by its `if` or never reached did nothing to its resource.
    if (!target && step.attempts === 0) return [];
    return [resourceFact(step, state, target, readings.get(id))];
  });
}
