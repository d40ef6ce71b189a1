// CloudWatch in the simulated world. Replication-lag series exist only in a secondary's own region and
// only while it is a secondary (AWS-API.md section 6.1): one point per minute, the member's base lag with
// seeded jitter, raised by lag-spike faults. Aurora and DocumentDB report milliseconds, ElastiCache
// SECONDS. The world file says which dimension sets they are published under (MetricsSpec): with
// SourceRegion, a secondary has one series per primary region it replicated from. Route 53 health metrics
// live in us-east-1. PutMetricData adds custom series.
import { seededUnit } from './random';
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import { memberClusterIds, type GlobalDatastores } from './world-datastores';
import type { GlobalClusters } from './world-global-clusters';
import type { HealthChecks } from './world-health-checks';
import type { MetricsSpec } from './world-spec';
import type { DbCluster, Period, ReplicationGroup } from './world-state';

export const MINUTE = 60_000;

export interface MetricPoint {
  t: number;
  v: number;
}

export interface Series {
  region: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  /** Points with from <= t < to that exist by now. */
  points(from: number, to: number, now: number): MetricPoint[];
}

export function dimensionsKey(dimensions: Record<string, string>): string {
  return Object.entries(dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}

const within = (periods: Period[], t: number) => periods.some((period) => t >= period.from && (period.to === undefined || t < period.to));

/** Period starts in [from, to) whose period has ended by now (CloudWatch publishes a period once it closes). */
function periods(from: number, to: number, now: number, period: number): number[] {
  const result: number[] = [];
  for (let t = Math.ceil(from / period) * period; t < to && t + period <= now; t += period) result.push(t);
  return result;
}

export class Metrics {
  private readonly custom = new Map<string, { series: Series; points: MetricPoint[] }>();

  constructor(
    private readonly core: WorldCore,
    private readonly globalClusters: GlobalClusters,
    private readonly datastores: GlobalDatastores,
    private readonly healthChecks: HealthChecks,
    private readonly spec: MetricsSpec = { lagDimensions: 'exact' },
  ) {}

  private get exact(): boolean {
    return this.spec.lagDimensions !== 'extra';
  }

  private get extra(): boolean {
    return this.spec.lagDimensions !== 'exact';
  }

  /** Every series that exists in a region (lag series of clusters that have ever been secondaries). */
  seriesIn(region: string): Series[] {
    return [
      ...this.globalClusters.clustersIn(region).flatMap((cluster) => this.clusterSeries(cluster)),
      ...this.datastores.groupsIn(region).flatMap((group) => this.groupSeries(group)),
      ...[...this.healthChecks.checks.keys()].flatMap((id) => this.healthSeries(region, id)),
      ...this.customIn(region),
    ];
  }

  /** The series with exactly this dimension set (GetMetricData matches exact sets only). */
  find(region: string, namespace: string, metricName: string, dimensions: Record<string, string>): Series | undefined {
    // Only build the series that could match: drctl polls lag for hundreds of resources.
    const { DBClusterIdentifier: clusterId, CacheClusterId: cacheClusterId, HealthCheckId: healthCheckId } = dimensions;
    const cluster = clusterId ? this.globalClusters.clusterIn(region, clusterId) : undefined;
    const group = cacheClusterId ? this.datastores.groupOfCacheCluster(region, cacheClusterId) : undefined;
    const candidates = [
      ...(cluster ? this.clusterSeries(cluster) : []),
      ...(group ? this.groupSeries(group) : []),
      ...(healthCheckId ? this.healthSeries(region, healthCheckId) : []),
      ...this.customIn(region),
    ];
    const key = dimensionsKey(dimensions);
    return candidates.find((series) => series.namespace === namespace && series.metricName === metricName && dimensionsKey(series.dimensions) === key);
  }

  private clusterSeries(cluster: DbCluster): Series[] {
    if (cluster.secondaryPeriods.length === 0) return [];
    const aurora = cluster.family === 'aurora';
    const names = aurora ? ['AuroraGlobalDBReplicationLag', 'AuroraGlobalDBRPOLag', 'AuroraGlobalDBProgressLag'] : ['GlobalClusterReplicationLag'];
    const lag = { resource: cluster.globalClusterId ?? cluster.id, member: cluster.id, baseMs: cluster.lagMs, periods: cluster.secondaryPeriods, unit: 1 };
    const namespace = aurora ? 'AWS/RDS' : 'AWS/DocDB';
    const identifying = { DBClusterIdentifier: cluster.id };
    const sets: Array<{ dimensions: Record<string, string>; periods: Period[] }> = this.exact ? [{ dimensions: identifying, periods: lag.periods }] : [];
    if (this.extra) {
      // One series per source region: the set {DBClusterIdentifier, SourceRegion} exists for each.
      for (const source of new Set(lag.periods.map((period) => period.source ?? ''))) {
        sets.push({ dimensions: { ...identifying, SourceRegion: source }, periods: lag.periods.filter((period) => (period.source ?? '') === source) });
      }
    }
    return names.flatMap((metricName) => sets.map((set) => this.lag(cluster.region, namespace, metricName, set.dimensions, { ...lag, periods: set.periods })));
  }

  private groupSeries(group: ReplicationGroup): Series[] {
    if (group.secondaryPeriods.length === 0) return [];
    // Seconds on the wire: unit 1000 turns the ms the world keeps into what ElastiCache reports.
    const lag = { resource: group.globalDatastoreId ?? group.id, member: group.id, baseMs: group.lagMs, periods: group.secondaryPeriods, unit: 1000 };
    return memberClusterIds(group).flatMap((cacheClusterId) => {
      const node = { CacheClusterId: cacheClusterId, CacheNodeId: '0001' };
      const dimensionSets: Array<Record<string, string>> = this.exact ? [{ CacheClusterId: cacheClusterId }, node] : [node];
      return dimensionSets.map((dimensions) => this.lag(group.region, 'AWS/ElastiCache', 'GlobalDatastoreReplicationLag', dimensions, lag));
    });
  }

  private customIn(region: string): Series[] {
    return [...this.custom.values()].map((entry) => entry.series).filter((series) => series.region === region);
  }

  private lag(
    region: string,
    namespace: string,
    metricName: string,
    dimensions: Record<string, string>,
    lag: { resource: string; member: string; baseMs: number; periods: Period[]; unit: number },
  ): Series {
    const { seed, startedAt } = this.core;
    const faultsInForce = this.core.faults;
    const minute = this.core.span(MINUTE);
    return {
      region,
      namespace,
      metricName,
      dimensions,
      points: (from, to, now) =>
        periods(from, to, now, minute)
          .filter((t) => within(lag.periods, t))
          .map((t) => {
            const jittered = lag.baseMs * (0.6 + 0.8 * seededUnit(seed, 'lag', lag.member, metricName, t - startedAt));
            const ms = Math.max(jittered, faultsInForce.lagSpikeDuring(lag.resource, lag.member, t, t + minute) ?? 0);
            return { t, v: lag.unit === 1 ? Math.round(ms) : Math.round(ms) / lag.unit };
          }),
    };
  }

  /** Route 53 publishes health check metrics in us-east-1 only. */
  private healthSeries(region: string, id: string): Series[] {
    if (region !== 'us-east-1' || !this.healthChecks.checks.has(id)) return [];
    const minute = this.core.span(MINUTE);
    const series = (id: string, metricName: string, value: (at: number) => number): Series => ({
      region,
      namespace: 'AWS/Route53',
      metricName,
      dimensions: { HealthCheckId: id },
      points: (from, to, now) => periods(from, to, now, minute).map((t) => ({ t, v: value(t + minute) })),
    });
    return [
      series(id, 'HealthCheckStatus', (at) => (this.healthChecks.isHealthy(id, at) ? 1 : 0)),
      series(id, 'HealthCheckPercentageHealthy', (at) => this.healthChecks.percentageHealthy(id, at)),
    ];
  }

  /** PutMetricData: a custom point. */
  put(region: string, namespace: string, metricName: string, dimensions: Record<string, string>, point: MetricPoint): void {
    if (namespace.startsWith('AWS/')) throw faults.invalidParameterValue(`The value AWS/ for parameter Namespace is invalid.`);
    const key = [region, namespace, metricName, dimensionsKey(dimensions)].join('|');
    let entry = this.custom.get(key);
    if (!entry) {
      const points: MetricPoint[] = [];
      entry = { points, series: { region, namespace, metricName, dimensions, points: (from, to) => points.filter((p) => p.t >= from && p.t < to) } };
      this.custom.set(key, entry);
    }
    entry.points.push(point);
  }
}
