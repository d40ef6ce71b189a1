// What every model of the world shares: simulated time, the seed, timed transitions, the faults, and the
// logs the benchmark reads (operations with their completion times; requests per service/region/op/resource).
//
// Time is lazy: transitions are scheduled at simulated instants and run, in order, whenever anyone looks
// at the world (settle). While a transition runs, now() is its scheduled instant, so completion times
// are exact however late the world is looked at.
//
// A served world (`drctl sim serve`) lives on its clients' wall clock and runs timeScale times faster by
// making every span in it shorter (operations, checker rounds, metric periods, fault windows): whatever
// it says about time is then consistent with the client's clock. In process the time scale is 1.
import type { SimClock } from './clock';
import { seededBetween } from './random';
import { type DurationKey, durationRange } from './world-durations';
import { ActiveFaults } from './world-faults';
import type { FaultSpec } from './world-faults-spec';
import type { OperationRecord, RequestRecord } from './world-state';

interface Transition {
  at: number;
  seq: number;
  run: () => void;
}

/** Keep the request log bounded: 200 resources polled for an hour stay well under this. */
const MAX_REQUEST_LOG = 200_000;

export class WorldCore {
  readonly startedAt: number;
  readonly faults: ActiveFaults;
  readonly operations: OperationRecord[] = [];
  readonly requests: RequestRecord[] = [];
  readonly requestCounts = new Map<string, number>();
  private transitions: Transition[] = [];
  private seq = 0;
  private settlingAt: number | undefined;
  private draws = new Map<string, number>();
  private listeners: Array<(operation: OperationRecord, what: string) => void> = [];
  private requestListeners: Array<(request: RequestRecord) => void> = [];

  constructor(
    readonly clock: SimClock,
    readonly seed: number,
    readonly durations: Partial<Record<DurationKey, string>>,
    faultSpecs: FaultSpec[],
    readonly timeScale = 1,
  ) {
    this.startedAt = clock.now();
    this.faults = new ActiveFaults(this.startedAt, seed, faultSpecs, timeScale);
  }

  /** A span of the world as declared (90 s of switchover, a 1-minute metric period), as it really lasts. */
  span(ms: number): number {
    return ms / this.timeScale;
  }

  now(): number {
    return this.settlingAt ?? this.clock.now();
  }

  schedule(at: number, run: () => void): void {
    this.transitions.push({ at, seq: this.seq++, run });
    this.transitions.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Runs every transition due by now, each at its own instant. */
  settle(): void {
    if (this.settlingAt !== undefined) return;
    const now = this.clock.now();
    try {
      for (let next = this.transitions[0]; next && next.at <= now; next = this.transitions[0]) {
        this.transitions.shift();
        this.settlingAt = next.at;
        next.run();
      }
    } finally {
      this.settlingAt = undefined;
    }
  }

  /** Instant of the next scheduled transition (for timers), if any. */
  nextTransitionAt(): number | undefined {
    return this.transitions[0]?.at;
  }

  /**
   * A duration for the nth use of `key` on `resource`, drawn from the configured range with the seed and
   * stretched by any slow-failover fault on the resource.
   */
  drawDuration(key: DurationKey, resource: string): number {
    const [min, max] = durationRange(key, this.durations);
    const useKey = `${key}/${resource}`;
    const nth = (this.draws.get(useKey) ?? 0) + 1;
    this.draws.set(useKey, nth);
    const factor = key === 'dnsChange' || key === 'resync' ? 1 : this.faults.durationFactor(resource);
    return Math.round(this.span(seededBetween(this.seed, min, max, key, resource, nth) * factor));
  }

  beginOperation(fields: Pick<OperationRecord, 'service' | 'region' | 'operation' | 'resource' | 'target'>): OperationRecord {
    const record: OperationRecord = { ...fields, id: this.operations.length + 1, requestedAt: this.now(), outcome: 'in-progress', milestones: [] };
    this.operations.push(record);
    this.milestone(record, 'accepted');
    return record;
  }

  milestone(record: OperationRecord, what: string): void {
    record.milestones.push({ at: this.now(), what });
    for (const listener of this.listeners) listener(record, what);
  }

  finish(record: OperationRecord, outcome: 'completed' | 'cancelled'): void {
    record.outcome = outcome;
    record.completedAt = this.now();
    this.milestone(record, outcome);
  }

  onMilestone(listener: (operation: OperationRecord, what: string) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  recordRequest(fields: Omit<RequestRecord, 'at'>): void {
    const key = requestKey(fields.service, fields.region, fields.operation, fields.resource);
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
    const record = { ...fields, at: this.now() };
    if (this.requests.length < MAX_REQUEST_LOG) this.requests.push(record);
    for (const listener of this.requestListeners) listener(record);
  }

  /** Every request as it arrives (`drctl sim serve --request-log`): the world's own account of what was sent. */
  onRequest(listener: (request: RequestRecord) => void): () => void {
    this.requestListeners.push(listener);
    return () => {
      this.requestListeners = this.requestListeners.filter((other) => other !== listener);
    };
  }
}

export function requestKey(service: string, region: string, operation: string, resource: string): string {
  return [service, region, operation, resource].join('|');
}
