// Per-resource facts: what each step that acts on a resource did, when AWS accepted the call, when the
// new writer was confirmed available in the target, and what could have been lost (the RPO). A step
// interrupted and resumed is re-planned from live state, which may already show the writer in the target:
// the regions, acceptance and lag that count are those of the session that made the call.
import type { MetricReading } from '../core/action';
import type { EventOf, RunEvent } from '../core/events';
import { displayState, type RunState, type StepRecord } from '../engine/state';
import type { ResourceFacts, ResourceRpo } from './facts-types';

type Target = NonNullable<EventOf<'step.planned'>['target']>;

const DATA_STORE_ACTIONS = /^(aurora|docdb|elasticache)\./;
/** Operations after which the target stands alone: there is no replication left to be in sync. */
const STANDALONE_OPERATIONS = new Set(['detach', 'disassociate']);
/** Journals before the RPO went by operation recorded a completed switchover as a 0 "reading" of this name. */
const LEGACY_SWITCHOVER_READING = 'SwitchoverGlobalCluster';

interface StepHistory {
  /** The target of the plan that led to the step's last intent; else of its newest plan. */
  target?: Target;
  /** The replication lag read just before AWS accepted the call (apply reads it, then calls); else the newest. */
  lag?: MetricReading;
}

function histories(events: readonly RunEvent[]): Map<string, StepHistory> {
  const found = new Map<string, StepHistory & { planned?: Target; read?: MetricReading; committed?: boolean; applied?: boolean }>();
  const of = (stepId: string) => found.get(stepId) ?? found.set(stepId, {}).get(stepId)!;
  for (const event of events) {
    if (event.type === 'step.planned' && event.target) of(event.stepId).planned = event.target;
    if (event.type === 'metric.read' && event.stepId !== undefined && event.reading.kind === 'replication-lag' && event.reading.metricName !== LEGACY_SWITCHOVER_READING) {
      of(event.stepId).read = event.reading;
    }
    if (event.type === 'step.intent') Object.assign(of(event.stepId), { target: of(event.stepId).planned, committed: true });
    if (event.type === 'step.applied') Object.assign(of(event.stepId), { lag: of(event.stepId).read, applied: true });
  }
  for (const history of found.values()) {
    if (!history.committed) history.target = history.planned;
    if (!history.applied) history.lag = history.read;
  }
  return found;
}

/**
 * The RPO of one cutover, by operation. A switchover synchronises every secondary before it flips the
 * writer, so it loses nothing whatever the lag was. A failover, a detach, or ElastiCache's promotion of an
 * asynchronous secondary could lose what had not replicated: the lag read just before the call. A
 * datapoint too old to describe the cutover is no measurement.
 */
export function resourceRpo(operation: string | undefined, reading: MetricReading | undefined): ResourceRpo {
  const where = reading && {
    metricName: reading.metricName,
    region: reading.region,
    at: reading.at,
    ...(reading.dimensions ? { dimensions: reading.dimensions } : {}),
    ...(reading.pointAt === undefined ? {} : { pointAt: reading.pointAt, ageMs: reading.ageMs }),
    ...(reading.staleAfterMs === undefined ? {} : { staleAfterMs: reading.staleAfterMs }),
  };
  const lag = reading?.missing || reading?.valueMs === undefined ? {} : { lagMs: reading.valueMs };
  if (operation === 'switchover') return { source: 'switchover', valueMs: 0, ...lag, ...where };
  if (!reading) return { source: 'none' };
  if (reading.missing || reading.valueMs === undefined) return { source: 'missing', ...where };
  if (reading.stale) return { source: 'stale', ...lag, ...where };
  return { source: 'lag', valueMs: reading.valueMs, ...lag, ...where };
}

/** When AWS took the call. A crash can lose the answer; then the durable intent says when it was sent. */
function acceptance(step: StepRecord): { acceptedAt?: number; acceptedIsSendTime?: boolean } {
  // A step that only watches (a probe, an alarm) makes no call to accept, whatever it does in apply.
  if (!step.mutating) return {};
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

function resourceFact(step: StepRecord, state: RunState, history: StepHistory): ResourceFacts {
  const { target } = history;
  const kind: ResourceFacts['kind'] = DATA_STORE_ACTIONS.test(step.uses) ? 'data-store' : 'traffic';
  // Found done by a later session after an earlier one sent the call: that call made the change.
  const alreadyDone = step.alreadyDone === true && step.intent === undefined && step.appliedAt === undefined;
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
    rpo: cutover ? resourceRpo(target?.operation, history.lag) : { source: 'none' },
    lastObservation: step.lastObservation,
  };
}

/** Main-phase steps that acted on or watched a resource, in declaration order. Rollback steps are on the timeline. */
export function resourceFacts(state: RunState, events: readonly RunEvent[]): ResourceFacts[] {
  const byStep = histories(events);
  return state.order.flatMap((id) => {
    const step = state.steps[id];
    if (!step || step.phase !== 'main') return [];
    const history = byStep.get(id) ?? {};
    if (!history.target && !step.resource) return [];
    // A step skipped by its `if` or never reached did nothing to its resource.
    if (!history.target && step.attempts === 0) return [];
    return [resourceFact(step, state, history)];
  });
}
