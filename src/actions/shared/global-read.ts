// One read of any global resource (Aurora, DocumentDB, ElastiCache) reduced to who writes where and which
// members are secondaries: what the preflight checks, status and the end-state read-backs compare.
import type { GlobalDatastoreView } from '../../core/services/elasticache';
import type { GlobalClusterView } from '../../core/services/global-cluster-port';
import type { ResourceOf } from '../../core/resources';
import { describeDatastoreFrom, isPrimary } from '../elasticache/model';
import { datastoreLagMetrics, globalClusterLagMetrics, readFirstLag, readLargestLag, type LagReading } from './lag';
import { AURORA, DOCDB, describeGlobalCluster, type GlobalClusterFamily } from '../global-cluster/model';
import { regionsToAsk, resourceNamed } from './resolve';
import type { ActionContext } from '../../core/action';

export const GLOBAL_TYPES = ['aurora-global', 'docdb-global', 'elasticache-global'] as const;

export interface GlobalMember {
  /** DB cluster id or replication group id. */
  id: string;
  arn?: string;
  region: string;
  writer: boolean;
}

interface ReadBase {
  name: string;
  subject: string;
  members: GlobalMember[];
}
export type GlobalRead =
  | (ReadBase & { kind: 'cluster'; family: GlobalClusterFamily; cluster: GlobalClusterView })
  | (ReadBase & { kind: 'datastore'; datastore: GlobalDatastoreView });

/** Reads the named global resource, asking `preferred` regions first. */
export async function readGlobal(ctx: ActionContext, name: string, ...preferred: Array<string | undefined>): Promise<GlobalRead> {
  const resource: ResourceOf<(typeof GLOBAL_TYPES)[number]> = resourceNamed(ctx, name, GLOBAL_TYPES);
  if (resource.type === 'elasticache-global') {
    const subject = `${name} (ElastiCache global datastore ${resource.globalReplicationGroupId})`;
    const regions = regionsToAsk(ctx, subject, ...preferred, resource.regions);
    const datastore = await describeDatastoreFrom(ctx, name, resource.globalReplicationGroupId, regions);
    const members = datastore.members.map((m) => ({ id: m.replicationGroupId, region: m.region, writer: isPrimary(m) }));
    return { kind: 'datastore', name, subject, members, datastore };
  }
  const family = resource.type === 'aurora-global' ? AURORA : DOCDB;
  const subject = `${name} (${family.label} global cluster ${resource.globalClusterId})`;
  const regions = regionsToAsk(ctx, subject, ...preferred, resource.regions);
  const cluster = await describeGlobalCluster(ctx, family, name, resource.globalClusterId, regions);
  const members = cluster.members.map((m) => ({ id: m.clusterId, arn: m.clusterArn, region: m.region, writer: m.isWriter }));
  return { kind: 'cluster', name, subject, members, family, cluster };
}

/** A secondary's replication lag in ms, read in its own region (the only one that has the metric). */
export async function readMemberLag(ctx: ActionContext, read: GlobalRead, member: GlobalMember): Promise<LagReading> {
  const now = ctx.clock.now();
  if (read.kind === 'cluster') {
    return readFirstLag(ctx.ports.cloudwatch, member.region, globalClusterLagMetrics(read.family.service, member.id), now);
  }
  const group = await ctx.ports.elasticache.describeReplicationGroup(member.region, member.id);
  return readLargestLag(ctx.ports.cloudwatch, member.region, datastoreLagMetrics(group.memberClusters), now);
}
