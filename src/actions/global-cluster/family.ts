// Aurora and DocumentDB global clusters: switchover (planned, no data loss, sent to the primary's region),
// failover (AllowDataLoss, sent to the target's region) and detach (RemoveFromGlobalCluster, the last
// resort). One implementation, parameterised by family; the differences live in global-cluster/model.ts.
import * as z from 'zod';
import { Region } from '../../core/resources';
import { defineAction, type ActionFamily, type RegisteredAction } from '../../core/define-action';
import { applyGlobalCluster } from './apply';
import { API_OPERATION, AURORA, DOCDB, type GlobalClusterFamily, type Operation } from './model';
import { planCutover, planDetach } from './plan-operations';
import type { GlobalClusterPlan } from './plan';
import { pollGlobalCluster } from './progress';
import type { ActionContext } from '../../core/action';
import { maxLagMs, maxLagParam } from '../shared/params';
import { moveDependencies } from '../shared/dependencies';
import { detachedEndState, writerEndState } from '../shared/writer-end-state';

const resource = z.string().min(1).meta({ description: 'The name of an aurora-global or docdb-global resource.' });

const SwitchoverParams = z.strictObject({
  resource,
  to: Region.meta({ description: 'The region whose secondary becomes the writer.' }),
});
const FailoverParams = z.strictObject({
  resource,
  to: Region.meta({ description: 'The region whose secondary becomes the writer; the call is sent there.' }),
  maxLag: maxLagParam,
});
const DetachParams = z.strictObject({
  resource,
  to: Region.meta({ description: 'The region whose member is detached and promoted to a standalone writer.' }),
  maxLag: maxLagParam,
});

const CUTOVER_OUTPUTS = ['writerRegion', 'writerClusterArn', 'writerClusterId', 'previousWriterRegion', 'writerEndpoint', 'globalEndpoint'] as const;
const DETACH_OUTPUTS = ['writerRegion', 'writerClusterArn', 'writerClusterId', 'previousWriterRegion', 'writerEndpoint'] as const;
// Describe the global cluster every 5 s at first (the engine backs off from there): a switchover takes
// one to three minutes, so completion is noticed within 5 s without passing ~12 describes a minute.
const POLL_INTERVAL_MS = 5_000;
// How long DescribeGlobalClusters may take to show (FailoverState) an operation AWS accepted, seen from
// any member region. UNCONFIRMED: AWS answers the call with the FailoverState already set, but does not
// document how soon other regions' describes agree. A call whose answer was lost is sent again only
// after this long with nothing under way.
const VISIBLE_WITHIN_MS = 10_000;

/** DocumentDB's global-cluster API is authorised through the rds: IAM namespace too. */
function permissions(operation: Operation): string[] {
  return [`rds:${API_OPERATION[operation]}`, 'rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'];
}


function actionsFor(family: GlobalClusterFamily): RegisteredAction[] {
  const common = {
    resourceTypes: [family.resourceType],
    mutating: true,
    pollIntervalMs: POLL_INTERVAL_MS,
    visibleWithinMs: VISIBLE_WITHIN_MS,
  };
  const poll = (ctx: ActionContext, plan: GlobalClusterPlan) => pollGlobalCluster(ctx, family, plan);
  return [
    defineAction({
      ...common,
      uses: `${family.prefix}.switchover`,
      description: `Planned ${family.label} switchover: promote the secondary in \`to\` with no data loss (SwitchoverGlobalCluster, sent to the primary's region).`,
      params: SwitchoverParams,
      outputs: CUTOVER_OUTPUTS,
      defaultTimeoutMs: family.defaultTimeoutMs.switchover,
      failover: 'planned',
      permissions: () => permissions('switchover'),
      dependencies: (params, resources) =>
        moveDependencies(resources, params.resource, params.to, { service: family.service, source: ['SwitchoverGlobalCluster'], target: ['DescribeGlobalClusters', 'DescribeDBClusters'] }),
      plan: (ctx, params) => planCutover(ctx, family, 'switchover', params),
      apply: (ctx, _params, plan) => applyGlobalCluster(ctx, family, plan),
      poll: (ctx, _params, plan) => poll(ctx, plan),
      endState: writerEndState,
    }),
    defineAction({
      ...common,
      uses: `${family.prefix}.failover`,
      description: `Unplanned ${family.label} failover: promote the secondary in \`to\`, accepting the loss of unreplicated writes (FailoverGlobalCluster AllowDataLoss, sent to the target's region).`,
      params: FailoverParams,
      outputs: CUTOVER_OUTPUTS,
      defaultTimeoutMs: family.defaultTimeoutMs.failover,
      failover: 'unplanned',
      permissions: () => permissions('failover'),
      dependencies: (params, resources) =>
        moveDependencies(resources, params.resource, params.to, { service: family.service, target: ['DescribeGlobalClusters', 'DescribeDBClusters', 'FailoverGlobalCluster'] }),
      plan: (ctx, params) => planCutover(ctx, family, 'failover', params),
      apply: (ctx, params, plan) => applyGlobalCluster(ctx, family, plan, maxLagMs(params.maxLag)),
      poll: (ctx, _params, plan) => poll(ctx, plan),
      endState: writerEndState,
    }),
    defineAction({
      ...common,
      uses: `${family.prefix}.detach`,
      description: `Last resort: detach the ${family.label} member in \`to\` from its global cluster and promote it (RemoveFromGlobalCluster). Risks split-brain.`,
      params: DetachParams,
      outputs: DETACH_OUTPUTS,
      defaultTimeoutMs: family.defaultTimeoutMs.detach,
      failover: 'unplanned',
      permissions: () => permissions('detach'),
      dependencies: (params, resources) =>
        moveDependencies(resources, params.resource, params.to, { service: family.service, target: ['DescribeGlobalClusters', 'DescribeDBClusters', 'RemoveFromGlobalCluster'] }),
      plan: (ctx, params) => planDetach(ctx, family, params),
      apply: (ctx, params, plan) => applyGlobalCluster(ctx, family, plan, maxLagMs(params.maxLag)),
      poll: (ctx, _params, plan) => poll(ctx, plan),
      endState: detachedEndState,
    }),
  ];
}

export const globalClusterFamily: ActionFamily = { name: 'global-cluster', actions: [...actionsFor(AURORA), ...actionsFor(DOCDB)], checks: [] };
