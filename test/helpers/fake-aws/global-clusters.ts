// A stateful Aurora or DocumentDB (one instance per service) following AWS-API.md §2.6: a switchover or
// failover sets FailoverState pending, then each tick() moves it one stage:
//   switchover: pending -> switching-over -> writers flipped -> FailoverState cleared (all connected)
//   failover:   pending -> failing-over   -> writers flipped, old primary pending-resync -> cleared
// The old primary stays pending-resync after a failover until resync() is called. The fake also refuses
// what AWS refuses (a second operation, a headless or non-available target, different engine versions)
// and, to catch drctl bugs, a call sent to the wrong region.
import type { DbClusterView, FailoverStateView, GlobalClusterPort, GlobalClusterView } from '../../../src/core/services/global-cluster-port';
import { fakeAwsError, type FakeCore } from './core';

export interface FakeMemberSpec {
  region: string;
  clusterId?: string;
  writer?: boolean;
  instances?: number;
  status?: string;
  engineVersion?: string;
  sync?: string;
}

export interface FakeGlobalClusterSpec {
  id: string;
  engineVersion?: string;
  status?: string;
  members: FakeMemberSpec[];
}

interface Member {
  clusterId: string;
  clusterArn: string;
  region: string;
  isWriter: boolean;
  synchronizationStatus?: string;
}

interface GlobalCluster {
  id: string;
  status: string;
  engineVersion: string;
  endpoint?: string;
  members: Member[];
  failoverState?: FailoverStateView;
  stage: number;
}

export class FakeGlobalClusters implements GlobalClusterPort {
  private readonly clusters = new Map<string, GlobalCluster>();
  private readonly dbClusters = new Map<string, DbClusterView>();

  constructor(
    readonly service: 'rds' | 'docdb',
    private readonly core: FakeCore,
  ) {}

  add(spec: FakeGlobalClusterSpec): void {
    const engineVersion = spec.engineVersion ?? (this.service === 'rds' ? '8.0.mysql_aurora.3.05.2' : '5.0.0');
    const members = spec.members.map((m): Member => {
      const clusterId = m.clusterId ?? `${spec.id}-${m.region}`;
      const clusterArn = `arn:aws:rds:${m.region}:111122223333:cluster:${clusterId}`;
      this.dbClusters.set(clusterArn, {
        id: clusterId,
        arn: clusterArn,
        region: m.region,
        status: m.status ?? 'available',
        engine: this.service === 'rds' ? 'aurora-mysql' : 'docdb',
        engineVersion: m.engineVersion ?? engineVersion,
        endpoint: `${clusterId}.cluster-abc.${m.region}.${this.service === 'rds' ? 'rds' : 'docdb'}.amazonaws.com`,
        instanceCount: m.instances ?? 1,
      });
      return { clusterId, clusterArn, region: m.region, isWriter: m.writer ?? false, synchronizationStatus: m.sync ?? 'connected' };
    });
    // DocumentDB has no global writer endpoint (AWS-API.md §3).
    const endpoint = this.service === 'rds' ? `${spec.id}.global-xyz.global.rds.amazonaws.com` : undefined;
    this.clusters.set(spec.id, { id: spec.id, status: spec.status ?? 'available', engineVersion, endpoint, members, stage: 0 });
  }

  /** Direct access for tests that arrange unusual states. */
  cluster(id: string): GlobalCluster {
    const cluster = this.clusters.get(id);
    if (!cluster) throw new Error(`fake: no global cluster ${id}`);
    return cluster;
  }

  dbCluster(region: string, clusterId: string): DbClusterView {
    const db = [...this.dbClusters.values()].find((c) => c.region === region && c.id === clusterId);
    if (!db) throw new Error(`fake: no DB cluster ${clusterId} in ${region}`);
    return db;
  }

  arnOf(region: string, clusterId: string): string {
    return this.dbCluster(region, clusterId).arn;
  }

  writerRegion(id: string): string | undefined {
    return this.cluster(id).members.find((m) => m.isWriter)?.region;
  }

  /** The old primary finished rebuilding after a failover. */
  resync(id: string): void {
    for (const member of this.cluster(id).members) member.synchronizationStatus = 'connected';
  }

  /** AWS gives up on the operation under way: cancelling now, cleared at the next tick, writers unchanged. */
  cancel(id: string): void {
    const cluster = this.cluster(id);
    if (cluster.failoverState) cluster.failoverState.status = 'cancelling';
    cluster.stage = 99;
  }

  /** Moves every operation under way one stage on. */
  tick(): void {
    for (const cluster of this.clusters.values()) this.advance(cluster);
    for (const db of this.dbClusters.values()) if (db.status === 'promoting') db.status = 'available';
  }

  private advance(cluster: GlobalCluster): void {
    const state = cluster.failoverState;
    if (!state) return;
    cluster.stage += 1;
    const target = cluster.members.find((m) => m.clusterArn === state.toClusterArn);
    const source = cluster.members.find((m) => m.clusterArn === state.fromClusterArn);
    if (cluster.stage >= 99) {
      cluster.failoverState = undefined;
      cluster.status = 'available';
      return;
    }
    if (cluster.stage === 1) {
      state.status = state.isDataLossAllowed ? 'failing-over' : 'switching-over';
      if (target) this.setDbStatus(target.clusterArn, state.isDataLossAllowed ? 'failing-over' : 'modifying');
    } else if (cluster.stage === 2 && target) {
      for (const member of cluster.members) member.isWriter = member === target;
      if (state.isDataLossAllowed && source) source.synchronizationStatus = 'pending-resync';
    } else if (cluster.stage >= 3) {
      cluster.failoverState = undefined;
      cluster.status = 'available';
      if (target) this.setDbStatus(target.clusterArn, 'available');
    }
  }

  private setDbStatus(arn: string, status: string): void {
    const db = this.dbClusters.get(arn);
    if (db) db.status = status;
  }

  private view(cluster: GlobalCluster): GlobalClusterView {
    return {
      id: cluster.id,
      arn: `arn:aws:rds::111122223333:global-cluster:${cluster.id}`,
      status: cluster.status,
      engine: this.service === 'rds' ? 'aurora-mysql' : 'docdb',
      engineVersion: cluster.engineVersion,
      endpoint: cluster.endpoint,
      members: cluster.members.map((m) => ({ ...m })),
      failoverState: cluster.failoverState ? { ...cluster.failoverState } : undefined,
    };
  }

  private found(region: string, operation: string, id: string): GlobalCluster {
    const cluster = this.clusters.get(id);
    if (!cluster) throw fakeAwsError('not-found', { service: this.service, region, operation }, 'GlobalClusterNotFoundFault', `Global cluster ${id} not found`);
    return cluster;
  }

  describeGlobalCluster(region: string, id: string): Promise<GlobalClusterView> {
    return this.core.call(this.service, region, 'DescribeGlobalClusters', { GlobalClusterIdentifier: id }, () =>
      this.view(this.found(region, 'DescribeGlobalClusters', id)),
    );
  }

  /** This service's global clusters, from any region: a global cluster is visible from each of them. */
  listGlobalClusters(region: string): Promise<GlobalClusterView[]> {
    return this.core.call(this.service, region, 'DescribeGlobalClusters', {}, () => [...this.clusters.values()].map((cluster) => this.view(cluster)));
  }

  describeDbCluster(region: string, idOrArn: string): Promise<DbClusterView> {
    return this.core.call(this.service, region, 'DescribeDBClusters', { DBClusterIdentifier: idOrArn }, () => {
      const db = [...this.dbClusters.values()].find((c) => c.region === region && (c.arn === idOrArn || c.id === idOrArn));
      if (!db) throw fakeAwsError('not-found', { service: this.service, region, operation: 'DescribeDBClusters' }, 'DBClusterNotFoundFault');
      return db;
    });
  }

  switchoverGlobalCluster(region: string, id: string, targetArn: string): Promise<GlobalClusterView> {
    const params = { GlobalClusterIdentifier: id, TargetDbClusterIdentifier: targetArn };
    return this.core.call(this.service, region, 'SwitchoverGlobalCluster', params, () => this.start(region, 'SwitchoverGlobalCluster', id, targetArn, false));
  }

  failoverGlobalCluster(region: string, id: string, targetArn: string): Promise<GlobalClusterView> {
    const params = { GlobalClusterIdentifier: id, TargetDbClusterIdentifier: targetArn, AllowDataLoss: true };
    return this.core.call(this.service, region, 'FailoverGlobalCluster', params, () => this.start(region, 'FailoverGlobalCluster', id, targetArn, true));
  }

  removeFromGlobalCluster(region: string, id: string, clusterArn: string): Promise<GlobalClusterView> {
    const operation = 'RemoveFromGlobalCluster';
    return this.core.call(this.service, region, operation, { GlobalClusterIdentifier: id, DbClusterIdentifier: clusterArn }, () => {
      const cluster = this.found(region, operation, id);
      const member = cluster.members.find((m) => m.clusterArn === clusterArn);
      const site = { service: this.service, region, operation };
      if (!member) throw fakeAwsError('not-found', site, 'DBClusterNotFoundFault');
      if (member.region !== region) throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', 'fake: send RemoveFromGlobalCluster to the member\'s region');
      if (cluster.failoverState) throw fakeAwsError('invalid-state', site);
      cluster.members = cluster.members.filter((m) => m !== member);
      this.setDbStatus(clusterArn, 'promoting');
      return this.view(cluster);
    });
  }

  private start(region: string, operation: string, id: string, targetArn: string, allowDataLoss: boolean): GlobalClusterView {
    const cluster = this.found(region, operation, id);
    const site = { service: this.service, region, operation };
    const target = cluster.members.find((m) => m.clusterArn === targetArn);
    const writer = cluster.members.find((m) => m.isWriter);
    if (!target) throw fakeAwsError('not-found', site, 'DBClusterNotFoundFault');
    const expectedRegion = allowDataLoss ? target.region : writer?.region;
    if (region !== expectedRegion) throw fakeAwsError('invalid-request', site, 'InvalidParameterValue', `fake: send ${operation} to ${expectedRegion}`);
    if (cluster.failoverState || target.isWriter || cluster.status !== 'available') throw fakeAwsError('invalid-state', site);
    const db = this.dbClusters.get(targetArn);
    if (!db || db.status !== 'available' || db.instanceCount === 0) throw fakeAwsError('invalid-state', site, 'InvalidDBClusterStateFault');
    if (db.engineVersion !== cluster.engineVersion) {
      throw fakeAwsError('invalid-state', site, 'InvalidDBClusterStateFault', 'The target DB cluster specified is running an engine version with a different patch level than the source DB cluster');
    }
    cluster.failoverState = { status: 'pending', fromClusterArn: writer?.clusterArn, toClusterArn: targetArn, isDataLossAllowed: allowDataLoss };
    cluster.stage = 0;
    return this.view(cluster);
  }
}
