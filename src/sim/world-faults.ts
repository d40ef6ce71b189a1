// The faults in force, answered by simulated time. Fault times in the world file are offsets from the
// start of the simulation; here they become absolute windows.
import { parseDuration } from '../core/duration';
import { seededUnit } from './random';
import type { Service } from '../core/services/catalogue';
import { API_DOWN } from './catalogue';
import { type FaultSpec, REGIONAL_SERVICES, type RegionOutageFault } from './world-faults-spec';

interface Window {
  from: number;
  to: number;
}

function windowOf(startedAt: number, at: string, duration: string | undefined, timeScale: number): Window {
  const from = startedAt + (parseDuration(at) ?? 0) / timeScale;
  const length = duration === undefined ? Infinity : (parseDuration(duration) ?? Infinity) / timeScale;
  return { from, to: from + length };
}

const inside = (window: Window, time: number) => time >= window.from && time < window.to;

export class ActiveFaults {
  private readonly throttleCounts = new Map<string, number>();
  private readonly list: FaultSpec[] = [];

  constructor(
    private readonly startedAt: number,
    private readonly seed: number,
    specs: FaultSpec[],
    private readonly timeScale = 1,
  ) {
    for (const spec of specs) this.add(spec);
  }

  add(spec: FaultSpec): void {
    this.list.push(spec);
  }

  get all(): readonly FaultSpec[] {
    return this.list;
  }

  private outages(): RegionOutageFault[] {
    return this.list.filter((fault): fault is RegionOutageFault => fault.type === 'region-outage');
  }

  private outageWindow(fault: RegionOutageFault): Window {
    return windowOf(this.startedAt, fault.at, fault.for, this.timeScale);
  }

  /**
   * The outage making this region's API for this service unreachable at that time, if any: a region
   * outage, Route 53's control plane down, or one ARC cluster endpoint down.
   */
  apiOutage(region: string, service: Service, time: number): { mode: 'reset' | '503' } | undefined {
    const regional = this.outages().find(
      (fault) =>
        fault.region === region &&
        (fault.services ?? REGIONAL_SERVICES).includes(service) &&
        inside(this.outageWindow(fault), time),
    );
    if (regional) return regional;
    return this.list.find((fault) => {
      if (fault.type === 'route53-control-plane-outage') return service === 'route53' && this.inWindow(fault, time);
      // A service's own kinds that silence its API (src/sim/catalogue.ts: ARC's arc-endpoint-down).
      return API_DOWN.some((down) => down(fault, service, region)) && 'at' in fault && this.inWindow(fault, time);
    }) as { mode: 'reset' | '503' } | undefined;
  }

  private inWindow(fault: { at: string; for?: string }, time: number): boolean {
    return inside(windowOf(this.startedAt, fault.at, fault.for, this.timeScale), time);
  }

  /** Whether the region's endpoints (what health checks watch) are down at that time. */
  endpointsDown(region: string, time: number): boolean {
    return this.outages().some((fault) => fault.region === region && fault.endpointsDown && inside(this.outageWindow(fault), time));
  }

  /** Whether the region is impaired at all (API or endpoints) at that time. */
  regionImpaired(region: string, time: number): boolean {
    return this.outages().some((fault) => fault.region === region && inside(this.outageWindow(fault), time));
  }

  /** When the region is next unimpaired at or after `time`; Infinity when the outage never ends. */
  regionBackAt(region: string, time: number): number {
    let at = time;
    for (let guard = 0; guard < 100; guard++) {
      const current = this.outages()
        .filter((fault) => fault.region === region)
        .map((fault) => this.outageWindow(fault))
        .find((window) => inside(window, at));
      if (!current) return at;
      at = current.to;
      if (at === Infinity) return at;
    }
    return at;
  }

  /**
   * Decides whether this request is throttled: a seeded draw keyed by what is asked and how many times it
   * was asked before, so concurrent requests arriving in another order get the same decisions.
   */
  throttled(service: Service, region: string, operation: string, resource = ''): boolean {
    const rate = this.list.reduce((highest, fault) => {
      if (fault.type !== 'throttling' || fault.service !== service) return highest;
      if (fault.region && fault.region !== region) return highest;
      if (fault.operations && !fault.operations.includes(operation)) return highest;
      return Math.max(highest, fault.rate);
    }, 0);
    if (rate <= 0) return false;
    const key = [service, region, operation, resource].join('|');
    const nth = (this.throttleCounts.get(key) ?? 0) + 1;
    this.throttleCounts.set(key, nth);
    return seededUnit(this.seed, 'throttle', key, nth) < rate;
  }

  /** How much longer failovers of this global cluster or datastore take. */
  durationFactor(resource: string): number {
    return this.list.reduce((factor, fault) => (fault.type === 'slow-failover' && fault.resource === resource ? factor * fault.factor : factor), 1);
  }

  isStuck(resource: string): boolean {
    return this.list.some((fault) => fault.type === 'stuck-failover' && fault.resource === resource);
  }

  /** The spike value (ms) in force for this member at that time, if any. */
  lagSpikeMs(resource: string, member: string, time: number): number | undefined {
    return this.lagSpikeDuring(resource, member, time, time + 1);
  }

  /**
   * The largest spike (ms) in force at any time in [from, to): a one-minute datapoint's Maximum shows a
   * spike that covered any part of its minute. A spike from 0s was already on when the world began, so
   * the metric history before the start shows it too: the first read of a drill sees the declared lag.
   */
  lagSpikeDuring(resource: string, member: string, from: number, to: number): number | undefined {
    let spike: number | undefined;
    for (const fault of this.list) {
      if (fault.type !== 'lag-spike' || fault.resource !== resource) continue;
      if (fault.member && fault.member !== member) continue;
      const window = windowOf(this.startedAt, fault.at, fault.for, this.timeScale);
      const windowFrom = window.from === this.startedAt ? -Infinity : window.from;
      if (!(windowFrom < to && from < window.to)) continue;
      spike = Math.max(spike ?? 0, parseDuration(fault.value) ?? 0);
    }
    return spike;
  }
}
