// The plan of each operation: switchover (planned, no data loss), failover (AllowDataLoss) and detach
// (RemoveFromGlobalCluster: the last resort, which can split the brain).
import { DrctlError } from '../../core/errors';
import { asRunFailure } from '../shared/resolve';
import type { ActionContext } from '../../core/action';
import { describeMember, writerOf, type GlobalClusterFamily } from './model';
import {
  basePlan,
  checkTargetCanBePromoted,
  describeTarget,
  joinOrRefuse,
  lagLine,
  locate,
  mutatingCall,
  planAlreadyWriter,
  type GlobalClusterPlan,
} from './plan';

export async function planCutover(
  ctx: ActionContext,
  family: GlobalClusterFamily,
  operation: 'switchover' | 'failover',
  params: { resource: string; to: string },
): Promise<GlobalClusterPlan> {
  const located = await locate(ctx, family, operation, params);
  const { cluster, state, subject } = located;
  const from = state.previousWriterRegion ?? '?';
  const verb = operation === 'switchover' ? 'switch over' : 'fail over (AllowDataLoss)';
  const base = basePlan(located, `${verb} ${state.resource} ${from} -> ${state.targetRegion}`);

  if (cluster.failoverState) return joinOrRefuse(located, base);
  if (located.target.isWriter) return planAlreadyWriter(ctx, family, located, base);

  const writer = writerOf(cluster);
  if (operation === 'switchover') {
    if (!writer) {
      throw new DrctlError(
        'action.no-writer',
        `${subject} has no writer: a switchover needs a healthy primary`,
        `Use ${family.prefix}.failover, which promotes ${state.targetRegion} without the old primary.`,
        asRunFailure,
      );
    }
    if (cluster.status !== 'available') {
      throw new DrctlError(
        'action.not-available',
        `${subject} is ${cluster.status}, not available: AWS refuses a switchover now`,
        'Wait until the global cluster is available (`drctl status`), then run again.',
        asRunFailure,
      );
    }
  }
  const db = await describeTarget(ctx, family, state);
  const unverifiable: string[] = [];
  checkTargetCanBePromoted(located, db, base.observations, unverifiable);
  base.observations.push(await lagLine(ctx, family, state));
  if (operation === 'switchover') {
    unverifiable.push(
      `that ${from} can complete the demotion: in a real regional outage a switchover fails, possibly slowly; use ${family.prefix}.failover then`,
      'how long the switchover takes: it waits for every secondary to catch up, so it grows with replication lag',
    );
  } else {
    unverifiable.push(
      `how much data is lost: writes not yet replicated to ${state.targetRegion} when AWS acts (the lag read just before the call)`,
      `that ${from} stops taking writes: AWS fences the old primary on a best-effort basis`,
    );
  }
  return {
    ...base,
    calls: [mutatingCall(family, state)],
    unverifiable,
    estimateMs: family.estimateMs[operation],
  };
}

export async function planDetach(ctx: ActionContext, family: GlobalClusterFamily, params: { resource: string; to: string }): Promise<GlobalClusterPlan> {
  const alreadyDetached =
    'If this step already detached it, it is a standalone cluster now and nothing is left to do: skip the step.';
  const located = await locate(ctx, family, 'detach', params, alreadyDetached);
  const { cluster, target, state, subject } = located;
  const base = basePlan(located, `detach ${target.clusterId} in ${target.region} from ${state.globalClusterId} and promote it`);
  if (cluster.failoverState) {
    throw new DrctlError(
      'action.operation-in-progress-elsewhere',
      `${subject}: an operation is under way (${cluster.failoverState.status}); AWS refuses to detach now`,
      'Wait for it to finish (`drctl status`), then run the step again.',
      asRunFailure,
    );
  }
  if (target.isWriter && cluster.members.length > 1) {
    throw new DrctlError(
      'action.detach-writer',
      `${subject}: ${target.clusterId} in ${target.region} is the writer; detaching it would leave ${cluster.members.length - 1} secondaries without a primary`,
      `Detach a secondary (set "to" to ${cluster.members.filter((m) => !m.isWriter).map((m) => m.region).join(' or ')}), or switch over first.`,
    );
  }
  const db = await describeTarget(ctx, family, state);
  base.observations.push(`${target.clusterId}: ${db.status}, ${db.instanceCount} instance(s)`);
  if (db.instanceCount === 0) base.observations.push(`WARNING ${target.clusterId} is headless: it will take no connections until you add an instance`);
  base.observations.push(await lagLine(ctx, family, state));
  const others = cluster.members.filter((member) => member !== target);
  const writer = writerOf(cluster);
  if (writer && writer !== target) {
    base.observations.push(
      `WARNING split-brain: once detached, ${target.clusterId} in ${target.region} takes writes on its own while ${describeMember(writer)} may ` +
        `still take writes. Stop writes to ${writer.region} first, and detach or remove the other members (${others.map(describeMember).join('; ')}).`,
    );
  }
  return {
    ...base,
    calls: [mutatingCall(family, state)],
    unverifiable: [
      `that nothing still writes to ${writer?.region ?? 'the old primary'}: drctl cannot fence it (split-brain)`,
      `how much data is lost: writes not yet replicated to ${target.region}`,
      'the global topology is not rebuilt: add the other regions back by hand',
    ],
    estimateMs: family.estimateMs.detach,
  };
}
