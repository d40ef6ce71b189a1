// CloudWatch metric series keyed by region, namespace, metric and the exact dimension set (GetMetricData
// matches dimensions exactly; ListMetrics lists every set holding the dimensions asked). Asking another
// region returns no data, as AWS does for lag metrics that only the secondary's region publishes. Alarms
// are set by the test, per region, metric or composite.
import type { AlarmView, MetricIdentity, MetricPoint, MetricQuery, MetricsPort } from '../../../src/core/services/cloudwatch';
import type { FakeCore } from './core';

const keyOf = (region: string, namespace: string, metricName: string, dimensions: Record<string, string>) =>
  [region, namespace, metricName, ...Object.entries(dimensions).sort().map(([name, value]) => `${name}=${value}`)].join('|');

interface FakeSeries {
  region: string;
  identity: MetricIdentity;
  points: MetricPoint[];
}

export class FakeMetrics implements MetricsPort {
  private readonly series = new Map<string, FakeSeries>();
  private readonly alarms = new Map<string, AlarmView>();
  readonly queries: Array<{ region: string; query: MetricQuery }> = [];

  constructor(private readonly core: FakeCore) {}

  /** Adds points; `ageMs` is how long before the fake's "now" each was taken (default: one minute). */
  put(region: string, namespace: string, metricName: string, dimensions: Record<string, string>, values: Array<{ value: number; ageMs?: number }>): void {
    const key = keyOf(region, namespace, metricName, dimensions);
    const points = values.map(({ value, ageMs }) => ({ value, timestamp: new Date(this.core.now() - (ageMs ?? 60_000)) }));
    const existing = this.series.get(key);
    this.series.set(key, { region, identity: { namespace, metricName, dimensions }, points: [...(existing?.points ?? []), ...points] });
  }

  /** Aurora lag (ms) for a secondary cluster; `extra` dimensions publish it under a larger set. */
  auroraLag(region: string, clusterId: string, ms: number, metricName = 'AuroraGlobalDBRPOLag', extra: Record<string, string> = {}): void {
    this.put(region, 'AWS/RDS', metricName, { DBClusterIdentifier: clusterId, ...extra }, [{ value: ms }]);
  }

  docdbLag(region: string, clusterId: string, ms: number): void {
    this.put(region, 'AWS/DocDB', 'GlobalClusterReplicationLag', { DBClusterIdentifier: clusterId }, [{ value: ms }]);
  }

  /** ElastiCache lag in SECONDS, per node cluster, as CloudWatch publishes it. */
  elasticacheLag(region: string, cacheClusterId: string, seconds: number): void {
    this.put(region, 'AWS/ElastiCache', 'GlobalDatastoreReplicationLag', { CacheClusterId: cacheClusterId }, [{ value: seconds }]);
  }

  /** An alarm as DescribeAlarms would show it in `region`; `okForMs` is how long it has been in its state. */
  setAlarm(region: string, name: string, state: AlarmView['state'], options: { kind?: AlarmView['kind']; forMs?: number; reason?: string } = {}): void {
    const transitionedAt = new Date(this.core.now() - (options.forMs ?? 10 * 60_000));
    this.alarms.set(`${region}|${name}`, { name, kind: options.kind ?? 'metric', state, transitionedAt, ...(options.reason ? { reason: options.reason } : {}) });
  }

  getMetricSeries(region: string, query: MetricQuery): Promise<MetricPoint[]> {
    return this.core.call('cloudwatch', region, 'GetMetricData', { namespace: query.namespace, metricName: query.metricName, dimensions: query.dimensions }, () => {
      this.queries.push({ region, query });
      const points = this.series.get(keyOf(region, query.namespace, query.metricName, query.dimensions))?.points ?? [];
      return points
        .filter((point) => point.timestamp >= query.start && point.timestamp < query.end)
        .sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
    });
  }

  listMetrics(region: string, filter: MetricIdentity): Promise<MetricIdentity[]> {
    return this.core.call('cloudwatch', region, 'ListMetrics', { ...filter }, () =>
      [...this.series.values()]
        .filter((series) => series.region === region && series.identity.namespace === filter.namespace && series.identity.metricName === filter.metricName)
        .filter((series) => Object.entries(filter.dimensions).every(([name, value]) => series.identity.dimensions[name] === value))
        .map((series) => series.identity),
    );
  }

  describeAlarms(region: string, names: readonly string[]): Promise<AlarmView[]> {
    return this.core.call('cloudwatch', region, 'DescribeAlarms', { names: [...names] }, () =>
      names.flatMap((name) => {
        const alarm = this.alarms.get(`${region}|${name}`);
        return alarm ? [alarm] : [];
      }),
    );
  }
}
