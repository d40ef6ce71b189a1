// Properties every action and check of this family must have: strict params, declared outputs, IAM
// permissions, read-only plans, and a polling budget that respects AWS.
import { describe, expect, it } from 'vitest';
import { alarmsFamily } from '../../src/actions/alarms/family';
import { checksFamily } from '../../src/actions/checks/family';
import { httpProbeFamily } from '../../src/actions/http-probe/family';
import { elasticacheFamily } from '../../src/actions/elasticache/family';
import { globalClusterFamily } from '../../src/actions/global-cluster/family';
import { route53Family } from '../../src/actions/route53/family';
import { actionNamed } from '../helpers/action-context';
import { ACTION_SAMPLES, CORE_ACTIONS } from '../helpers/action-samples';
import { fakeShop } from '../helpers/fake-shop';

const actions = [...globalClusterFamily.actions, ...elasticacheFamily.actions, ...route53Family.actions, ...alarmsFamily.actions, ...httpProbeFamily.actions];

// The samples of the actions on one resource: every sample but the core actions (approval, wait, assert)
// and ARC's, which name routing controls in on/off lists (test/actions/arc.test.ts).
const EXAMPLE_PARAMS = Object.fromEntries(Object.entries(ACTION_SAMPLES).filter(([uses]) => !CORE_ACTIONS.includes(uses) && !uses.startsWith('arc.')));

describe('the actions of issue 4', () => {
  it('are all here', () => {
    expect(actions.map((a) => a.uses).sort()).toEqual(Object.keys(EXAMPLE_PARAMS).sort());
    expect(checksFamily.checks.map((c) => c.check)).toEqual(['replication-lag-below', 'healthy', 'writer-in', 'available']);
  });

  it.each(actions.map((a) => [a.uses, a] as const))('%s rejects unknown keys, a bad region and a missing resource', (uses, action) => {
    const params = EXAMPLE_PARAMS[uses] ?? {};
    expect(action.params.safeParse(params).success).toBe(true);
    expect(action.params.safeParse({ ...params, colour: 'red' }).success).toBe(false);
    expect(action.params.safeParse({ ...params, resource: undefined }).success).toBe(false);
    if ('to' in params) expect(action.params.safeParse({ ...params, to: 'us-east1' }).success).toBe(false);
    expect(action.resourceTypes?.length).toBeGreaterThan(0);
    expect(action.outputs.length).toBeGreaterThan(0);
  });

  it.each(actions.map((a) => [a.uses, a] as const))('%s plans without a single mutating call', async (uses, action) => {
    const ctx = fakeShop();
    const plan = await action.plan(ctx, EXAMPLE_PARAMS[uses]);
    expect(ctx.aws.mutatingCalls()).toEqual([]);
    expect(plan.calls.length).toBe(action.mutating && plan.status === 'ready' ? 1 : 0);
    JSON.parse(JSON.stringify(plan.state)); // journal-safe
  });

  it('lists the IAM permissions each needs', () => {
    const permissions = Object.fromEntries(actions.map((a) => [a.uses, a.permissions(EXAMPLE_PARAMS[a.uses])]));
    expect(permissions['aurora.switchover']).toEqual(['rds:SwitchoverGlobalCluster', 'rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics']);
    expect(permissions['aurora.failover']?.[0]).toBe('rds:FailoverGlobalCluster');
    expect(permissions['aurora.detach']?.[0]).toBe('rds:RemoveFromGlobalCluster');
    expect(permissions['elasticache.failover']).toEqual([
      'elasticache:FailoverGlobalReplicationGroup',
      'elasticache:DescribeGlobalReplicationGroups',
      'elasticache:DescribeReplicationGroups',
      'cloudwatch:GetMetricData',
      'cloudwatch:ListMetrics',
    ]);
    expect(permissions['elasticache.disassociate']?.[0]).toBe('elasticache:DisassociateGlobalReplicationGroup');
    expect(permissions['route53.wait-healthy']).toEqual(['route53:GetHealthCheck', 'route53:GetHealthCheckStatus']);
    expect(permissions['route53.invert-health-check']).toEqual(['route53:GetHealthCheck', 'route53:UpdateHealthCheck']);
    expect(permissions['route53.set-records']).toEqual(['route53:ListResourceRecordSets', 'route53:ChangeResourceRecordSets', 'route53:GetChange']);
    expect(checksFamily.checks.find((c) => c.check === 'replication-lag-below')?.permissions({ resources: ['orders-db'], max: '1s' })).toContain('cloudwatch:GetMetricData');
    expect(checksFamily.checks.find((c) => c.check === 'healthy')?.permissions({ resource: 'api-west' })).toEqual(['route53:GetHealthCheck', 'route53:GetHealthCheckStatus']);
  });

  it('checks reject unknown keys and bad durations', () => {
    const lag = checksFamily.checks.find((c) => c.check === 'replication-lag-below');
    expect(lag?.params.safeParse({ resources: ['orders-db'], max: '1s' }).success).toBe(true);
    expect(lag?.params.safeParse({ resources: ['orders-db'], max: 'one second' }).success).toBe(false);
    expect(lag?.params.safeParse({ resources: ['orders-db'], max: '1s', extra: 1 }).success).toBe(false);
    expect(lag?.resourceParams).toEqual({ resources: ['aurora-global', 'docdb-global', 'elasticache-global'] });
  });

  it('a stuck switchover costs at most ~12 describes a minute at the starting interval', async () => {
    const switchover = actionNamed(globalClusterFamily.actions, 'aurora.switchover');
    const params = EXAMPLE_PARAMS['aurora.switchover'];
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    await switchover.apply(ctx, params, plan);
    ctx.aws.tick(); // switching-over, and stuck there
    const before = ctx.aws.calls.length;
    for (let elapsed = 0; elapsed < 60_000; elapsed += switchover.pollIntervalMs ?? 0) {
      expect((await switchover.poll(ctx, params, plan)).done).toBe(false);
    }
    const describes = ctx.aws.calls.slice(before).filter((c) => c.operation.startsWith('Describe'));
    expect(describes.length).toBeLessThanOrEqual(12);
  });
});
