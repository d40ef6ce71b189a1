// Planning an ElastiCache failover or disassociation. ElastiCache does not say where a change is going,
// so a datastore that is modifying is ours to join when our target is already PRIMARY, or when this step
// journaled the very call that would have started it (a run stopped after sending it: the datastore
// then still shows the old primary). Modifying otherwise is someone else's change (refused, since AWS
// would refuse the call anyway).
import type { GlobalDatastoreView } from '../../core/services/elasticache';
import { DrctlError } from '../../core/errors';
import { describeLag } from '../shared/lag';
import { asRunFailure, memberInRegion, regionsToAsk, resourceNamed } from '../shared/resolve';
import type { ActionContext, PlannedCall } from '../../core/action';
import {
  DATASTORE_API,
  describeDatastore,
  describeDatastoreFrom,
  describeDatastoreMember,
  describeTargetGroup,
  isPrimary,
  progressRegions,
  readTargetLag,
  type DatastoreOperation,
  type DatastorePlan,
  type DatastoreStepState,
} from './model';

const ESTIMATE_MS: Record<DatastoreOperation, number> = { failover: 60_000, disassociate: 60_000 };

function busy(subject: string, datastore: GlobalDatastoreView): DrctlError {
  return new DrctlError(
    'action.operation-in-progress-elsewhere',
    `${subject} is ${datastore.status}: another change is under way (${describeDatastore(datastore)})`,
    'drctl never stacks a change on a busy datastore. Wait until it is available (`drctl status`), then run the step again.',
    asRunFailure,
  );
}

/** This step's journaled intent is exactly the call this plan would make: the change under way is ours. */
function ourCallUnderWay(ctx: ActionContext, call: PlannedCall): boolean {
  return (ctx.priorIntent?.calls ?? []).some(
    (made) => made.operation === call.operation && JSON.stringify(made.params) === JSON.stringify(call.params),
  );
}

export function mutatingCall(state: DatastoreStepState): PlannedCall {
  const params =
    state.operation === 'failover'
      ? // PrimaryRegion / PrimaryReplicationGroupId name the NEW primary, whatever their docs say (AWS-API.md §4.2).
        { GlobalReplicationGroupId: state.datastoreId, PrimaryRegion: state.targetRegion, PrimaryReplicationGroupId: state.targetGroupId }
      : { GlobalReplicationGroupId: state.datastoreId, ReplicationGroupId: state.targetGroupId, ReplicationGroupRegion: state.targetRegion };
  return { service: 'elasticache', region: state.callRegion, operation: DATASTORE_API[state.operation], params };
}

export async function planDatastore(
  ctx: ActionContext,
  operation: DatastoreOperation,
  params: { resource: string; to: string },
): Promise<DatastorePlan> {
  const resource = resourceNamed(ctx, params.resource, ['elasticache-global']);
  const subject = `${params.resource} (ElastiCache global datastore ${resource.globalReplicationGroupId})`;
  const asked = regionsToAsk(ctx, subject, params.to, resource.regions);
  const datastore = await describeDatastoreFrom(ctx, params.resource, resource.globalReplicationGroupId, asked);
  const alreadyGone =
    operation === 'disassociate' ? 'If this step already disassociated it, it is standalone now and nothing is left to do: skip the step.' : '';
  const target = memberInRegion(datastore.members, params.to, subject, describeDatastoreMember, alreadyGone);
  const primary = datastore.members.find(isPrimary);
  const state: DatastoreStepState = {
    resource: params.resource,
    datastoreId: resource.globalReplicationGroupId,
    operation,
    targetRegion: target.region,
    targetGroupId: target.replicationGroupId,
    targetCacheClusters: [],
    previousPrimaryRegion: primary?.region,
    previousPrimaryGroupId: primary?.replicationGroupId,
    // Sent to the target's region: it answers when the old primary's does not (AWS-API.md §9.1).
    callRegion: target.region,
    askRegions: progressRegions(datastore, target.region, asked),
  };
  const summary =
    operation === 'failover'
      ? `fail over ${params.resource} ${primary?.region ?? '?'} -> ${target.region}`
      : `disassociate ${target.replicationGroupId} in ${target.region} from ${state.datastoreId}`;
  const base: DatastorePlan = {
    status: 'ready',
    summary,
    calls: [],
    observations: [describeDatastore(datastore), `members: ${datastore.members.map(describeDatastoreMember).join('; ')}`],
    unverifiable: [],
    estimateMs: 0,
    target: { resource: params.resource, from: primary?.region, to: target.region, operation },
    state,
  };

  if (operation === 'failover' && isPrimary(target)) {
    if (datastore.status === 'available' || datastore.status === 'primary-only') {
      return { ...base, status: 'done', summary: `${params.resource}: primary already in ${target.region}` };
    }
    return { ...base, status: 'in-progress', summary: `join the failover of ${params.resource} to ${target.region} (${datastore.status})` };
  }
  if (datastore.status !== 'available') {
    if (ourCallUnderWay(ctx, mutatingCall(state))) {
      return { ...base, status: 'in-progress', summary: `join the ${operation} of ${params.resource} to ${target.region} this run started (${datastore.status})` };
    }
    throw busy(subject, datastore);
  }
  if (operation === 'disassociate' && isPrimary(target)) {
    throw new DrctlError(
      'action.disassociate-primary',
      `${subject}: ${target.replicationGroupId} in ${target.region} is the primary and cannot be disassociated`,
      'Fail over to another member first (elasticache.failover), or disassociate a secondary.',
    );
  }
  const group = await describeTargetGroup(ctx, state);
  state.targetCacheClusters = group.memberClusters;
  if (group.status !== 'available') {
    throw new DrctlError(
      'action.target-not-available',
      `${subject}: replication group ${group.id} in ${group.region} is ${group.status}, not available`,
      'Wait until it is available (`drctl status`), then run the step again.',
      asRunFailure,
    );
  }
  try {
    base.observations.push(describeLag(params.resource, await readTargetLag(ctx, state)));
  } catch (error) {
    base.observations.push(`${params.resource}: could not read replication lag: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unverifiable =
    operation === 'failover'
      ? [
          `how much data is lost: writes not yet replicated to ${target.region} (GlobalDatastoreReplicationLag, read just before the call)`,
          'that clients move: Global Datastore has no global endpoint, applications must use the new primary\'s endpoint (route53.point-to-writer repoints the name they use)',
        ]
      : [
          `that nothing still writes to ${primary?.region ?? 'the primary'}: the standalone group in ${target.region} takes writes on its own (split-brain)`,
          'which region accepts DisassociateGlobalReplicationGroup in an outage: drctl sends it to the member\'s region',
        ];
  return { ...base, calls: [mutatingCall(state)], unverifiable, estimateMs: ESTIMATE_MS[operation] };
}
