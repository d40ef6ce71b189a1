// Replication lag per service, always in milliseconds. CloudWatch emits these metrics only in the
// SECONDARY's region (asking the primary's region returns no data, not an error), with a dimension that
// names the secondary: the DB cluster for Aurora/DocumentDB, each cache cluster (node) for ElastiCache,
// whose metric is in SECONDS. Aurora prefers AuroraGlobalDBRPOLag (what can be lost) and falls back to
// AuroraGlobalDBReplicationLag, which older Aurora MySQL versions publish instead.
import type { MetricsPort } from '../../core/services/cloudwatch';
import type { ActionContext } from '../../core/action';
import { formatDuration } from '../../core/duration';
import { newestLagPoint, type LagMetric } from './lag-series';

export type { LagMetric } from './lag-series';

/**
 * A datapoint older than this says nothing about the lag at the cutover: it is reported as stale, never as
 * a measurement. Lag is published once a minute, a minute or two late, so a healthy series is never this old.
 */
export const LAG_STALE_AFTER_MS = 5 * 60_000;

export interface LagReading {
  region: string;
  /** The metric that answered, or every metric tried when none did. */
  metricName: string;
  /** The exact dimension set of the datapoint read. */
  dimensions?: Record<string, string>;
  valueMs?: number;
  /** When the data point was taken (ms since the epoch). */
  at?: number;
  /** How old the datapoint was when read. */
  ageMs?: number;
  /** Older than LAG_STALE_AFTER_MS: shown, but not a measurement. */
  stale?: boolean;
  missing: boolean;
}

// ElastiCache reports per node; a replication group with many shards has many. Enough to cover the shards'
// primaries of a typical group without turning a preflight into dozens of calls.
const MAX_CACHE_CLUSTERS = 10;

/** Alternatives, best first: the first with data wins. */
export function globalClusterLagMetrics(service: 'rds' | 'docdb', secondaryClusterId: string): LagMetric[] {
  const dimensions = { DBClusterIdentifier: secondaryClusterId };
  if (service === 'docdb') return [{ namespace: 'AWS/DocDB', metricName: 'GlobalClusterReplicationLag', dimensions, toMs: 1 }];
  return [
    { namespace: 'AWS/RDS', metricName: 'AuroraGlobalDBRPOLag', dimensions, toMs: 1 },
    { namespace: 'AWS/RDS', metricName: 'AuroraGlobalDBReplicationLag', dimensions, toMs: 1 },
  ];
}

/** One metric per node cluster of the secondary replication group; the group's lag is the largest. */
export function datastoreLagMetrics(cacheClusterIds: readonly string[]): LagMetric[] {
  return cacheClusterIds.slice(0, MAX_CACHE_CLUSTERS).map((cacheClusterId) => ({
    namespace: 'AWS/ElastiCache',
    metricName: 'GlobalDatastoreReplicationLag',
    dimensions: { CacheClusterId: cacheClusterId },
    toMs: 1_000,
  }));
}

function readingOf(region: string, metricName: string, point: { valueMs: number; at: number; dimensions: Record<string, string> }, now: number): LagReading {
  const ageMs = Math.max(0, now - point.at);
  return { region, metricName, dimensions: point.dimensions, valueMs: point.valueMs, at: point.at, ageMs, stale: ageMs > LAG_STALE_AFTER_MS, missing: false };
}

/** The newest value of the first alternative that has data. */
export async function readFirstLag(metrics: MetricsPort, region: string, alternatives: LagMetric[], now: number): Promise<LagReading> {
  for (const metric of alternatives) {
    const point = await newestLagPoint(metrics, region, metric, now);
    if (point) return readingOf(region, metric.metricName, point, now);
  }
  return { region, metricName: alternatives.map((metric) => metric.metricName).join(', '), missing: true };
}

/** The largest newest value across metrics that all count (the nodes of one replication group). */
export async function readLargestLag(metrics: MetricsPort, region: string, all: LagMetric[], now: number): Promise<LagReading> {
  const metricName = all[0]?.metricName ?? 'GlobalDatastoreReplicationLag';
  let largest: LagReading = { region, metricName, missing: true };
  for (const metric of all) {
    const point = await newestLagPoint(metrics, region, metric, now);
    if (point && (largest.valueMs === undefined || point.valueMs > largest.valueMs)) largest = readingOf(region, metricName, point, now);
  }
  return largest;
}

/** "AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-usw2, SourceRegion=us-east-1}" */
export function metricWithDimensions(metricName: string, dimensions: Record<string, string> | undefined): string {
  const entries = Object.entries(dimensions ?? {});
  return entries.length ? `${metricName} {${entries.map(([name, value]) => `${name}=${value}`).join(', ')}}` : metricName;
}

export function describeLag(subject: string, reading: LagReading): string {
  if (reading.missing) return `${subject}: no lag data in ${reading.region} (${reading.metricName})`;
  const where = `${reading.region} (${metricWithDimensions(reading.metricName, reading.dimensions)}`;
  const age = reading.ageMs === undefined ? '' : `, datapoint ${formatDuration(reading.ageMs)} old`;
  const stale = reading.stale ? `; STALE: older than ${formatDuration(LAG_STALE_AFTER_MS)}, not a measurement` : '';
  return `${subject}: replication lag ${Math.round(reading.valueMs ?? 0)} ms in ${where}${age})${stale}`;
}

/**
 * Reads the target's lag just before a cutover and records it: that lag is the measured RPO. A failure
 * to read is recorded as missing and never blocks the cutover (in an outage, CloudWatch may be impaired
 * too). Returns the reading so the caller can apply its own guard.
 */
export async function recordLagBeforeCutover(
  ctx: ActionContext,
  resource: string,
  read: () => Promise<LagReading>,
  region: string,
): Promise<LagReading> {
  let reading: LagReading;
  try {
    reading = await read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.observe(`${resource}: could not read replication lag in ${region}: ${reason}`);
    reading = { region, metricName: 'replication-lag', missing: true };
  }
  ctx.recordMetric({
    resource,
    kind: 'replication-lag',
    metricName: reading.metricName,
    region: reading.region,
    ...(reading.missing
      ? { missing: true }
      : { valueMs: reading.valueMs, dimensions: reading.dimensions, pointAt: reading.at, ageMs: reading.ageMs, ...(reading.stale ? { stale: true, staleAfterMs: LAG_STALE_AFTER_MS } : {}) }),
    at: ctx.clock.now(),
  });
  ctx.observe(describeLag(resource, reading));
  return reading;
}

/** A lag read for a plan's observations only; failures become an observation, never an error. */
export async function lagObservation(read: () => Promise<LagReading>, resource: string, region: string): Promise<string> {
  try {
    return describeLag(resource, await read());
  } catch (error) {
    return `${resource}: could not read replication lag in ${region}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
