// GlobalDatastorePort: ElastiCache Global Datastore. Roles are upper-cased here (the model types them as a
// free string; AWS sends PRIMARY / SECONDARY, DescribeReplicationGroups documents "primary or secondary").
import type { GlobalReplicationGroup, GlobalReplicationGroupMember, ReplicationGroup } from '@aws-sdk/client-elasticache';
import { type CallTarget, incompleteAnswerError, notFoundError } from '../classify';
import type { ClientPool } from '../client-pool';
import { invoke, targetOf } from '../invoke';
import { allPages } from '../pages';
import type { AwsServicePart } from './part';
import { regionFromArn } from '../../core/regions';
import { type GlobalDatastoreMemberView, type GlobalDatastorePort, type GlobalDatastoreView, type ReplicationGroupView } from '../../core/services/elasticache';

const service = 'elasticache';

export const elasticacheSdk: AwsServicePart<'elasticache'> = {
  load: () => import('@aws-sdk/client-elasticache'),
  client: 'ElastiCacheClient',
  createPort: (pool) => createGlobalDatastorePort(pool),
};

export function createGlobalDatastorePort(pool: ClientPool): GlobalDatastorePort {
  const datastoreChange = async (
    region: string,
    operation: string,
    globalReplicationGroupId: string,
    input: object,
  ): Promise<GlobalDatastoreView> => {
    const call = { service, region, operation, resource: `global datastore ${globalReplicationGroupId}` } as const;
    const output = await invoke<{ GlobalReplicationGroup?: GlobalReplicationGroup }>(pool, { ...call, input });
    if (!output.GlobalReplicationGroup) throw incompleteAnswerError(targetOf(pool, call), 'GlobalReplicationGroup');
    return toGlobalDatastoreView(output.GlobalReplicationGroup, targetOf(pool, call));
  };

  return {
    async describeGlobalDatastore(region, globalReplicationGroupId) {
      const call = {
        service,
        region,
        operation: 'DescribeGlobalReplicationGroups',
        resource: `global datastore ${globalReplicationGroupId}`,
      } as const;
      const output = await invoke<{ GlobalReplicationGroups?: GlobalReplicationGroup[] }>(pool, {
        ...call,
        // Without ShowMemberInfo the answer has no Members, and drctl could not tell who is primary.
        input: { GlobalReplicationGroupId: globalReplicationGroupId, ShowMemberInfo: true },
      });
      const group = output.GlobalReplicationGroups?.find((g) => g.GlobalReplicationGroupId === globalReplicationGroupId);
      if (!group) throw notFoundError(targetOf(pool, call));
      return toGlobalDatastoreView(group, targetOf(pool, call));
    },

    async listGlobalDatastores(region) {
      const call = { service, region, operation: 'DescribeGlobalReplicationGroups', resource: 'global datastores' } as const;
      const groups = await allPages(async (marker) => {
        const output = await invoke<{ GlobalReplicationGroups?: GlobalReplicationGroup[]; Marker?: string }>(pool, {
          ...call,
          // Members say which regions each datastore spans; without ShowMemberInfo there are none.
          input: { ShowMemberInfo: true, ...(marker ? { Marker: marker } : {}) },
        });
        return { items: output.GlobalReplicationGroups, next: output.Marker };
      });
      return groups.map((group) => toGlobalDatastoreView(group, targetOf(pool, call)));
    },

    async describeReplicationGroup(region, replicationGroupId) {
      const call = {
        service,
        region,
        operation: 'DescribeReplicationGroups',
        resource: `replication group ${replicationGroupId}`,
      } as const;
      const output = await invoke<{ ReplicationGroups?: ReplicationGroup[] }>(pool, {
        ...call,
        input: { ReplicationGroupId: replicationGroupId },
      });
      const group = output.ReplicationGroups?.find((g) => g.ReplicationGroupId === replicationGroupId);
      if (!group) throw notFoundError(targetOf(pool, call));
      return toReplicationGroupView(group, region);
    },

    failoverGlobalDatastore(region, globalReplicationGroupId, newPrimaryRegion, newPrimaryReplicationGroupId) {
      // Despite their documentation ("the primary"), these two parameters name the NEW primary: the
      // secondary being promoted (AWS-API.md 4.2).
      return datastoreChange(region, 'FailoverGlobalReplicationGroup', globalReplicationGroupId, {
        GlobalReplicationGroupId: globalReplicationGroupId,
        PrimaryRegion: newPrimaryRegion,
        PrimaryReplicationGroupId: newPrimaryReplicationGroupId,
      });
    },

    disassociateGlobalDatastore(region, globalReplicationGroupId, replicationGroupId, replicationGroupRegion) {
      return datastoreChange(region, 'DisassociateGlobalReplicationGroup', globalReplicationGroupId, {
        GlobalReplicationGroupId: globalReplicationGroupId,
        ReplicationGroupId: replicationGroupId,
        ReplicationGroupRegion: replicationGroupRegion,
      });
    },
  };
}

export function toGlobalDatastoreView(group: GlobalReplicationGroup, target: CallTarget): GlobalDatastoreView {
  if (!group.GlobalReplicationGroupId) throw incompleteAnswerError(target, 'GlobalReplicationGroupId');
  return {
    id: group.GlobalReplicationGroupId,
    status: group.Status ?? 'unknown',
    engine: group.Engine,
    engineVersion: group.EngineVersion,
    members: (group.Members ?? []).map((member) => toMemberView(member, target)),
  };
}

function toMemberView(member: GlobalReplicationGroupMember, target: CallTarget): GlobalDatastoreMemberView {
  if (!member.ReplicationGroupId || !member.ReplicationGroupRegion) {
    throw incompleteAnswerError(target, 'ReplicationGroupId and ReplicationGroupRegion for every member');
  }
  return {
    replicationGroupId: member.ReplicationGroupId,
    region: member.ReplicationGroupRegion,
    role: (member.Role ?? '').toUpperCase(),
    status: member.Status,
  };
}

export function toReplicationGroupView(group: ReplicationGroup, calledRegion: string): ReplicationGroupView {
  const role = group.GlobalReplicationGroupInfo?.GlobalReplicationGroupMemberRole;
  return {
    id: group.ReplicationGroupId ?? '',
    region: (group.ARN && regionFromArn(group.ARN)) || calledRegion,
    status: group.Status ?? 'unknown',
    globalRole: role ? role.toUpperCase() : undefined,
    memberClusters: group.MemberClusters ?? [],
    ...endpointOf(group),
  };
}

function endpointOf(group: ReplicationGroup): { endpoint?: string } {
  const address = group.ConfigurationEndpoint?.Address ?? group.NodeGroups?.[0]?.PrimaryEndpoint?.Address;
  return address ? { endpoint: address } : {};
}
