// ElastiCache global datastores (AWS-API.md section 4.5): FailoverGlobalReplicationGroup makes the datastore
// modifying, swaps the roles, then makes it available; DisassociateGlobalReplicationGroup lets a secondary
// go (standalone) and leaves the datastore primary-only when only the primary remains.
import { parseDuration } from '../core/duration';
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import { HISTORY_MS } from './world-global-clusters';
import type { GlobalDatastoreSpec } from './world-spec';
import type { DatastoreMember, GlobalDatastore, ReplicationGroup } from './world-state';

const DEFAULT_LAG_MS = 400;
/** Roles swap at this fraction of the drawn failover duration; the datastore is available at the end. */
const SWAP_AT = 0.8;

/** Member cache clusters of a replication group: <rg>-001, <rg>-002, ... (the CacheClusterId dimension). */
export function memberClusterIds(group: ReplicationGroup): string[] {
  return Array.from({ length: group.nodes }, (_, index) => `${group.id}-${String(index + 1).padStart(3, '0')}`);
}

export class GlobalDatastores {
  readonly groups = new Map<string, ReplicationGroup>();
  readonly datastores = new Map<string, GlobalDatastore>();
  /** Indexes for lookups drctl makes per resource and per poll: a scan of every group each time is N^2. */
  private readonly byRegion = new Map<string, ReplicationGroup[]>();
  private readonly byCacheCluster = new Map<string, ReplicationGroup>();

  constructor(private readonly core: WorldCore) {}

  add(spec: GlobalDatastoreSpec): void {
    const since = this.core.startedAt - HISTORY_MS;
    const datastore: GlobalDatastore = {
      id: spec.globalReplicationGroupId,
      engine: spec.engine,
      engineVersion: spec.engineVersion,
      cacheNodeType: spec.cacheNodeType,
      status: spec.replicationGroups.length > 1 ? 'available' : 'primary-only',
      members: [],
    };
    const source = spec.replicationGroups.find((group) => group.primary)?.region;
    for (const group of spec.replicationGroups) {
      const replicationGroup: ReplicationGroup = {
        id: group.id,
        region: group.region,
        status: 'available',
        nodes: group.nodes,
        globalDatastoreId: datastore.id,
        lagMs: group.lag ? (parseDuration(group.lag) ?? DEFAULT_LAG_MS) : DEFAULT_LAG_MS,
        secondaryPeriods: group.primary ? [] : [{ from: since, source }],
      };
      this.groups.set(groupKey(group.region, group.id), replicationGroup);
      const inRegion = this.byRegion.get(group.region) ?? [];
      inRegion.push(replicationGroup);
      this.byRegion.set(group.region, inRegion);
      for (const cacheClusterId of memberClusterIds(replicationGroup)) this.byCacheCluster.set(groupKey(group.region, cacheClusterId), replicationGroup);
      datastore.members.push({
        replicationGroupId: group.id,
        region: group.region,
        role: group.primary ? 'PRIMARY' : 'SECONDARY',
        status: 'associated',
      });
    }
    this.datastores.set(datastore.id, datastore);
  }

  datastore(id: string): GlobalDatastore {
    const datastore = this.datastores.get(id);
    if (!datastore) throw faults.globalReplicationGroupNotFound(id);
    return datastore;
  }

  group(region: string, id: string): ReplicationGroup {
    const group = this.groups.get(groupKey(region, id));
    if (!group) throw faults.replicationGroupNotFound(id);
    return group;
  }

  groupsIn(region: string): ReplicationGroup[] {
    return [...(this.byRegion.get(region) ?? [])];
  }

  /** The replication group a member cache cluster (<rg>-001, ...) belongs to, in a region. */
  groupOfCacheCluster(region: string, cacheClusterId: string): ReplicationGroup | undefined {
    return this.byCacheCluster.get(groupKey(region, cacheClusterId));
  }

  primaryOf(datastore: GlobalDatastore): DatastoreMember | undefined {
    return datastore.members.find((member) => member.role === 'PRIMARY');
  }

  /** PrimaryRegion / PrimaryReplicationGroupId name the NEW primary (AWS-API.md section 4.2). */
  failover(call: { region: string; id: string; newPrimaryRegion: string; newPrimaryGroupId: string }): GlobalDatastore {
    const datastore = this.datastore(call.id);
    if (datastore.status !== 'available') {
      throw faults.invalidGlobalReplicationGroupState('The Global datastore is not available or in primary-only state');
    }
    const target = this.memberOf(datastore, call.newPrimaryRegion, call.newPrimaryGroupId);
    if (target.role === 'PRIMARY') {
      throw faults.invalidParameterValue(`Replication group ${target.replicationGroupId} is already the primary of ${datastore.id}.`);
    }
    const record = this.core.beginOperation({
      service: 'elasticache',
      region: call.region,
      operation: 'FailoverGlobalReplicationGroup',
      resource: datastore.id,
      target: `${target.region}/${target.replicationGroupId}`,
    });
    const groups = datastore.members.map((member) => this.group(member.region, member.replicationGroupId));
    datastore.status = 'modifying';
    for (const group of groups) group.status = 'modifying';
    if (this.core.faults.isStuck(datastore.id)) return datastore;
    const start = this.core.now();
    const duration = this.core.drawDuration('elasticacheFailover', datastore.id);
    this.core.schedule(start + Math.round(duration * SWAP_AT), () => {
      const now = this.core.now();
      for (const member of datastore.members) {
        const group = this.group(member.region, member.replicationGroupId);
        const role = member === target ? 'PRIMARY' : 'SECONDARY';
        // Every secondary now replicates from the target's region: a new period, with its SourceRegion.
        if (member.role === 'SECONDARY') closePeriod(group, now);
        if (role === 'SECONDARY') group.secondaryPeriods.push({ from: now, source: target.region });
        member.role = role;
      }
      this.core.milestone(record, `primary is ${target.replicationGroupId} in ${target.region}`);
    });
    this.core.schedule(start + duration, () => {
      datastore.status = 'available';
      for (const group of groups) group.status = 'available';
      this.core.finish(record, 'completed');
    });
    return datastore;
  }

  disassociate(call: { region: string; id: string; groupId: string; groupRegion: string }): GlobalDatastore {
    const datastore = this.datastore(call.id);
    const member = this.memberOf(datastore, call.groupRegion, call.groupId);
    if (datastore.status !== 'available') {
      throw faults.invalidGlobalReplicationGroupState('The Global datastore is not available or in primary-only state');
    }
    if (member.role === 'PRIMARY') {
      throw faults.invalidParameterValue(
        `Replication group ${member.replicationGroupId} is the primary of ${datastore.id}; only a secondary can be disassociated.`,
      );
    }
    const record = this.core.beginOperation({
      service: 'elasticache',
      region: call.region,
      operation: 'DisassociateGlobalReplicationGroup',
      resource: datastore.id,
      target: `${member.region}/${member.replicationGroupId}`,
    });
    member.status = 'disassociating';
    datastore.status = 'modifying';
    this.core.schedule(this.core.now() + this.core.drawDuration('elasticacheDisassociate', datastore.id), () => {
      datastore.members = datastore.members.filter((candidate) => candidate !== member);
      const group = this.group(member.region, member.replicationGroupId);
      group.globalDatastoreId = undefined;
      closePeriod(group, this.core.now());
      datastore.status = datastore.members.length > 1 ? 'available' : 'primary-only';
      this.core.milestone(record, `${group.id} is standalone`);
      this.core.finish(record, 'completed');
    });
    return datastore;
  }

  private memberOf(datastore: GlobalDatastore, region: string, groupId: string): DatastoreMember {
    const member = datastore.members.find((candidate) => candidate.replicationGroupId === groupId && candidate.region === region);
    if (!member) {
      throw faults.invalidParameterValue(`Replication group ${groupId} in ${region} is not a member of the Global datastore ${datastore.id}.`);
    }
    return member;
  }
}

const groupKey = (region: string, id: string) => `${region}/${id}`;

function closePeriod(group: ReplicationGroup, now: number): void {
  const open = group.secondaryPeriods.at(-1);
  if (open && open.to === undefined) open.to = now;
}
