// Replication lag per service, always in milliseconds. CloudWatch emits these metrics only in the
// SECONDARY's region (asking the primary's region returns no data, not an error), with a dimension that
// names the secondary: the DB cluster for Aurora/DocumentDB, each cache cluster (node) for ElastiCache,
// whose metric is in SECONDS. Aurora prefers AuroraGlobalDBRPOLag (what can be lost) and falls back to
// AuroraGlobalDBReplicationLag, which older Aurora MySQL versions publish instead.
import type { MetricsPort, MetricQuery } from '../../core/services/cloudwatch';
import type { ActionContext } from '../../core/action';

export interface LagMetric {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  /** Multiplier from the metric's unit to milliseconds. */
  toMs: number;
}

export interface LagReading {
  region: string;
  /** The metric that answered, or every metric tried when none did. */
  metricName: string;
  valueMs?: number;
  /** When the data point was taken (ms since the epoch). */
  at?: number;
  missing: boolean;
}

// Standard-resolution metrics arrive once a minute, a minute or two late: look back far enough to find
// the newest point without picking up a stale one from before a recent change.
const LOOKBACK_MS = 10 * 60_000;
const PERIOD_SECONDS = 60;
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

async function newestPoint(metrics: MetricsPort, region: string, metric: LagMetric, now: number) {
  const query: MetricQuery = {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    stat: 'Maximum',
    periodSeconds: PERIOD_SECONDS,
    start: new Date(now - LOOKBACK_MS),
    end: new Date(now),
  };
  const points = await metrics.getMetricSeries(region, query);
  const newest = points.reduce<(typeof points)[number] | undefined>(
    (best, point) => (best && best.timestamp >= point.timestamp ? best : point),
    undefined,
  );
  return newest ? { valueMs: newest.value * metric.toMs, at: newest.timestamp.getTime() } : undefined;
}

/** The newest value of the first alternative that has data. */
export async function readFirstLag(metrics: MetricsPort, region: string, alternatives: LagMetric[], now: number): Promise<LagReading> {
  for (const metric of alternatives) {
    const point = await newestPoint(metrics, region, metric, now);
    if (point) return { region, metricName: metric.metricName, missing: false, ...point };
  }
  return { region, metricName: alternatives.map((metric) => metric.metricName).join(', '), missing: true };
}

/** The largest newest value across metrics that all count (the nodes of one replication group). */
export async function readLargestLag(metrics: MetricsPort, region: string, all: LagMetric[], now: number): Promise<LagReading> {
  const metricName = all[0]?.metricName ?? 'GlobalDatastoreReplicationLag';
  let largest: LagReading = { region, metricName, missing: true };
  for (const metric of all) {
    const point = await newestPoint(metrics, region, metric, now);
    if (point && (largest.valueMs === undefined || point.valueMs > largest.valueMs)) {
      largest = { region, metricName, missing: false, ...point };
    }
  }
  return largest;
}

export function describeLag(subject: string, reading: LagReading): string {
  return reading.missing
    ? `${subject}: no lag data in ${reading.region} (${reading.metricName})`
    : `${subject}: replication lag ${Math.round(reading.valueMs ?? 0)} ms in ${reading.region} (${reading.metricName})`;
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
    ...(reading.missing ? { missing: true } : { valueMs: reading.valueMs }),
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
