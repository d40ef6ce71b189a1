// Where a client resolving a name is sent, at a simulated instant. Two delays stand between a change and
// the moment traffic really moves (docs/simulator.md, "Traffic"):
//   1. Route 53 answers from the records it serves (a change counts once INSYNC) and routes failover and
//      weighted records by each health check's verdict, which itself follows the endpoint after
//      RequestInterval x FailureThreshold, and an Inverted or Disabled change after the checkers' next
//      rounds (world-health-checks.ts). The verdict is the only thing routing reads, so any source of a
//      verdict (a routing control behind a RECOVERY_CONTROL check) moves traffic the same way.
//   2. Resolvers keep an answer for its TTL: at t the stalest client still holds Route 53's answer from
//      t - TTL, and every client reaches a region only once Route 53 has answered it for a whole TTL.
// Answers are pure functions of time, so they are computed when asked, on a one-second grid for the TTL
// window, and remembered once they are in the past.
import type { WorldCore } from './world-core';
import { normalizeName, type HostedZones } from './world-dns';
import type { HealthChecks } from './world-health-checks';
import type { RecordSet } from './world-state';

export interface Answer {
  records: RecordSet[];
  /** The longest TTL along the answer's chain (CNAME, alias), as it really lasts. */
  ttlMs: number;
  /** The regions the answer sends a client to; more than one for weighted or latency records. */
  regions: string[];
}

const GRID_MS = 1_000;
const MAX_REMEMBERED = 100_000;
/** CNAME and alias chains longer than this are a loop. */
const MAX_CHAIN = 8;
const REGION_IN_TEXT = /\b([a-z]{2}(?:-gov)?-[a-z]+-\d)\b/;

export class Resolver {
  private readonly memo = new Map<string, Answer | undefined>();

  constructor(
    private readonly core: WorldCore,
    private readonly zones: HostedZones,
    private readonly healthChecks: HealthChecks,
  ) {}

  /** What Route 53 answers for the name at `time`. */
  authoritative(name: string, time: number): Answer | undefined {
    const fqdn = normalizeName(name);
    const past = time <= this.core.now();
    const key = `${fqdn}@${time}`;
    if (past && this.memo.has(key)) return this.memo.get(key);
    const answer = this.follow(fqdn, time, 0);
    // A served world answers for days: forget old answers now and then (they are recomputed if asked).
    if (this.memo.size > MAX_REMEMBERED) this.memo.clear();
    if (past) this.memo.set(key, answer);
    return answer;
  }

  /** The answer the stalest client still holds at `time`: Route 53's, one TTL ago. */
  clientAnswer(name: string, time: number): Answer | undefined {
    const now = this.authoritative(name, time);
    return now && this.authoritative(name, time - now.ttlMs);
  }

  /** The one region every client reaches at `time`: Route 53 has answered only it for a whole TTL. */
  servingRegion(name: string, time: number): string | undefined {
    const now = this.authoritative(name, time);
    const region = now?.regions.length === 1 ? now.regions[0] : undefined;
    if (!now || !region) return undefined;
    const grid = this.core.span(GRID_MS);
    for (let at = Math.floor(time / grid) * grid; at >= time - now.ttlMs; at -= grid) {
      const then = this.authoritative(name, at);
      if (then?.regions.length !== 1 || then.regions[0] !== region) return undefined;
    }
    return region;
  }

  private follow(fqdn: string, time: number, depth: number): Answer | undefined {
    if (depth > MAX_CHAIN) return undefined;
    const served = this.servedFor(fqdn, time);
    // A client asks for an address: a CNAME at the name (Route 53 allows no other type beside it), else A, else AAAA.
    const ofType = (type: string) => served.filter((record) => record.type === type);
    const group = [ofType('CNAME'), ofType('A'), ofType('AAAA')].find((candidates) => candidates.length > 0) ?? [];
    const chosen = this.route(group, time);
    if (chosen.length === 0) return undefined;
    const ttlMs = this.core.span(Math.max(...chosen.map((record) => record.ttl ?? 0)) * 1_000);
    const target = chosen[0]?.type === 'CNAME' ? chosen[0].values[0] : chosen[0]?.aliasTarget?.dnsName;
    const next = target ? this.follow(normalizeName(target), time, depth + 1) : undefined;
    if (next) return { records: next.records, ttlMs: Math.max(ttlMs, next.ttlMs), regions: next.regions };
    const regions = [...new Set(chosen.flatMap((record) => this.regionOf(record) ?? []))];
    return { records: chosen, ttlMs, regions };
  }

  private servedFor(fqdn: string, time: number): RecordSet[] {
    const zone = [...this.zones.zones.values()].filter((candidate) => fqdn === candidate.name || fqdn.endsWith(`.${candidate.name}`)).sort((a, b) => b.name.length - a.name.length)[0];
    return zone ? this.zones.servedAt(zone, time).filter((record) => record.name === fqdn) : [];
  }

  /** Route 53's routing policies over the health checks' verdicts at `time`. */
  private route(records: RecordSet[], time: number): RecordSet[] {
    const healthy = (record: RecordSet) => !record.healthCheckId || !this.healthChecks.checks.has(record.healthCheckId) || this.healthChecks.isHealthy(record.healthCheckId, time);
    const primary = records.find((record) => record.failover === 'PRIMARY');
    const secondary = records.find((record) => record.failover === 'SECONDARY');
    if (primary || secondary) {
      // "If the secondary is unhealthy, the primary is answered regardless of its health."
      if (primary && healthy(primary)) return [primary];
      if (secondary && healthy(secondary)) return [secondary];
      return primary ? [primary] : [];
    }
    const weighted = records.filter((record) => record.weight !== undefined);
    if (weighted.length > 0) {
      const live = weighted.filter(healthy);
      const pool = live.length > 0 ? live : weighted;
      const nonZero = pool.filter((record) => (record.weight ?? 0) > 0);
      return nonZero.length > 0 ? nonZero : pool;
    }
    const live = records.filter(healthy);
    return live.length > 0 ? live : records;
  }

  /** The region a record sends clients to: its own, its health check's, or one its value names. */
  private regionOf(record: RecordSet): string | undefined {
    if (record.region) return record.region;
    const check = record.healthCheckId ? this.healthChecks.checks.get(record.healthCheckId) : undefined;
    if (check) return check.watchedRegion;
    return record.values.map((value) => REGION_IN_TEXT.exec(value)?.[1]).find(Boolean);
  }
}
