// CloudWatch metric series keyed by region, namespace, metric and the exact dimension set (GetMetricData
// matches dimensions exactly). Asking another region returns no data, as AWS does for lag metrics that
// only the secondary's region publishes.
import type { MetricPoint, MetricQuery, MetricsPort } from '../../../src/core/services/cloudwatch';
import type { FakeCore } from './core';

const keyOf = (region: string, namespace: string, metricName: string, dimensions: Record<string, string>) =>
  [region, namespace, metricName, ...Object.entries(dimensions).sort().map(([name, value]) => `${name}=${value}`)].join('|');

export class FakeMetrics implements MetricsPort {
  private readonly series = new Map<string, MetricPoint[]>();
  readonly queries: Array<{ region: string; query: MetricQuery }> = [];

  constructor(private readonly core: FakeCore) {}

  /** Adds points; `ageMs` is how long before the fake's "now" each was taken (default: one minute). */
  put(region: string, namespace: string, metricName: string, dimensions: Record<string, string>, values: Array<{ value: number; ageMs?: number }>): void {
    const key = keyOf(region, namespace, metricName, dimensions);
    const points = values.map(({ value, ageMs }) => ({ value, timestamp: new Date(this.core.now() - (ageMs ?? 60_000)) }));
    this.series.set(key, [...(this.series.get(key) ?? []), ...points]);
  }

  /** Aurora lag (ms) for a secondary cluster. */
  auroraLag(region: string, clusterId: string, ms: number, metricName = 'AuroraGlobalDBRPOLag'): void {
    this.put(region, 'AWS/RDS', metricName, { DBClusterIdentifier: clusterId }, [{ value: ms }]);
  }

  docdbLag(region: string, clusterId: string, ms: number): void {
    this.put(region, 'AWS/DocDB', 'GlobalClusterReplicationLag', { DBClusterIdentifier: clusterId }, [{ value: ms }]);
  }

  /** ElastiCache lag in SECONDS, per node cluster, as CloudWatch publishes it. */
  elasticacheLag(region: string, cacheClusterId: string, seconds: number): void {
    this.put(region, 'AWS/ElastiCache', 'GlobalDatastoreReplicationLag', { CacheClusterId: cacheClusterId }, [{ value: seconds }]);
  }

  getMetricSeries(region: string, query: MetricQuery): Promise<MetricPoint[]> {
    return this.core.call('cloudwatch', region, 'GetMetricData', { namespace: query.namespace, metricName: query.metricName, dimensions: query.dimensions }, () => {
      this.queries.push({ region, query });
      const points = this.series.get(keyOf(region, query.namespace, query.metricName, query.dimensions)) ?? [];
      return points
        .filter((point) => point.timestamp >= query.start && point.timestamp < query.end)
        .sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
    });
  }
}
