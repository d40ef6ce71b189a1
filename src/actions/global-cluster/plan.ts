// Read-only planning of a switchover or failover: find the member in `to`, decide whether the work is
// already done, already under way to the same target (join it) or under way elsewhere (refuse), and
// otherwise check what AWS would refuse (target not available, headless) before anyone approves.
import type { DbClusterView, GlobalClusterMemberView, GlobalClusterView } from '../../core/services/global-cluster-port';
import { regionFromArn } from '../../core/regions';
import { DrctlError } from '../../core/errors';
import { explained } from '../shared/aws-hints';
import { globalClusterLagMetrics, lagObservation, readFirstLag } from '../shared/lag';
import { asRunFailure, memberInRegion, regionsToAsk, resourceNamed } from '../shared/resolve';
import type { ActionContext, ActionPlan, PlannedCall } from '../../core/action';
import {
  API_OPERATION,
  describeGlobalCluster,
  describeMember,
  describeOperationUnderWay,
  describeProgress,
  portFor,
  progressRegions,
  unsyncedMembers,
  writerOf,
  type GlobalClusterFamily,
  type GlobalClusterResource,
  type GlobalClusterStepState,
  type Operation,
} from './model';

export type GlobalClusterPlan = ActionPlan<GlobalClusterStepState>;

export interface Located {
  resource: GlobalClusterResource;
  subject: string;
  cluster: GlobalClusterView;
  target: GlobalClusterMemberView;
  state: GlobalClusterStepState;
}

/** Resolves the resource and `to`, reads the global cluster and builds the state apply and poll use. */
export async function locate(
  ctx: ActionContext,
  family: GlobalClusterFamily,
  operation: Operation,
  params: { resource: string; to: string },
  notMemberHint?: string,
): Promise<Located> {
  const resource = resourceNamed(ctx, params.resource, [family.resourceType]);
  const subject = `${params.resource} (${family.label} global cluster ${resource.globalClusterId})`;
  const asked = regionsToAsk(ctx, subject, params.to, resource.regions);
  const cluster = await describeGlobalCluster(ctx, family, params.resource, resource.globalClusterId, asked);
  const target = memberInRegion(cluster.members, params.to, subject, describeMember, notMemberHint);
  const writer = writerOf(cluster);
  const state: GlobalClusterStepState = {
    resource: params.resource,
    globalClusterId: resource.globalClusterId,
    operation,
    targetArn: target.clusterArn,
    targetClusterId: target.clusterId,
    targetRegion: target.region,
    previousWriterArn: writer?.clusterArn,
    previousWriterRegion: writer?.region,
    // Switchover is sent to the primary's region; failover and detach to the target's (AWS-API.md §2.2, §2.4).
    callRegion: operation === 'switchover' ? (writer?.region ?? target.region) : target.region,
    askRegions: progressRegions(cluster, target.region, asked),
  };
  return { resource, subject, cluster, target, state };
}

export function mutatingCall(family: GlobalClusterFamily, state: GlobalClusterStepState): PlannedCall {
  const common = { GlobalClusterIdentifier: state.globalClusterId };
  const params =
    state.operation === 'detach'
      ? { ...common, DbClusterIdentifier: state.targetArn }
      : state.operation === 'failover'
        ? { ...common, TargetDbClusterIdentifier: state.targetArn, AllowDataLoss: true }
        : { ...common, TargetDbClusterIdentifier: state.targetArn };
  return { service: family.service, region: state.callRegion, operation: API_OPERATION[state.operation], params };
}

export async function describeTarget(ctx: ActionContext, family: GlobalClusterFamily, state: GlobalClusterStepState): Promise<DbClusterView> {
  const hints = {
    'not-found': `The global cluster lists ${state.targetClusterId} but ${state.targetRegion} does not know it; run \`drctl status\` and plan again.`,
  };
  return explained(`${state.resource}: describing ${state.targetClusterId} in ${state.targetRegion}`, hints, () =>
    portFor(ctx, family).describeDbCluster(state.targetRegion, state.targetArn),
  );
}

/** The FailoverState is set: join it when it goes to our target, refuse otherwise. */
export function joinOrRefuse(located: Located, base: GlobalClusterPlan): GlobalClusterPlan {
  const { cluster, target, subject } = located;
  const underWay = describeOperationUnderWay(cluster);
  if (cluster.failoverState?.toClusterArn === target.clusterArn) {
    return { ...base, status: 'in-progress', summary: `join ${underWay}, already under way to ${target.region}` };
  }
  const elsewhere = cluster.failoverState?.toClusterArn;
  throw new DrctlError(
    'action.operation-in-progress-elsewhere',
    `${subject}: ${underWay} is under way to ${elsewhere ? (regionFromArn(elsewhere) ?? elsewhere) : 'an unknown member'}, not ${target.region}`,
    'drctl never starts a second operation on a global cluster. Wait for this one to finish (`drctl status`), then run the step again.',
    asRunFailure,
  );
}

/** The target already writes: done, or still settling (cluster not yet available, members resyncing). */
export async function planAlreadyWriter(ctx: ActionContext, family: GlobalClusterFamily, located: Located, base: GlobalClusterPlan) {
  const { cluster, target, state } = located;
  const db = await describeTarget(ctx, family, state);
  const waitingFor: string[] = [];
  if (db.status !== 'available') waitingFor.push(`${target.clusterId} is ${db.status}`);
  const unsynced = unsyncedMembers(cluster).map(describeMember);
  // After a failover the old primary stays in pending-resync for a long time; that is not this step's work.
  if (state.operation === 'switchover') waitingFor.push(...unsynced);
  else if (unsynced.length) base.observations.push(`resyncing (AWS rebuilds these on its own): ${unsynced.join('; ')}`);
  const observations = [...base.observations, ...waitingFor.map((what) => `waiting for: ${what}`)];
  return waitingFor.length
    ? { ...base, observations, status: 'in-progress' as const, summary: `${state.resource}: writer already in ${target.region}, settling` }
    : { ...base, observations, status: 'done' as const, summary: `${state.resource}: writer already in ${target.region}`, estimateMs: 0 };
}

/** Everything AWS would refuse about the target, said before anyone approves. */
export function checkTargetCanBePromoted(located: Located, db: DbClusterView, observations: string[], unverifiable: string[]): void {
  const { target, subject, cluster } = located;
  if (db.status !== 'available') {
    throw new DrctlError(
      'action.target-not-available',
      `${subject}: the target ${target.clusterId} in ${target.region} is ${db.status}, not available`,
      'AWS refuses to promote a cluster that is being modified or has pending modifications. Wait until it is available (`drctl status`).',
      asRunFailure,
    );
  }
  if (db.instanceCount === 0) {
    throw new DrctlError(
      'action.headless-target',
      `${subject}: the target ${target.clusterId} in ${target.region} is headless (no DB instance) and cannot be promoted`,
      `Add a DB instance to ${target.clusterId} in ${target.region} and wait until it is available, then run again.`,
      asRunFailure,
    );
  }
  if (cluster.engineVersion && db.engineVersion && cluster.engineVersion !== db.engineVersion) {
    observations.push(`engine versions differ: primary ${cluster.engineVersion}, target ${db.engineVersion}`);
    unverifiable.push('whether AWS accepts the engine version difference (managed operations need the same major and minor, some versions the same patch level)');
  }
}

export async function lagLine(ctx: ActionContext, family: GlobalClusterFamily, state: GlobalClusterStepState): Promise<string> {
  const metrics = globalClusterLagMetrics(family.service, state.targetClusterId);
  return lagObservation(() => readFirstLag(ctx.ports.cloudwatch, state.targetRegion, metrics, ctx.clock.now()), state.resource, state.targetRegion);
}

export function basePlan(located: Located, summary: string): GlobalClusterPlan {
  const { cluster, state } = located;
  return {
    status: 'ready',
    summary,
    calls: [],
    observations: [describeProgress(cluster), `members: ${cluster.members.map(describeMember).join('; ')}`, ...endpointLine(cluster, state)],
    unverifiable: [],
    estimateMs: 0,
    target: { resource: state.resource, from: state.previousWriterRegion, to: state.targetRegion, operation: state.operation },
    state,
  };
}

/** What applications connect to: Aurora's global writer endpoint follows the writer; DocumentDB has none. */
function endpointLine(cluster: GlobalClusterView, state: GlobalClusterStepState): string[] {
  if (state.operation === 'detach') return cluster.endpoint ? ['the global writer endpoint stays with the global cluster: apps of the detached cluster need its own endpoint'] : [];
  if (cluster.endpoint) return [`global writer endpoint ${cluster.endpoint}: follows the writer, so apps using it need no DNS change`];
  return ['no global endpoint: apps connect through a name to repoint (route53.point-to-writer)'];
}
