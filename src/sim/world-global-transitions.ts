// Switchover, failover and detach of Aurora / DocumentDB global clusters, as timed state machines that
// follow AWS-API.md section 2.6:
//   switchover: pending -> switching-over -> writer flips -> members connected -> FailoverState cleared
//   failover:   pending -> failing-over -> writer flips (others pending-resync) -> FailoverState cleared;
//               the old primary resyncs once its region answers again, then is connected
//   detach:     the member is promoting, then leaves and is a standalone writer
// A switchover whose primary region is impaired at the moment of the flip is cancelled: AWS warns a
// planned switchover "will fail" in a real disaster, after a while.
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import type { GlobalClusters } from './world-global-clusters';
import type { DbCluster, GlobalCluster, GlobalClusterMember, OperationRecord } from './world-state';

export interface FailoverCall {
  region: string;
  operation: 'SwitchoverGlobalCluster' | 'FailoverGlobalCluster';
  globalClusterId: string;
  target: string;
  allowDataLoss?: boolean;
  switchover?: boolean;
}

/** Fractions of the drawn duration at which each phase starts. */
const PHASES = {
  switchover: { active: 0.1, flip: 0.75, connected: 0.9 },
  failover: { active: 0.05, flip: 0.85 },
};

export class GlobalClusterTransitions {
  constructor(
    private readonly core: WorldCore,
    private readonly model: GlobalClusters,
  ) {}

  private serviceOf(global: GlobalCluster): string {
    return global.family === 'aurora' ? 'rds' : 'docdb';
  }

  failover(call: FailoverCall): GlobalCluster {
    if (call.allowDataLoss && call.switchover) {
      throw faults.invalidParameterCombination('Cannot specify both AllowDataLoss and Switchover.');
    }
    const global = this.model.global(call.globalClusterId);
    const target = this.model.cluster(call.target, call.region);
    const targetMember = global.members.find((member) => member.clusterArn === target.arn);
    if (!targetMember) {
      throw faults.invalidParameterValue(`The DB cluster ${target.arn} is not a member of the global cluster ${global.id}.`);
    }
    assertNoOperation(global);
    if (targetMember.isWriter) {
      throw faults.invalidParameterValue(`The DB cluster ${target.arn} is already the primary cluster of the global cluster ${global.id}.`);
    }
    const writer = this.model.writerOf(global);
    assertPromotable(target, writer);
    const dataLoss = call.allowDataLoss === true;
    const record = this.core.beginOperation({
      service: this.serviceOf(global),
      region: call.region,
      operation: dataLoss ? 'FailoverGlobalCluster(AllowDataLoss)' : call.operation,
      resource: global.id,
      target: target.arn,
    });
    global.failoverState = {
      status: 'pending',
      fromClusterArn: writer?.arn ?? '',
      toClusterArn: target.arn,
      isDataLossAllowed: dataLoss,
    };
    global.status = dataLoss ? 'failing-over' : 'switching-over';
    if (dataLoss) this.scheduleFailover(global, target, writer, record);
    else this.scheduleSwitchover(global, target, writer, record);
    return global;
  }

  private scheduleSwitchover(global: GlobalCluster, target: DbCluster, writer: DbCluster | undefined, record: OperationRecord): void {
    const start = this.core.now();
    const duration = this.core.drawDuration(global.family === 'aurora' ? 'auroraSwitchover' : 'docdbSwitchover', global.id);
    const at = (fraction: number) => start + Math.round(duration * fraction);
    this.core.schedule(at(PHASES.switchover.active), () => {
      setFailoverStatus(global, 'switching-over');
      target.status = 'modifying';
      if (writer) writer.status = 'modifying';
      this.core.milestone(record, 'switching-over');
    });
    if (this.core.faults.isStuck(global.id)) return;
    this.core.schedule(at(PHASES.switchover.flip), () => {
      if (writer && this.core.faults.regionImpaired(writer.region, this.core.now())) {
        this.cancel(global, [target, writer], record, start + duration);
        return;
      }
      this.flipWriter(global, target, record);
      for (const member of global.members) if (!member.isWriter) member.synchronizationStatus = 'pending-resync';
    });
    this.core.schedule(at(PHASES.switchover.connected), () => {
      if (global.failoverState?.status !== 'switching-over') return;
      for (const member of global.members) member.synchronizationStatus = 'connected';
      this.core.milestone(record, 'members connected');
    });
    this.core.schedule(at(1), () => {
      if (global.failoverState?.status !== 'switching-over') return;
      this.clear(global, [target, writer]);
      this.core.finish(record, 'completed');
    });
  }

  private scheduleFailover(global: GlobalCluster, target: DbCluster, writer: DbCluster | undefined, record: OperationRecord): void {
    const start = this.core.now();
    const duration = this.core.drawDuration(global.family === 'aurora' ? 'auroraFailover' : 'docdbFailover', global.id);
    const at = (fraction: number) => start + Math.round(duration * fraction);
    this.core.schedule(at(PHASES.failover.active), () => {
      setFailoverStatus(global, 'failing-over');
      target.status = 'modifying';
      if (writer) writer.status = 'failing-over';
      this.core.milestone(record, 'failing-over');
    });
    if (this.core.faults.isStuck(global.id)) return;
    this.core.schedule(at(PHASES.failover.flip), () => {
      this.flipWriter(global, target, record);
      target.status = 'available';
      for (const member of global.members) if (!member.isWriter) this.scheduleResync(global, member, record);
    });
    this.core.schedule(at(1), () => {
      this.clear(global, [target, writer]);
      this.core.finish(record, 'completed');
    });
  }

  /** A member left behind by a failover is rebuilt once its region answers again. */
  private scheduleResync(global: GlobalCluster, member: GlobalClusterMember, record: OperationRecord): void {
    member.synchronizationStatus = 'pending-resync';
    const cluster = this.model.clusterByArn(member.clusterArn);
    const backAt = this.core.faults.regionBackAt(cluster.region, this.core.now());
    if (backAt === Infinity) return;
    this.core.schedule(backAt + this.core.drawDuration('resync', cluster.id), () => {
      if (!global.members.includes(member) || member.isWriter) return;
      member.synchronizationStatus = 'connected';
      cluster.status = 'available';
      this.core.milestone(record, `${cluster.id} resynchronized`);
    });
  }

  private flipWriter(global: GlobalCluster, target: DbCluster, record: OperationRecord): void {
    const now = this.core.now();
    for (const member of global.members) {
      const cluster = this.model.clusterByArn(member.clusterArn);
      const wasWriter = member.isWriter;
      member.isWriter = member.clusterArn === target.arn;
      // Every secondary now replicates from the target's region: a new period, with its SourceRegion.
      if (!wasWriter) closePeriod(cluster, now);
      if (!member.isWriter) cluster.secondaryPeriods.push({ from: now, source: target.region });
    }
    this.core.milestone(record, `writer is ${target.id} in ${target.region}`);
  }

  private cancel(global: GlobalCluster, clusters: DbCluster[], record: OperationRecord, clearAt: number): void {
    setFailoverStatus(global, 'cancelling');
    this.core.milestone(record, 'cancelling: the primary region does not answer');
    this.core.schedule(Math.max(clearAt, this.core.now()), () => {
      this.clear(global, clusters);
      this.core.finish(record, 'cancelled');
    });
  }

  private clear(global: GlobalCluster, clusters: Array<DbCluster | undefined>): void {
    global.failoverState = undefined;
    global.status = 'available';
    for (const cluster of clusters) if (cluster && cluster.status !== 'available') cluster.status = 'available';
  }

  /** RemoveFromGlobalCluster: replication stops at once; the cluster is promoted to a standalone writer. */
  remove(call: { region: string; globalClusterId: string; cluster: string }): GlobalCluster {
    const global = this.model.global(call.globalClusterId);
    const cluster = this.model.cluster(call.cluster, call.region);
    const member = global.members.find((candidate) => candidate.clusterArn === cluster.arn);
    if (!member) throw faults.dbClusterNotMember(cluster.arn, global.id);
    assertNoOperation(global);
    if (member.isWriter && global.members.length > 1) {
      throw faults.invalidGlobalClusterState(
        `The primary cluster ${cluster.arn} can be removed from the global cluster ${global.id} only when it is its last member.`,
      );
    }
    if (cluster.status === 'promoting') throw faults.invalidDbClusterState(`The DB cluster ${cluster.arn} is already being removed.`);
    const record = this.core.beginOperation({
      service: this.serviceOf(global),
      region: call.region,
      operation: 'RemoveFromGlobalCluster',
      resource: global.id,
      target: cluster.arn,
    });
    cluster.status = 'promoting';
    global.status = 'modifying';
    this.core.schedule(this.core.now() + this.core.drawDuration('detach', global.id), () => {
      global.members = global.members.filter((candidate) => candidate !== member);
      global.status = 'available';
      cluster.globalClusterId = undefined;
      cluster.status = 'available';
      closePeriod(cluster, this.core.now());
      this.core.milestone(record, `${cluster.id} is a standalone writer`);
      this.core.finish(record, 'completed');
    });
    return global;
  }
}

function assertNoOperation(global: GlobalCluster): void {
  if (global.failoverState || global.status !== 'available') {
    const what = global.failoverState ? `a ${global.failoverState.status} operation is in progress` : `its status is ${global.status}`;
    throw faults.invalidGlobalClusterState(`The global cluster ${global.id} is not in a valid state for this operation: ${what}.`);
  }
}

function assertPromotable(target: DbCluster, writer: DbCluster | undefined): void {
  if (target.status !== 'available') {
    throw faults.invalidDbClusterState(
      `You can't fail over to the cluster with ARN ${target.arn} because it's being modified or because modifications are pending.`,
    );
  }
  if (writer && writer.engineVersion !== target.engineVersion) {
    throw faults.invalidDbClusterState(
      'The target DB cluster specified is running an engine version with a different patch level than the source DB cluster.',
    );
  }
  if (target.instanceIds.length === 0) {
    throw faults.invalidDbClusterState(
      `The target DB cluster ${target.arn} is headless: it has no DB instances. Add a DB instance to it before you switch over or fail over.`,
    );
  }
}

function setFailoverStatus(global: GlobalCluster, status: string): void {
  if (global.failoverState) global.failoverState.status = status;
}

function closePeriod(cluster: DbCluster, now: number): void {
  const open = cluster.secondaryPeriods.at(-1);
  if (open && open.to === undefined) open.to = now;
}
