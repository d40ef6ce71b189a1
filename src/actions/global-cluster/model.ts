// What Aurora and DocumentDB global clusters share, and where they differ (AWS-API.md §3): DocumentDB has
// no global writer endpoint, publishes lag as AWS/DocDB GlobalClusterReplicationLag and switches over
// more slowly. Both use the `rds:` IAM namespace and the same API shapes, so one implementation serves.
import type { GlobalClusterMemberView, GlobalClusterPort, GlobalClusterView } from '../../core/services/global-cluster-port';
import { regionFromArn } from '../../core/regions';
import type { ResourceOf } from '../../core/resources';
import { explained } from '../shared/aws-hints';
import { askFirstAnswering } from '../shared/resolve';
import type { ActionContext } from '../../core/action';

export type Operation = 'switchover' | 'failover' | 'detach';

export interface GlobalClusterFamily {
  service: 'rds' | 'docdb';
  /** The `uses` prefix: aurora.switchover, docdb.failover, ... */
  prefix: 'aurora' | 'docdb';
  resourceType: 'aurora-global' | 'docdb-global';
  label: string;
  /** AWS-API.md §7; detach has no published figure: a promotion, about a minute. */
  estimateMs: Record<Operation, number>;
  defaultTimeoutMs: Record<Operation, number>;
}

export const AURORA: GlobalClusterFamily = {
  service: 'rds',
  prefix: 'aurora',
  resourceType: 'aurora-global',
  label: 'Aurora',
  estimateMs: { switchover: 90_000, failover: 60_000, detach: 60_000 },
  defaultTimeoutMs: { switchover: 15 * 60_000, failover: 15 * 60_000, detach: 15 * 60_000 },
};

export const DOCDB: GlobalClusterFamily = {
  service: 'docdb',
  prefix: 'docdb',
  resourceType: 'docdb-global',
  label: 'DocumentDB',
  estimateMs: { switchover: 180_000, failover: 60_000, detach: 60_000 },
  defaultTimeoutMs: { switchover: 20 * 60_000, failover: 15 * 60_000, detach: 15 * 60_000 },
};

export const API_OPERATION: Record<Operation, string> = {
  switchover: 'SwitchoverGlobalCluster',
  failover: 'FailoverGlobalCluster',
  detach: 'RemoveFromGlobalCluster',
};

export type GlobalClusterResource = ResourceOf<'aurora-global' | 'docdb-global'>;

/** What apply and poll need; plain JSON so the journal can keep it. */
export interface GlobalClusterStepState {
  resource: string;
  globalClusterId: string;
  operation: Operation;
  targetArn: string;
  targetClusterId: string;
  targetRegion: string;
  previousWriterArn?: string;
  previousWriterRegion?: string;
  /** The region the mutating call goes to. */
  callRegion: string;
  /** Where to ask for progress, target first: it answers when the old primary's region does not. */
  askRegions: string[];
  /** Set by apply, so poll can tell "AWS has not started yet" from "AWS gave up". */
  requestedAt?: number;
}

export function portFor(ctx: ActionContext, family: GlobalClusterFamily): GlobalClusterPort {
  return ctx.ports[family.service];
}

export function writerOf(cluster: GlobalClusterView): GlobalClusterMemberView | undefined {
  return cluster.members.find((member) => member.isWriter);
}

export function describeMember(member: GlobalClusterMemberView): string {
  const sync = member.synchronizationStatus && member.synchronizationStatus !== 'connected' ? `, ${member.synchronizationStatus}` : '';
  return `${member.clusterId} in ${member.region}${member.isWriter ? ' (writer)' : ''}${sync}`;
}

/** Members whose replication is not (yet) connected, e.g. an old primary in pending-resync. */
export function unsyncedMembers(cluster: GlobalClusterView): GlobalClusterMemberView[] {
  // The port leaves the status undefined when the service did not say: nothing to wait for then.
  return cluster.members.filter((member) => member.synchronizationStatus !== undefined && member.synchronizationStatus !== 'connected');
}

function regionOf(cluster: GlobalClusterView, arn: string | undefined): string {
  if (!arn) return '?';
  return cluster.members.find((member) => member.clusterArn === arn)?.region ?? regionFromArn(arn) ?? arn;
}

/** e.g. "shop-orders: switching-over us-east-1 -> us-west-2". */
export function describeProgress(cluster: GlobalClusterView): string {
  const state = cluster.failoverState;
  if (!state) {
    const writer = writerOf(cluster);
    return `${cluster.id}: ${cluster.status}, writer ${writer ? `in ${writer.region}` : 'unknown'}`;
  }
  return `${cluster.id}: ${state.status} ${regionOf(cluster, state.fromClusterArn)} -> ${regionOf(cluster, state.toClusterArn)}`;
}

export function describeOperationUnderWay(cluster: GlobalClusterView): string {
  const state = cluster.failoverState;
  const kind = state?.isDataLossAllowed ? 'failover' : 'switchover';
  return `a ${kind} (${describeProgress(cluster)})`;
}

/** DescribeGlobalClusters from the first region that answers. */
export async function describeGlobalCluster(
  ctx: ActionContext,
  family: GlobalClusterFamily,
  resourceName: string,
  globalClusterId: string,
  regions: readonly string[],
): Promise<GlobalClusterView> {
  const port = portFor(ctx, family);
  const hints = {
    'not-found': `Check globalClusterId "${globalClusterId}" of resource ${resourceName}, and that the credentials are for the account that owns it.`,
  };
  const { value } = await explained(`${resourceName}: describing ${family.label} global cluster ${globalClusterId}`, hints, () =>
    askFirstAnswering(ctx, regions, (region) => port.describeGlobalCluster(region, globalClusterId)),
  );
  return value;
}

/** Regions to ask for progress: the target's first, then every other member's. */
export function progressRegions(cluster: GlobalClusterView, targetRegion: string, fallback: readonly string[]): string[] {
  return [...new Set([targetRegion, ...cluster.members.map((member) => member.region), ...fallback])];
}
