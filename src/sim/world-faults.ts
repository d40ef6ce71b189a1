// The faults in force, answered by simulated time. Fault times in the world file are offsets from the
// start of the simulation; here they become absolute windows.
import { parseDuration } from '../core/duration';
import { mulberry32 } from './random';
import type { Service } from '../core/services/catalogue';
import { type FaultSpec, REGIONAL_SERVICES, type RegionOutageFault } from './world-faults-spec';

interface Window {
  from: number;
  to: number;
}

function windowOf(startedAt: number, at: string, duration: string | undefined): Window {
  const from = startedAt + (parseDuration(at) ?? 0);
  const length = duration === undefined ? Infinity : (parseDuration(duration) ?? Infinity);
  return { from, to: from + length };
}

const inside = (window: Window, time: number) => time >= window.from && time < window.to;

export class ActiveFaults {
  private readonly throttleDraw: () => number;
  private readonly list: FaultSpec[] = [];

  constructor(
    private readonly startedAt: number,
    seed: number,
    specs: FaultSpec[],
  ) {
    this.throttleDraw = mulberry32(seed ^ 0x7417);
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
    return windowOf(this.startedAt, fault.at, fault.for);
  }

  /** The outage making this region's API for this service unreachable at that time, if any. */
  apiOutage(region: string, service: Service, time: number): RegionOutageFault | undefined {
    return this.outages().find(
      (fault) =>
        fault.region === region &&
        (fault.services ?? REGIONAL_SERVICES).includes(service) &&
        inside(this.outageWindow(fault), time),
    );
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

  /** Decides, with the seeded draw, whether this request is throttled. */
  throttled(service: Service, region: string, operation: string): boolean {
    const rate = this.list.reduce((highest, fault) => {
      if (fault.type !== 'throttling' || fault.service !== service) return highest;
      if (fault.region && fault.region !== region) return highest;
      if (fault.operations && !fault.operations.includes(operation)) return highest;
      return Math.max(highest, fault.rate);
    }, 0);
    return rate > 0 && this.throttleDraw() < rate;
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
    let spike: number | undefined;
    for (const fault of this.list) {
      if (fault.type !== 'lag-spike' || fault.resource !== resource) continue;
      if (fault.member && fault.member !== member) continue;
      if (!inside(windowOf(this.startedAt, fault.at, fault.for), time)) continue;
      spike = Math.max(spike ?? 0, parseDuration(fault.value) ?? 0);
    }
    return spike;
  }
}
