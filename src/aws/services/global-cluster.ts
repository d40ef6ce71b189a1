// GlobalClusterPort for Aurora (RDS) and DocumentDB: the same operations and shapes in two SDK packages.
// DocDB's model is a subset of RDS's (no global Endpoint, no DBCluster.GlobalClusterIdentifier), so RDS
// types describe both wires; every field read here is optional in both.
import type { DBCluster, FailoverState, GlobalCluster, GlobalClusterMember } from '@aws-sdk/client-rds';
import { type CallTarget, incompleteAnswerError, notFoundError } from '../classify';
import type { ClientPool } from '../client-pool';
import { invoke, targetOf } from '../invoke';
import { allPages } from '../pages';
import { regionFromArn } from '../../core/regions';
import { type DbClusterView, type FailoverStateView, type GlobalClusterMemberView, type GlobalClusterPort, type GlobalClusterView } from '../../core/services/global-cluster-port';

type GlobalClusterService = 'rds' | 'docdb';

export function createGlobalClusterPort(service: GlobalClusterService, pool: ClientPool): GlobalClusterPort {
  const globalClusterChange = async (
    region: string,
    operation: string,
    globalClusterId: string,
    clusterArn: string,
    input: object,
  ): Promise<GlobalClusterView> => {
    // Name both: a DBClusterNotFoundFault is about the member, not the global cluster.
    const call = { service, region, operation, resource: `global cluster ${globalClusterId} (member ${clusterArn})` };
    const output = await invoke<{ GlobalCluster?: GlobalCluster }>(pool, { ...call, input });
    if (!output.GlobalCluster) throw incompleteAnswerError(targetOf(pool, call), 'GlobalCluster');
    return toGlobalClusterView(output.GlobalCluster, targetOf(pool, call));
  };

  return {
    service,

    async describeGlobalCluster(region, globalClusterId) {
      const call = { service, region, operation: 'DescribeGlobalClusters', resource: `global cluster ${globalClusterId}` };
      const output = await invoke<{ GlobalClusters?: GlobalCluster[] }>(pool, {
        ...call,
        input: { GlobalClusterIdentifier: globalClusterId },
      });
      // Match the identifier: an answer listing other clusters (an emulator ignoring the filter) must not
      // be taken for this one. RDS stores identifiers in lower case.
      const wanted = globalClusterId.toLowerCase();
      const cluster = output.GlobalClusters?.find((c) => c.GlobalClusterIdentifier?.toLowerCase() === wanted);
      if (!cluster) throw notFoundError(targetOf(pool, call));
      return toGlobalClusterView(cluster, targetOf(pool, call));
    },

    async listGlobalClusters(region) {
      const call = { service, region, operation: 'DescribeGlobalClusters', resource: 'global clusters' };
      const clusters = await allPages(async (marker) => {
        const output = await invoke<{ GlobalClusters?: GlobalCluster[]; Marker?: string }>(pool, {
          ...call,
          input: marker ? { Marker: marker } : {},
        });
        return { items: output.GlobalClusters, next: output.Marker };
      });
      return clusters
        .filter((cluster) => isOfFamily(service, cluster.Engine))
        .map((cluster) => toGlobalClusterView(cluster, targetOf(pool, call)));
    },

    async describeDbCluster(region, clusterIdOrArn) {
      // Described by identifier or ARN only. DocumentDB's advice to add the engine=docdb filter applies to
      // listing clusters; an exact identifier needs no filter, and drctl never lists DB clusters.
      const call = { service, region, operation: 'DescribeDBClusters', resource: `DB cluster ${clusterIdOrArn}` };
      const output = await invoke<{ DBClusters?: DBCluster[] }>(pool, {
        ...call,
        input: { DBClusterIdentifier: clusterIdOrArn },
      });
      const cluster = output.DBClusters?.[0];
      if (!cluster) throw notFoundError(targetOf(pool, call));
      return toDbClusterView(cluster, region);
    },

    switchoverGlobalCluster(region, globalClusterId, targetClusterArn) {
      return globalClusterChange(region, 'SwitchoverGlobalCluster', globalClusterId, targetClusterArn, {
        GlobalClusterIdentifier: globalClusterId,
        TargetDbClusterIdentifier: targetClusterArn,
      });
    },

    failoverGlobalCluster(region, globalClusterId, targetClusterArn) {
      // AllowDataLoss=true makes this the managed failover for a region outage. Switchover is never sent
      // with it: AWS rejects the pair, and without AllowDataLoss the call would default to a switchover.
      return globalClusterChange(region, 'FailoverGlobalCluster', globalClusterId, targetClusterArn, {
        GlobalClusterIdentifier: globalClusterId,
        TargetDbClusterIdentifier: targetClusterArn,
        AllowDataLoss: true,
      });
    },

    removeFromGlobalCluster(region, globalClusterId, clusterArn) {
      return globalClusterChange(region, 'RemoveFromGlobalCluster', globalClusterId, clusterArn, {
        GlobalClusterIdentifier: globalClusterId,
        DbClusterIdentifier: clusterArn, // "Db", not "DB": the SDK's own casing for this operation
      });
    },
  };
}

/**
 * DocumentDB's API is RDS's (same endpoint), so either listing may carry the other's global clusters, and
 * Neptune's. The Engine field tells them apart when present; a cluster without one is kept.
 */
function isOfFamily(service: GlobalClusterService, engine: string | undefined): boolean {
  if (!engine) return true;
  return service === 'docdb' ? engine === 'docdb' : engine.startsWith('aurora');
}

export function toGlobalClusterView(cluster: GlobalCluster, target: CallTarget): GlobalClusterView {
  if (!cluster.GlobalClusterIdentifier) throw incompleteAnswerError(target, 'GlobalClusterIdentifier');
  return {
    id: cluster.GlobalClusterIdentifier,
    arn: cluster.GlobalClusterArn,
    status: cluster.Status ?? 'unknown',
    engine: cluster.Engine,
    engineVersion: cluster.EngineVersion,
    endpoint: cluster.Endpoint,
    members: (cluster.GlobalClusterMembers ?? []).map((member) => toMemberView(member, target)),
    failoverState: toFailoverStateView(cluster.FailoverState),
  };
}

function toMemberView(member: GlobalClusterMember, target: CallTarget): GlobalClusterMemberView {
  const arn = member.DBClusterArn;
  const region = arn ? regionFromArn(arn) : undefined;
  if (!arn || !region) throw incompleteAnswerError(target, 'DBClusterArn with a region for every member');
  return {
    clusterArn: arn,
    clusterId: clusterIdFromArn(arn),
    region,
    isWriter: member.IsWriter ?? false,
    synchronizationStatus: member.SynchronizationStatus,
  };
}

/** AWS documents FailoverState as "empty unless a switchover or failover is scheduled or in progress". */
function toFailoverStateView(state: FailoverState | undefined): FailoverStateView | undefined {
  if (!state?.Status) return undefined;
  return {
    status: state.Status, // free text: the SDK enum lacks switching-over, which AWS does send
    fromClusterArn: state.FromDbClusterArn,
    toClusterArn: state.ToDbClusterArn,
    isDataLossAllowed: state.IsDataLossAllowed,
  };
}

export function toDbClusterView(cluster: DBCluster, calledRegion: string): DbClusterView {
  const arn = cluster.DBClusterArn ?? '';
  return {
    id: cluster.DBClusterIdentifier ?? clusterIdFromArn(arn),
    arn,
    region: regionFromArn(arn) ?? calledRegion,
    status: cluster.Status ?? 'unknown',
    engine: cluster.Engine,
    engineVersion: cluster.EngineVersion,
    endpoint: cluster.Endpoint,
    instanceCount: cluster.DBClusterMembers?.length ?? 0,
  };
}

/** arn:aws:rds:us-west-2:111122223333:cluster:orders-west -> orders-west. */
export function clusterIdFromArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 7 && parts[5] === 'cluster' ? parts.slice(6).join(':') : arn;
}
