// A stateful ElastiCache Global Datastore (AWS-API.md §4.5): FailoverGlobalReplicationGroup sets the
// datastore modifying, the next tick() swaps the roles, the one after makes it available again.
// Disassociation removes the member at the first tick and leaves its group standalone (primary-only when
// only the primary is left). Calls sent to a region other than the new primary's / member's are refused.
import type { GlobalDatastorePort, GlobalDatastoreView, ReplicationGroupView } from '../../../src/core/services/elasticache';
import { fakeAwsError, type FakeCore } from './core';

export interface FakeDatastoreMemberSpec {
  region: string;
  replicationGroupId?: string;
  primary?: boolean;
  memberClusters?: string[];
  groupStatus?: string;
}

export interface FakeDatastoreSpec {
  id: string;
  status?: string;
  members: FakeDatastoreMemberSpec[];
}

interface Datastore {
  view: GlobalDatastoreView;
  pending?: { kind: 'failover'; newPrimary: string } | { kind: 'disassociate'; groupId: string };
  stage: number;
}

export class FakeDatastores implements GlobalDatastorePort {
  private readonly datastores = new Map<string, Datastore>();
  private readonly groups = new Map<string, ReplicationGroupView>();

  constructor(private readonly core: FakeCore) {}

  add(spec: FakeDatastoreSpec): void {
    const members = spec.members.map((m) => {
      const replicationGroupId = m.replicationGroupId ?? `${spec.id}-${m.region}`;
      const role = m.primary ? 'PRIMARY' : 'SECONDARY';
      const memberClusters = m.memberClusters ?? [`${replicationGroupId}-001`, `${replicationGroupId}-002`];
      const endpoint = `master.${replicationGroupId}.abc123.${m.region}.cache.amazonaws.com`;
      this.groups.set(`${m.region}/${replicationGroupId}`, { id: replicationGroupId, region: m.region, status: m.groupStatus ?? 'available', globalRole: role, memberClusters, endpoint });
      return { replicationGroupId, region: m.region, role, status: 'associated' };
    });
    this.datastores.set(spec.id, { view: { id: spec.id, status: spec.status ?? 'available', engine: 'redis', engineVersion: '7.1', members }, stage: 0 });
  }

  datastore(id: string): GlobalDatastoreView {
    const datastore = this.datastores.get(id);
    if (!datastore) throw new Error(`fake: no datastore ${id}`);
    return datastore.view;
  }

  group(region: string, id: string): ReplicationGroupView {
    const group = this.groups.get(`${region}/${id}`);
    if (!group) throw new Error(`fake: no replication group ${id} in ${region}`);
    return group;
  }

  primaryRegion(id: string): string | undefined {
    return this.datastore(id).members.find((m) => m.role === 'PRIMARY')?.region;
  }

  tick(): void {
    for (const datastore of this.datastores.values()) this.advance(datastore);
  }

  private advance(datastore: Datastore): void {
    const { pending, view } = datastore;
    if (!pending) return;
    datastore.stage += 1;
    if (datastore.stage === 1 && pending.kind === 'failover') {
      for (const member of view.members) {
        member.role = member.replicationGroupId === pending.newPrimary ? 'PRIMARY' : 'SECONDARY';
        this.group(member.region, member.replicationGroupId).globalRole = member.role;
      }
    } else if (datastore.stage === 1 && pending.kind === 'disassociate') {
      const member = view.members.find((m) => m.replicationGroupId === pending.groupId);
      view.members = view.members.filter((m) => m !== member);
      if (member) Object.assign(this.group(member.region, member.replicationGroupId), { globalRole: undefined, status: 'modifying' });
    } else if (datastore.stage >= 2) {
      view.status = view.members.length > 1 ? 'available' : 'primary-only';
      for (const group of this.groups.values()) if (group.status === 'modifying') group.status = 'available';
      datastore.pending = undefined;
    }
  }

  private found(region: string, operation: string, id: string): Datastore {
    const datastore = this.datastores.get(id);
    if (!datastore) throw fakeAwsError('not-found', { service: 'elasticache', region, operation }, 'GlobalReplicationGroupNotFoundFault');
    return datastore;
  }

  describeGlobalDatastore(region: string, id: string): Promise<GlobalDatastoreView> {
    return this.core.call('elasticache', region, 'DescribeGlobalReplicationGroups', { GlobalReplicationGroupId: id, ShowMemberInfo: true }, () =>
      this.found(region, 'DescribeGlobalReplicationGroups', id).view,
    );
  }

  /** Every datastore, from any region: like AWS, a global datastore is visible from each of them. */
  listGlobalDatastores(region: string): Promise<GlobalDatastoreView[]> {
    return this.core.call('elasticache', region, 'DescribeGlobalReplicationGroups', { ShowMemberInfo: true }, () =>
      [...this.datastores.values()].map((datastore) => datastore.view),
    );
  }

  describeReplicationGroup(region: string, id: string): Promise<ReplicationGroupView> {
    return this.core.call('elasticache', region, 'DescribeReplicationGroups', { ReplicationGroupId: id }, () => {
      const group = this.groups.get(`${region}/${id}`);
      if (!group) throw fakeAwsError('not-found', { service: 'elasticache', region, operation: 'DescribeReplicationGroups' }, 'ReplicationGroupNotFoundFault');
      return group;
    });
  }

  failoverGlobalDatastore(region: string, id: string, newPrimaryRegion: string, newPrimaryGroupId: string): Promise<GlobalDatastoreView> {
    const operation = 'FailoverGlobalReplicationGroup';
    const params = { GlobalReplicationGroupId: id, PrimaryRegion: newPrimaryRegion, PrimaryReplicationGroupId: newPrimaryGroupId };
    return this.core.call('elasticache', region, operation, params, () => {
      const datastore = this.found(region, operation, id);
      const site = { service: 'elasticache' as const, region, operation };
      const target = datastore.view.members.find((m) => m.replicationGroupId === newPrimaryGroupId && m.region === newPrimaryRegion);
      if (region !== newPrimaryRegion) throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', `fake: send ${operation} to ${newPrimaryRegion}`);
      if (datastore.view.status !== 'available') throw fakeAwsError('invalid-state', site, 'InvalidGlobalReplicationGroupState');
      if (!target || target.role === 'PRIMARY') throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', 'PrimaryReplicationGroupId must be a secondary member');
      datastore.view.status = 'modifying';
      datastore.pending = { kind: 'failover', newPrimary: newPrimaryGroupId };
      datastore.stage = 0;
      return datastore.view;
    });
  }

  disassociateGlobalDatastore(region: string, id: string, groupId: string, groupRegion: string): Promise<GlobalDatastoreView> {
    const operation = 'DisassociateGlobalReplicationGroup';
    const params = { GlobalReplicationGroupId: id, ReplicationGroupId: groupId, ReplicationGroupRegion: groupRegion };
    return this.core.call('elasticache', region, operation, params, () => {
      const datastore = this.found(region, operation, id);
      const site = { service: 'elasticache' as const, region, operation };
      const member = datastore.view.members.find((m) => m.replicationGroupId === groupId && m.region === groupRegion);
      if (region !== groupRegion) throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', `fake: send ${operation} to ${groupRegion}`);
      if (datastore.view.status !== 'available') throw fakeAwsError('invalid-state', site, 'InvalidGlobalReplicationGroupState');
      if (!member || member.role === 'PRIMARY') throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', 'ReplicationGroupId must be a secondary member');
      datastore.view.status = 'modifying';
      datastore.pending = { kind: 'disassociate', groupId };
      datastore.stage = 0;
      return datastore.view;
    });
  }
}
