// Reading a finished in-process run: the simulator's operations log says how long AWS itself took; drctl's
// events say when drctl started and noticed things; the request log says how often it asked. All times
// are simulated ms, the same clock on both sides.
import type { RunEvent } from '../src/core/events';
import { resourceInfoOf } from '../src/core/services/catalogue';
import type { OperationRecord, RequestRecord } from '../src/sim/index';
import type { HarnessRun } from './engine-harness';

export interface TimedOperation {
  record: OperationRecord;
  durationMs: number;
  /** The simulator ids the operation's requests may name: global id, members, change id. */
  ids: string[];
}

export function completedOperations(run: HarnessRun): TimedOperation[] {
  const members = memberIds(run);
  return run.world.operations
    .filter((record) => record.outcome === 'completed' && record.completedAt !== undefined)
    .map((record) => ({
      record,
      durationMs: (record.completedAt ?? record.requestedAt) - record.requestedAt,
      ids: [record.resource, ...(record.target ? [record.target] : []), ...(members.get(record.resource) ?? [])],
    }));
}

/** Global cluster / datastore id -> its member clusters and replication groups, from the world's spec. */
function memberIds(run: HarnessRun): Map<string, string[]> {
  const body = run.world.spec.spec;
  const ids = new Map<string, string[]>();
  for (const global of [...body.aurora, ...body.docdb]) ids.set(global.globalClusterId, global.clusters.map((cluster) => cluster.id));
  for (const datastore of body.elasticache) ids.set(datastore.globalReplicationGroupId, datastore.replicationGroups.map((group) => group.id));
  return ids;
}

const isDns = (operation: TimedOperation) => operation.record.service === 'route53';

/**
 * What no orchestrator can beat: the slowest data store (they can all move at once) plus the DNS change
 * that must follow them. Health waits on checks that are already green add nothing.
 */
export function criticalPathMs(operations: readonly TimedOperation[]): number {
  const slowest = (list: TimedOperation[]) => Math.max(0, ...list.map((operation) => operation.durationMs));
  return slowest(operations.filter((operation) => !isDns(operation))) + slowest(operations.filter(isDns));
}

/** What a tool that does one thing at a time would take at the very least. */
export function sumOfOperationsMs(operations: readonly TimedOperation[]): number {
  return operations.reduce((sum, operation) => sum + operation.durationMs, 0);
}

/** Steps that wait for the application (its alarms, its answers): their time is the world's, not drctl's. */
const APPLICATION_SIGNALS = new Set(['cloudwatch.wait-alarms', 'http.probe']);

/**
 * How long drctl took to do the AWS work: from the start to the end of the last step that is not waiting
 * for the application. Traffic reaching the application after the DNS change (Route 53's verdict, the
 * TTL, an alarm's next evaluation) is simulated AWS and resolver time, which no orchestrator can shorten.
 */
export function runDurationMs(events: readonly RunEvent[]): number {
  const started = events.find((event) => event.type === 'run.started');
  const finished = events.find((event) => event.type === 'run.finished');
  if (!started || !finished || started.type !== 'run.started') throw new Error('bench: the run has no run.started / run.finished events');
  const waiting = new Set(started.steps.filter((step) => APPLICATION_SIGNALS.has(step.uses)).map((step) => step.id));
  if (waiting.size === 0) return finished.at - started.at;
  const ends = events.flatMap((event) => (event.type === 'step.succeeded' && !waiting.has(event.stepId) ? [event.at] : []));
  return Math.max(...ends, started.at) - started.at;
}

const READ = /^(Describe|Get|List)/;

/** Whether a request (by the resource it names) is about one of the ids: exact, an ARN ending in it, a node <id>-001. */
function names(request: RequestRecord, ids: readonly string[]): boolean {
  return request.resource.split(',').some((named) => {
    const id = named.includes(':') ? (named.split(/[:/]/).pop() ?? named) : named;
    return ids.some((candidate) => id === candidate || id.startsWith(`${candidate}-`));
  });
}

export function readsAbout(run: HarnessRun, operation: TimedOperation, from: number, to: number): RequestRecord[] {
  return run.world.requests.filter((request) => request.at >= from && request.at <= to && READ.test(request.operation) && names(request, operation.ids));
}

/** Read calls (describes, lag and change reads) about the resource per minute while its operation ran. */
export function readsPerMinute(run: HarnessRun, operation: TimedOperation): number {
  const end = operation.record.completedAt ?? operation.record.requestedAt;
  const reads = readsAbout(run, operation, operation.record.requestedAt, end);
  return operation.durationMs > 0 ? reads.length / (operation.durationMs / 60_000) : 0;
}

export interface Notice {
  operation: TimedOperation;
  /** step.succeeded - operation.completedAt. */
  delayMs: number;
  /** The gap between the poll that noticed and the one before it: the interval in effect. */
  intervalMs: number;
}

/** For every completed operation, how long after the simulator finished it drctl's step succeeded. */
export function noticeDelays(run: HarnessRun): Notice[] {
  const stepByResourceId = stepsByResourceId(run);
  const succeededAt = new Map(run.events.flatMap((event) => (event.type === 'step.succeeded' ? [[event.stepId, event.at] as const] : [])));
  return completedOperations(run).flatMap((operation) => {
    const step = stepByResourceId.get(operation.record.resource);
    const noticedAt = step === undefined ? undefined : succeededAt.get(step);
    const completedAt = operation.record.completedAt;
    if (noticedAt === undefined || completedAt === undefined) return [];
    const polls = [...new Set(readsAbout(run, operation, operation.record.requestedAt, noticedAt).map((request) => request.at))].sort((a, b) => a - b);
    const last = polls.at(-1);
    const before = polls.at(-2);
    const intervalMs = last !== undefined && before !== undefined ? last - before : Number.NaN;
    return [{ operation, delayMs: noticedAt - completedAt, intervalMs }];
  });
}

/** Simulator id (global cluster, datastore, hosted zone) -> the step that acted on it. */
function stepsByResourceId(run: HarnessRun): Map<string, string> {
  const resources = run.document.spec.resources ?? {};
  const applied = new Set(run.events.flatMap((event) => (event.type === 'step.applied' ? [event.stepId] : [])));
  const steps = new Map<string, string[]>();
  for (const step of run.document.spec.steps) {
    const name = step.with?.resource;
    const resource = typeof name === 'string' ? resources[name] : undefined;
    if (!resource || !applied.has(step.id)) continue;
    // The simulator names a record change by its hosted zone; everything else by the resource's own id.
    const id = resource.type === 'route53-record-set' ? resource.hostedZoneId : resourceInfoOf(resource.type).id(resource);
    steps.set(id, [...(steps.get(id) ?? []), step.id]);
  }
  // Several steps changing one hosted zone (two records in one zone) cannot be told apart by the zone:
  // pairing a change with another step's success gave delays of minus fifteen minutes. They are left out.
  return new Map([...steps].flatMap(([id, ids]) => (ids.length === 1 ? [[id, ids[0] as string] as const] : [])));
}
