// ElastiCache Global Datastore: what the plan learns and apply and poll use, and the describes they share.
import type { GlobalDatastoreMemberView, GlobalDatastoreView, ReplicationGroupView } from '../../core/services/elasticache';
import { explained } from '../shared/aws-hints';
import { datastoreLagMetrics, readLargestLag, type LagReading } from '../shared/lag';
import { askFirstAnswering } from '../shared/resolve';
import type { ActionContext, ActionPlan } from '../../core/action';

export type DatastoreOperation = 'failover' | 'disassociate';

export const DATASTORE_API: Record<DatastoreOperation, string> = {
  failover: 'FailoverGlobalReplicationGroup',
  disassociate: 'DisassociateGlobalReplicationGroup',
};

export interface DatastoreStepState {
  resource: string;
  datastoreId: string;
  operation: DatastoreOperation;
  targetRegion: string;
  targetGroupId: string;
  /** The target group's node clusters: the CacheClusterId dimension of its lag metric. */
  targetCacheClusters: string[];
  previousPrimaryRegion?: string;
  previousPrimaryGroupId?: string;
  callRegion: string;
  /** Target first: it answers when the old primary's region does not. */
  askRegions: string[];
  requestedAt?: number;
}

export type DatastorePlan = ActionPlan<DatastoreStepState>;

export const isPrimary = (member: GlobalDatastoreMemberView) => member.role === 'PRIMARY';

export function describeDatastoreMember(member: GlobalDatastoreMemberView): string {
  return `${member.replicationGroupId} in ${member.region} (${member.role.toLowerCase()})`;
}

/** e.g. "ldgnf-shop-sessions: modifying, primary in us-west-2". */
export function describeDatastore(datastore: GlobalDatastoreView): string {
  const primary = datastore.members.find(isPrimary);
  return `${datastore.id}: ${datastore.status}, primary ${primary ? `in ${primary.region}` : 'unknown'}`;
}

export async function describeDatastoreFrom(
  ctx: ActionContext,
  resourceName: string,
  datastoreId: string,
  regions: readonly string[],
): Promise<GlobalDatastoreView> {
  const hints = {
    'not-found': `Check globalReplicationGroupId "${datastoreId}" of resource ${resourceName} (it carries a region prefix, e.g. ldgnf-), and the account.`,
  };
  const { value } = await explained(`${resourceName}: describing global datastore ${datastoreId}`, hints, () =>
    askFirstAnswering(ctx, regions, (region) => ctx.ports.elasticache.describeGlobalDatastore(region, datastoreId)),
  );
  return value;
}

export function describeTargetGroup(ctx: ActionContext, state: Pick<DatastoreStepState, 'resource' | 'targetRegion' | 'targetGroupId'>): Promise<ReplicationGroupView> {
  const hints = {
    'not-found': `The datastore lists ${state.targetGroupId} but ${state.targetRegion} does not know it; run \`drctl status\` and plan again.`,
  };
  return explained(`${state.resource}: describing replication group ${state.targetGroupId} in ${state.targetRegion}`, hints, () =>
    ctx.ports.elasticache.describeReplicationGroup(state.targetRegion, state.targetGroupId),
  );
}

export function readTargetLag(ctx: ActionContext, state: DatastoreStepState): Promise<LagReading> {
  return readLargestLag(ctx.ports.cloudwatch, state.targetRegion, datastoreLagMetrics(state.targetCacheClusters), ctx.clock.now());
}

export function progressRegions(datastore: GlobalDatastoreView, targetRegion: string, fallback: readonly string[]): string[] {
  return [...new Set([targetRegion, ...datastore.members.map((member) => member.region), ...fallback])];
}
