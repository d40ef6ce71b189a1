// The newest lag datapoint of one metric, however CloudWatch publishes it. GetMetricData matches a
// dimension set exactly, and AWS does not document the sets its lag metrics carry (AWS-API-2.md 4.3: Aurora
// may add SourceRegion, ElastiCache reports per node with CacheNodeId): asking only for the identifying
// dimension finds nothing on an account that publishes more. So the sets are discovered with ListMetrics
// in the secondary's region, and each is read; the identifying set alone is always asked too, because
// ListMetrics lists a new metric only after up to 15 minutes.
import type { MetricIdentity, MetricQuery, MetricsPort } from '../../core/services/cloudwatch';

export interface LagMetric {
  namespace: string;
  metricName: string;
  /** The dimension that names the secondary (DBClusterIdentifier, CacheClusterId): every set holds it. */
  dimensions: Record<string, string>;
  /** Multiplier from the metric's unit to milliseconds. */
  toMs: number;
}

export interface LagPoint {
  valueMs: number;
  /** The datapoint's timestamp (ms since the epoch). */
  at: number;
  /** The exact dimension set it was published under. */
  dimensions: Record<string, string>;
}

// Standard-resolution metrics arrive once a minute, a minute or two late. Looking back further than the
// stale limit lets a stale point be reported as stale rather than as no data at all.
const LOOKBACK_MS = 15 * 60_000;
const PERIOD_SECONDS = 60;
// Sets per metric worth reading: an identifying dimension is rarely published under more than a few.
const MAX_DIMENSION_SETS = 6;

const keyOf = (dimensions: Record<string, string>) =>
  Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => `${name}=${value}`).join(',');

/** The exact sets the metric is published under that contain the identifying dimension, and that one alone. */
export async function dimensionSets(metrics: MetricsPort, region: string, metric: LagMetric): Promise<Array<Record<string, string>>> {
  let listed: MetricIdentity[] = [];
  try {
    listed = await metrics.listMetrics(region, { namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions });
  } catch {
    // ListMetrics refused (no cloudwatch:ListMetrics) or failed: the identifying set alone is still worth asking.
  }
  const identifying = Object.entries(metric.dimensions);
  const sets = new Map<string, Record<string, string>>();
  for (const { dimensions } of listed) {
    if (identifying.every(([name, value]) => dimensions[name] === value)) sets.set(keyOf(dimensions), dimensions);
  }
  sets.set(keyOf(metric.dimensions), metric.dimensions);
  return [...sets.values()].slice(0, MAX_DIMENSION_SETS);
}

/** The newest point across every set (the largest when two sets share the newest minute). */
export async function newestLagPoint(metrics: MetricsPort, region: string, metric: LagMetric, now: number): Promise<LagPoint | undefined> {
  let newest: LagPoint | undefined;
  for (const dimensions of await dimensionSets(metrics, region, metric)) {
    const query: MetricQuery = {
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensions,
      stat: 'Maximum',
      periodSeconds: PERIOD_SECONDS,
      start: new Date(now - LOOKBACK_MS),
      end: new Date(now),
    };
    for (const point of await metrics.getMetricSeries(region, query)) {
      const candidate = { valueMs: point.value * metric.toMs, at: point.timestamp.getTime(), dimensions };
      if (!newest || candidate.at > newest.at || (candidate.at === newest.at && candidate.valueMs > newest.valueMs)) newest = candidate;
    }
  }
  return newest;
}
