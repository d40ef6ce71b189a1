// Apply (lag read = RPO, then the call) and completion: failover is complete when the datastore is
// available and the target's role is PRIMARY; disassociation when the target has left the datastore
// and its replication group is available on its own.
import { isAwsError } from '../../aws/aws-error';
import { DrctlError } from '../../core/errors';
import { explained, mutatingCallHints } from '../shared/aws-hints';
import { recordLagBeforeCutover } from '../shared/lag';
import { asRunFailure } from '../shared/resolve';
import type { ActionContext, PollResult } from '../../core/action';
import { DATASTORE_API, describeDatastore, describeDatastoreFrom, describeTargetGroup, isPrimary, readTargetLag, type DatastorePlan } from './model';

// AWS answers the call before the datastore shows it; give it a minute before calling it abandoned.
const START_GRACE_MS = 60_000;

function hintsFor(plan: DatastorePlan) {
  const { state } = plan;
  const settle = 'Run `drctl status`, wait until the datastore is available, then `drctl resume`.';
  return mutatingCallHints(`elasticache:${DATASTORE_API[state.operation]}`, state.callRegion, {
    'invalid-state': `The global datastore is not available (another change is under way) or is primary-only. ${settle}`,
    'not-found': 'The datastore or the member changed since the plan. Run `drctl status`, then plan again.',
    unreachable: `${state.callRegion} does not answer, and the call is sent to the target's region. Choose a target region that answers.`,
  });
}

export async function applyDatastore(ctx: ActionContext, plan: DatastorePlan, maxLagMs?: number): Promise<PollResult> {
  const { state } = plan;
  const lag = await recordLagBeforeCutover(ctx, state.resource, () => readTargetLag(ctx, state), state.targetRegion);
  if (maxLagMs !== undefined && !lag.missing && (lag.valueMs ?? 0) > maxLagMs) {
    throw new DrctlError(
      'action.lag-above-limit',
      `${state.resource}: replication lag to ${state.targetRegion} is ${Math.round(lag.valueMs ?? 0)} ms, above maxLag ${maxLagMs} ms; not calling ${DATASTORE_API[state.operation]}`,
      'Wait for the lag to fall and run the step again, or raise maxLag if that much data loss is acceptable.',
      asRunFailure,
    );
  }
  const port = ctx.ports.elasticache;
  try {
    await explained(`${state.resource}: ${DATASTORE_API[state.operation]} in ${state.callRegion}`, hintsFor(plan), () =>
      state.operation === 'failover'
        ? port.failoverGlobalDatastore(state.callRegion, state.datastoreId, state.targetRegion, state.targetGroupId)
        : port.disassociateGlobalDatastore(state.callRegion, state.datastoreId, state.targetGroupId, state.targetRegion),
    );
  } catch (error) {
    if (state.operation === 'failover' && isAwsError(error, 'invalid-state')) {
      // An earlier attempt may have started it: the datastore modifying with our target primary is ours.
      const datastore = await describeDatastoreFrom(ctx, state.resource, state.datastoreId, state.askRegions).catch(() => undefined);
      const target = datastore?.members.find((member) => member.replicationGroupId === state.targetGroupId);
      if (datastore && target && isPrimary(target)) {
        state.requestedAt = ctx.clock.now();
        return { done: false, observation: `${describeDatastore(datastore)} (already under way; joined)` };
      }
    }
    throw error;
  }
  state.requestedAt = ctx.clock.now();
  return { done: false, observation: `${state.resource}: ${DATASTORE_API[state.operation]} accepted in ${state.callRegion}` };
}

async function pollFailover(ctx: ActionContext, plan: DatastorePlan): Promise<PollResult> {
  const { state } = plan;
  const datastore = await describeDatastoreFrom(ctx, state.resource, state.datastoreId, state.askRegions);
  const target = datastore.members.find((member) => member.replicationGroupId === state.targetGroupId);
  if (!target) {
    throw new DrctlError(
      'action.target-left',
      `${state.resource}: ${state.targetGroupId} is no longer a member of ${state.datastoreId}`,
      'Someone disassociated it during the failover. Check `drctl status` before doing anything else.',
      asRunFailure,
    );
  }
  const progress = `${describeDatastore(datastore)}, moving ${state.previousPrimaryRegion ?? '?'} -> ${state.targetRegion}`;
  if (datastore.status !== 'available') return { done: false, observation: progress };
  if (!isPrimary(target)) {
    if (state.requestedAt !== undefined && ctx.clock.now() - state.requestedAt < START_GRACE_MS) {
      return { done: false, observation: `${progress} (waiting for AWS to start)` };
    }
    throw new DrctlError(
      'action.operation-cancelled',
      `${state.resource}: the datastore is available again but ${state.targetGroupId} in ${state.targetRegion} is not primary`,
      'AWS did not complete the failover. Read the ElastiCache events for the datastore, fix the cause, then run the step again.',
      asRunFailure,
    );
  }
  return {
    done: true,
    observation: `${state.resource}: primary ${state.targetGroupId} available in ${state.targetRegion}`,
    outputs: { primaryRegion: state.targetRegion, primaryReplicationGroupId: state.targetGroupId, previousPrimaryRegion: state.previousPrimaryRegion },
  };
}

async function pollDisassociate(ctx: ActionContext, plan: DatastorePlan): Promise<PollResult> {
  const { state } = plan;
  const datastore = await describeDatastoreFrom(ctx, state.resource, state.datastoreId, state.askRegions).catch((error: unknown) => {
    if (isAwsError(error, 'not-found')) return undefined;
    throw error;
  });
  if (datastore?.members.some((member) => member.replicationGroupId === state.targetGroupId)) {
    return { done: false, observation: `${state.resource}: disassociating ${state.targetGroupId} (${datastore.status})` };
  }
  const group = await describeTargetGroup(ctx, state);
  if (group.status !== 'available' || group.globalRole !== undefined) {
    return { done: false, observation: `${state.resource}: ${group.id} is ${group.status}${group.globalRole ? `, still ${group.globalRole.toLowerCase()}` : ''}` };
  }
  return {
    done: true,
    observation: `${state.resource}: ${group.id} is a standalone replication group in ${group.region}`,
    outputs: { standaloneRegion: state.targetRegion, standaloneReplicationGroupId: state.targetGroupId },
  };
}

export function pollDatastore(ctx: ActionContext, plan: DatastorePlan): Promise<PollResult> {
  return plan.state.operation === 'failover' ? pollFailover(ctx, plan) : pollDisassociate(ctx, plan);
}
