// Deciding when an operation is complete (AWS-API.md §9.3; there are no waiters for global clusters).
// One DescribeGlobalClusters per poll while the operation runs; the target's DB cluster is described only
// once the global view says the writer has moved, which keeps a long switchover well under 20 describes
// per minute at the 5 s starting interval.
import type { GlobalClusterView } from '../../core/services/global-cluster-port';
import { isAwsError } from '../../aws/aws-error';
import { DrctlError } from '../../core/errors';
import { asRunFailure } from '../shared/resolve';
import type { ActionContext, PollResult } from '../../core/action';
import {
  describeGlobalCluster,
  describeMember,
  describeProgress,
  unsyncedMembers,
  type GlobalClusterFamily,
  type GlobalClusterStepState,
} from './model';
import { describeTarget, type GlobalClusterPlan } from './plan';

// AWS answers the call with the cluster already in transition, but a describe right after may lag behind.
const START_GRACE_MS = 60_000;

function refuseOtherTarget(cluster: GlobalClusterView, state: GlobalClusterStepState): void {
  const to = cluster.failoverState?.toClusterArn;
  if (to && to !== state.targetArn) {
    throw new DrctlError(
      'action.operation-in-progress-elsewhere',
      `${state.resource}: ${describeProgress(cluster)} is moving the writer away from ${state.targetRegion}`,
      'Someone started another operation on this global cluster. Check `drctl status` before doing anything else.',
      asRunFailure,
    );
  }
}

function notStarted(ctx: ActionContext, cluster: GlobalClusterView, state: GlobalClusterStepState): PollResult {
  if (state.requestedAt !== undefined && ctx.clock.now() - state.requestedAt < START_GRACE_MS) {
    return { done: false, observation: `${describeProgress(cluster)} (waiting for AWS to start the ${state.operation})` };
  }
  throw new DrctlError(
    'action.operation-cancelled',
    `${state.resource}: the ${state.operation} ended without promoting ${state.targetClusterId}; ${describeProgress(cluster)}`,
    'AWS cancelled or rolled back the operation. Read the cluster events (RDS console, or `aws rds describe-events`), fix the cause, then run the step again.',
    asRunFailure,
  );
}

function outputs(family: GlobalClusterFamily, cluster: GlobalClusterView | undefined, state: GlobalClusterStepState, writerEndpoint?: string) {
  return {
    writerRegion: state.targetRegion,
    writerClusterArn: state.targetArn,
    writerClusterId: state.targetClusterId,
    previousWriterRegion: state.previousWriterRegion,
    ...(writerEndpoint ? { writerEndpoint } : {}),
    // DocumentDB has no global writer endpoint; a detached cluster is no longer behind Aurora's.
    ...(family.service === 'rds' && state.operation !== 'detach' && cluster?.endpoint ? { globalEndpoint: cluster.endpoint } : {}),
  };
}

async function pollCutover(ctx: ActionContext, family: GlobalClusterFamily, plan: GlobalClusterPlan): Promise<PollResult> {
  const { state } = plan;
  const cluster = await describeGlobalCluster(ctx, family, state.resource, state.globalClusterId, state.askRegions);
  refuseOtherTarget(cluster, state);
  if (cluster.failoverState) return { done: false, observation: describeProgress(cluster) };
  const target = cluster.members.find((member) => member.clusterArn === state.targetArn);
  if (!target) {
    throw new DrctlError(
      'action.target-left',
      `${state.resource}: ${state.targetClusterId} is no longer a member of ${state.globalClusterId}`,
      'Someone detached it during the operation. Check `drctl status` before doing anything else.',
      asRunFailure,
    );
  }
  if (!target.isWriter) return notStarted(ctx, cluster, state);
  const unsynced = unsyncedMembers(cluster).map(describeMember);
  // A switchover is complete only when every member is in sync again. After a failover the old primary
  // stays in pending-resync for minutes to hours: AWS rebuilds it, so it is reported, not waited for.
  if (state.operation === 'switchover' && unsynced.length) {
    return { done: false, observation: `${state.resource}: writer in ${state.targetRegion}, waiting for ${unsynced.join('; ')}` };
  }
  const db = await describeTarget(ctx, family, state);
  if (db.status !== 'available') {
    return { done: false, observation: `${state.resource}: writer in ${state.targetRegion}, ${state.targetClusterId} is ${db.status}` };
  }
  const resync = unsynced.length ? `; resyncing: ${unsynced.join('; ')}` : '';
  return {
    done: true,
    observation: `${state.resource}: writer ${state.targetClusterId} available in ${state.targetRegion}${resync}`,
    outputs: outputs(family, cluster, state, db.endpoint),
  };
}

async function pollDetach(ctx: ActionContext, family: GlobalClusterFamily, plan: GlobalClusterPlan): Promise<PollResult> {
  const { state } = plan;
  let stillMember = false;
  try {
    const cluster = await describeGlobalCluster(ctx, family, state.resource, state.globalClusterId, state.askRegions);
    stillMember = cluster.members.some((member) => member.clusterArn === state.targetArn);
  } catch (error) {
    // Detaching the last member may leave no global cluster to describe: the member is gone either way.
    if (!isAwsError(error, 'not-found')) throw error;
  }
  if (stillMember) return { done: false, observation: `${state.resource}: detaching ${state.targetClusterId} in ${state.targetRegion}` };
  const db = await describeTarget(ctx, family, state);
  if (db.status !== 'available') {
    return { done: false, observation: `${state.resource}: ${state.targetClusterId} detached, ${db.status}` };
  }
  return {
    done: true,
    observation: `${state.resource}: ${state.targetClusterId} is a standalone writer in ${state.targetRegion}`,
    outputs: outputs(family, undefined, state, db.endpoint),
  };
}

export function pollGlobalCluster(ctx: ActionContext, family: GlobalClusterFamily, plan: GlobalClusterPlan): Promise<PollResult> {
  return plan.state.operation === 'detach' ? pollDetach(ctx, family, plan) : pollCutover(ctx, family, plan);
}
