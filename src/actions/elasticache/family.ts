// ElastiCache Global Datastore: failover (FailoverGlobalReplicationGroup naming the NEW primary, sent to
// its region; the same call serves planned and unplanned moves) and disassociate (the last resort).
import * as z from 'zod';
import { Region } from '../../core/resources';
import { defineAction, type ActionFamily } from '../../core/define-action';
import { planDatastore } from './plan';
import { applyDatastore, pollDatastore } from './progress';
import { maxLagMs, maxLagParam } from '../shared/params';
import { moveDependencies } from '../shared/dependencies';
import { detachedEndState, writerEndState } from '../shared/writer-end-state';

const resource = z.string().min(1).meta({ description: 'The name of an elasticache-global resource.' });

const FailoverParams = z.strictObject({
  resource,
  to: Region.meta({ description: 'The region whose secondary replication group becomes the primary.' }),
  maxLag: maxLagParam,
});
const DisassociateParams = z.strictObject({
  resource,
  to: Region.meta({ description: 'The region whose secondary leaves the datastore and becomes a standalone replication group.' }),
  maxLag: maxLagParam,
});

// Every 5 s at first: a global failover takes about a minute; one describe per poll.
const POLL_INTERVAL_MS = 5_000;
// How long DescribeGlobalReplicationGroups may take to show a failover AWS accepted. UNCONFIRMED: AWS
// does not document it; a call whose answer was lost is sent again only after this long with nothing seen.
const VISIBLE_WITHIN_MS = 30_000;
const DESCRIBES = ['elasticache:DescribeGlobalReplicationGroups', 'elasticache:DescribeReplicationGroups', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'];
const DESCRIBE_OPERATIONS = ['DescribeGlobalReplicationGroups', 'DescribeReplicationGroups'];

export const elasticacheFamily: ActionFamily = {
  name: 'elasticache',
  actions: [
  defineAction({
    uses: 'elasticache.failover',
    description: 'Promote the secondary replication group in `to` to primary of the global datastore (FailoverGlobalReplicationGroup).',
    resourceTypes: ['elasticache-global'],
    params: FailoverParams,
    outputs: ['primaryRegion', 'primaryReplicationGroupId', 'previousPrimaryRegion'],
    mutating: true,
    defaultTimeoutMs: 10 * 60_000,
    pollIntervalMs: POLL_INTERVAL_MS,
    visibleWithinMs: VISIBLE_WITHIN_MS,
    permissions: () => ['elasticache:FailoverGlobalReplicationGroup', ...DESCRIBES],
    // Sent to the target's region, so the same call serves a planned and an unplanned move.
    dependencies: (params, resources) =>
      moveDependencies(resources, params.resource, params.to, { service: 'elasticache', target: [...DESCRIBE_OPERATIONS, 'FailoverGlobalReplicationGroup'] }),
    plan: (ctx, params) => planDatastore(ctx, 'failover', params),
    apply: (ctx, params, plan) => applyDatastore(ctx, plan, maxLagMs(params.maxLag)),
    poll: (ctx, _params, plan) => pollDatastore(ctx, plan),
    endState: writerEndState,
  }),
  defineAction({
    uses: 'elasticache.disassociate',
    description: 'Last resort: remove the secondary in `to` from the global datastore; it becomes a standalone, writable group (split-brain risk).',
    resourceTypes: ['elasticache-global'],
    params: DisassociateParams,
    outputs: ['standaloneRegion', 'standaloneReplicationGroupId'],
    mutating: true,
    defaultTimeoutMs: 15 * 60_000,
    pollIntervalMs: POLL_INTERVAL_MS,
    failover: 'unplanned',
    visibleWithinMs: VISIBLE_WITHIN_MS,
    permissions: () => ['elasticache:DisassociateGlobalReplicationGroup', ...DESCRIBES],
    dependencies: (params, resources) =>
      moveDependencies(resources, params.resource, params.to, { service: 'elasticache', target: [...DESCRIBE_OPERATIONS, 'DisassociateGlobalReplicationGroup'] }),
    plan: (ctx, params) => planDatastore(ctx, 'disassociate', params),
    apply: (ctx, params, plan) => applyDatastore(ctx, plan, maxLagMs(params.maxLag)),
    poll: (ctx, _params, plan) => pollDatastore(ctx, plan),
    endState: detachedEndState,
  }),
],
  checks: [],
};
