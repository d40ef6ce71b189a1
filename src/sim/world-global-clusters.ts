// Aurora and DocumentDB global clusters and their member DB clusters: building them from the world file,
// finding them the way AWS does (by id within a region, or by ARN), and applying the static faults
// (engine version mismatch, headless secondary) that make managed operations refuse.
import { parseDuration } from '../core/duration';
import { seededUnit } from './random';
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import type { FaultSpec } from './world-faults-spec';
import type { GlobalClusterSpec } from './world-spec';
import type { DbCluster, GlobalCluster, GlobalFamily } from './world-state';

export const SIM_ACCOUNT = '123456789012';
/** Replication history starts a day before the simulation, so lag queries at the start find data. */
export const HISTORY_MS = 86_400_000;

const DEFAULTS: Record<GlobalFamily, { engine: string; engineVersion: string; lagMs: number }> = {
  aurora: { engine: 'aurora-postgresql', engineVersion: '16.4', lagMs: 150 },
  docdb: { engine: 'docdb', engineVersion: '5.0.0', lagMs: 300 },
};

export const clusterArn = (region: string, id: string) => `arn:aws:rds:${region}:${SIM_ACCOUNT}:cluster:${id}`;

function resourceId(seed: number, prefix: string, key: string): string {
  const digits = Math.floor(seededUnit(seed, 'resource-id', key) * 36 ** 10).toString(36).toUpperCase();
  return `${prefix}${digits.padStart(10, '0')}`;
}

/** "16.4" -> "16.5"; "5.0.0" -> "5.0.1". */
export function bumpVersion(version: string): string {
  const parts = version.split('.');
  const last = Number(parts.at(-1));
  return Number.isFinite(last) ? [...parts.slice(0, -1), String(last + 1)].join('.') : `${version}.1`;
}

export class GlobalClusters {
  readonly clusters = new Map<string, DbCluster>();
  readonly globals = new Map<string, GlobalCluster>();
  /** Clusters by region, in creation order: drctl looks up hundreds by id, and a scan per call is N^2. */
  private readonly byRegion = new Map<string, DbCluster[]>();

  constructor(private readonly core: WorldCore) {}

  add(family: GlobalFamily, spec: GlobalClusterSpec): void {
    const defaults = DEFAULTS[family];
    const engine = spec.engine ?? defaults.engine;
    const engineVersion = spec.engineVersion ?? defaults.engineVersion;
    const since = this.core.startedAt - HISTORY_MS;
    const global: GlobalCluster = {
      id: spec.globalClusterId,
      arn: `arn:aws:rds::${SIM_ACCOUNT}:global-cluster:${spec.globalClusterId}`,
      resourceId: resourceId(this.core.seed, 'cluster-', spec.globalClusterId),
      family,
      engine,
      engineVersion,
      status: 'available',
      members: [],
    };
    const source = spec.clusters.find((member) => member.writer)?.region;
    for (const member of spec.clusters) {
      const arn = clusterArn(member.region, member.id);
      const cluster: DbCluster = {
        id: member.id,
        arn,
        region: member.region,
        family,
        engine,
        engineVersion: member.engineVersion ?? engineVersion,
        status: 'available',
        instanceIds: Array.from({ length: member.instances }, (_, index) => `${member.id}-instance-${index + 1}`),
        globalClusterId: spec.globalClusterId,
        resourceId: resourceId(this.core.seed, 'cluster-', arn),
        createdAt: since,
        lagMs: member.lag ? (parseDuration(member.lag) ?? defaults.lagMs) : defaults.lagMs,
        secondaryPeriods: member.writer ? [] : [{ from: since, source }],
      };
      this.clusters.set(arn, cluster);
      const inRegion = this.byRegion.get(member.region) ?? [];
      inRegion.push(cluster);
      this.byRegion.set(member.region, inRegion);
      global.members.push({ clusterArn: arn, isWriter: member.writer, synchronizationStatus: 'connected' });
    }
    this.globals.set(global.id, global);
  }

  /** Engine-version-mismatch and headless-secondary faults change the member clusters themselves. */
  applyStaticFault(fault: FaultSpec): void {
    if (fault.type !== 'engine-version-mismatch' && fault.type !== 'headless-secondary') return;
    const global = this.globals.get(fault.resource);
    if (!global) return;
    for (const member of global.members) {
      const cluster = this.clusters.get(member.clusterArn);
      if (!cluster || (fault.member ? cluster.id !== fault.member : member.isWriter)) continue;
      if (fault.type === 'headless-secondary') cluster.instanceIds = [];
      else cluster.engineVersion = fault.engineVersion ?? bumpVersion(global.engineVersion);
    }
  }

  global(id: string): GlobalCluster {
    const global = this.globals.get(id);
    if (!global) throw faults.globalClusterNotFound(id);
    return global;
  }

  /** A DB cluster by ARN (any region), or by identifier within the region called. */
  cluster(idOrArn: string, region: string): DbCluster {
    const cluster = this.clusters.get(idOrArn.startsWith('arn:') ? idOrArn : clusterArn(region, idOrArn));
    if (!cluster) throw faults.dbClusterNotFound(idOrArn);
    return cluster;
  }

  /** A DB cluster by identifier within a region, if there is one. */
  clusterIn(region: string, id: string): DbCluster | undefined {
    return this.clusters.get(clusterArn(region, id));
  }

  clusterByArn(arn: string): DbCluster {
    const cluster = this.clusters.get(arn);
    if (!cluster) throw new Error(`bug: member ${arn} has no DB cluster`);
    return cluster;
  }

  writerOf(global: GlobalCluster): DbCluster | undefined {
    const writer = global.members.find((member) => member.isWriter);
    return writer ? this.clusterByArn(writer.clusterArn) : undefined;
  }

  /** Clusters in a region, oldest first, as DescribeDBClusters lists them. */
  clustersIn(region: string): DbCluster[] {
    return [...(this.byRegion.get(region) ?? [])];
  }

  /** Global clusters with a member in one of the regions (the RDS `region` filter). */
  globalsWithMemberIn(regions: string[]): GlobalCluster[] {
    return [...this.globals.values()].filter((global) =>
      global.members.some((member) => regions.includes(this.clusterByArn(member.clusterArn).region)),
    );
  }
}
