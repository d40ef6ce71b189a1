import { describe, expect, it } from 'vitest';
import { globalClusterFamily } from '../../src/actions/global-cluster/family';
import { actionNamed, runAction } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const failover = actionNamed(globalClusterFamily.actions, 'aurora.failover');
const detach = actionNamed(globalClusterFamily.actions, 'aurora.detach');
const params = { resource: 'orders-db', to: 'us-west-2' };

describe('aurora.failover', () => {
  it('sends FailoverGlobalCluster with AllowDataLoss to the target\'s region', async () => {
    const ctx = fakeShop();
    const plan = await failover.plan(ctx, params);
    expect(plan.calls).toEqual([
      {
        service: 'rds',
        region: 'us-west-2',
        operation: 'FailoverGlobalCluster',
        params: { GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west', AllowDataLoss: true },
      },
    ]);
    expect(plan.estimateMs).toBe(60_000);
    expect(plan.unverifiable.join('\n')).toContain('how much data is lost');
  });

  it('works while the old primary\'s region does not answer, and completes despite its pending-resync', async () => {
    const ctx = fakeShop();
    ctx.aws.setUnreachable('us-east-1');
    const run = await runAction(failover, ctx, params);
    expect(ctx.aws.mutatingCalls().map((c) => [c.operation, c.region])).toEqual([['FailoverGlobalCluster', 'us-west-2']]);
    expect(ctx.aws.calls.filter((c) => c.region === 'us-east-1')).toEqual([]);
    expect(run.outputs).toMatchObject({ writerRegion: 'us-west-2', previousWriterRegion: 'us-east-1' });
    const last = run.polls.at(-1);
    expect(last?.observation).toContain('resyncing: orders-east in us-east-1, pending-resync');
  });

  it('records the lag read just before the call as the measured RPO, and no RPO 0', async () => {
    const ctx = fakeShop();
    await runAction(failover, ctx, params);
    expect(ctx.metrics).toEqual([
      expect.objectContaining({ resource: 'orders-db', kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: 'us-west-2', valueMs: 412 }),
    ]);
  });

  it('falls back to AuroraGlobalDBReplicationLag, and records missing data plainly', async () => {
    const ctx = fakeShop();
    ctx.aws.cloudwatch.auroraLag('us-west-2', 'orders-eu', 1, 'AuroraGlobalDBRPOLag'); // another cluster: ignored
    const plan = await failover.plan(ctx, { resource: 'orders-db', to: 'eu-west-1' });
    await failover.apply(ctx, { resource: 'orders-db', to: 'eu-west-1' }, plan);
    expect(ctx.metrics[0]).toMatchObject({ metricName: 'AuroraGlobalDBRPOLag', valueMs: 730 });

    const other = fakeShop();
    other.aws.rds.add({ id: 'legacy', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2', clusterId: 'legacy-west' }] });
    other.resources['legacy-db'] = { type: 'aurora-global', globalClusterId: 'legacy' };
    other.aws.cloudwatch.auroraLag('us-west-2', 'legacy-west', 95, 'AuroraGlobalDBReplicationLag');
    const legacyPlan = await failover.plan(other, { resource: 'legacy-db', to: 'us-west-2' });
    await failover.apply(other, { resource: 'legacy-db', to: 'us-west-2' }, legacyPlan);
    expect(other.metrics[0]).toMatchObject({ metricName: 'AuroraGlobalDBReplicationLag', valueMs: 95 });

    const none = fakeShop();
    none.aws.rds.add({ id: 'quiet', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2' }] });
    none.resources['quiet-db'] = { type: 'aurora-global', globalClusterId: 'quiet' };
    const quietPlan = await failover.plan(none, { resource: 'quiet-db', to: 'us-west-2' });
    await failover.apply(none, { resource: 'quiet-db', to: 'us-west-2' }, quietPlan);
    expect(none.metrics[0]).toMatchObject({ missing: true, metricName: 'AuroraGlobalDBRPOLag, AuroraGlobalDBReplicationLag' });
    expect(none.aws.mutatingCalls()).toHaveLength(1);
  });

  it('refuses to call when the lag is above maxLag', async () => {
    const ctx = fakeShop();
    const guarded = { ...params, maxLag: '200ms' };
    const plan = await failover.plan(ctx, guarded);
    await expect(failover.apply(ctx, guarded, plan)).rejects.toMatchObject({ code: 'action.lag-above-limit' });
    expect(ctx.aws.mutatingCalls()).toEqual([]);
  });

  it('is done, with no call, when the writer is already in the target (old primary still resyncing)', async () => {
    const ctx = fakeShop();
    await runAction(failover, ctx, params);
    const plan = await failover.plan(ctx, params);
    expect(plan.status).toBe('done');
    expect(plan.observations.join('\n')).toContain('resyncing');
    expect(ctx.aws.mutatingCalls()).toHaveLength(1);
  });

  it('refuses a headless target before anyone approves', async () => {
    const ctx = fakeShop();
    ctx.aws.rds.dbCluster('us-west-2', 'orders-west').instanceCount = 0;
    await expect(failover.plan(ctx, params)).rejects.toMatchObject({ code: 'action.headless-target', hint: expect.stringContaining('Add a DB instance') });
  });

  it('refuses a target that is being modified', async () => {
    const ctx = fakeShop();
    ctx.aws.rds.dbCluster('us-west-2', 'orders-west').status = 'modifying';
    await expect(failover.plan(ctx, params)).rejects.toMatchObject({ code: 'action.target-not-available' });
  });

  it('warns about an engine version difference and lets AWS decide', async () => {
    const ctx = fakeShop();
    ctx.aws.rds.dbCluster('us-west-2', 'orders-west').engineVersion = '8.0.mysql_aurora.3.05.1';
    const plan = await failover.plan(ctx, params);
    expect(plan.observations.join('\n')).toContain('engine versions differ');
    await expect(failover.apply(ctx, params, plan)).rejects.toMatchObject({
      details: { kind: 'invalid-state' },
      message: expect.stringContaining('different patch level'),
      hint: expect.stringContaining('aurora.detach is the last resort'),
    });
  });
});

describe('aurora.detach', () => {
  it('detaches in the member\'s region, warns of split-brain and waits for the standalone writer', async () => {
    const ctx = fakeShop();
    const run = await runAction(detach, ctx, params);
    expect(run.plan.calls).toEqual([
      {
        service: 'rds',
        region: 'us-west-2',
        operation: 'RemoveFromGlobalCluster',
        params: { GlobalClusterIdentifier: 'shop-orders', DbClusterIdentifier: 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west' },
      },
    ]);
    expect(run.plan.observations.join('\n')).toMatch(/WARNING split-brain.*Stop writes to us-east-1/);
    expect(run.plan.unverifiable.join('\n')).toContain('cannot fence');
    expect(run.outputs).toMatchObject({ writerRegion: 'us-west-2', writerClusterId: 'orders-west', previousWriterRegion: 'us-east-1' });
    expect(run.outputs).not.toHaveProperty('globalEndpoint');
    expect(ctx.metrics[0]).toMatchObject({ kind: 'replication-lag', valueMs: 412 });
  });

  it('refuses to detach the writer while it has secondaries', async () => {
    const ctx = fakeShop();
    await expect(detach.plan(ctx, { resource: 'orders-db', to: 'us-east-1' })).rejects.toMatchObject({ code: 'action.detach-writer' });
  });

  it('after a detach, names the members and says a repeat has nothing to do', async () => {
    const ctx = fakeShop();
    await runAction(detach, ctx, params);
    await expect(detach.plan(ctx, params)).rejects.toMatchObject({
      code: 'action.region-not-a-member',
      message: expect.stringContaining('orders-east in us-east-1 (writer); orders-eu in eu-west-1'),
      hint: expect.stringContaining('already detached'),
    });
  });
});
