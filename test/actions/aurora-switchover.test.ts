import { describe, expect, it } from 'vitest';
import { globalClusterFamily } from '../../src/actions/global-cluster/family';
import { actionNamed, runAction } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const switchover = actionNamed(globalClusterFamily.actions, 'aurora.switchover');
const params = { resource: 'orders-db', to: 'us-west-2' };

describe('aurora.switchover', () => {
  it('plans the exact call, sent to the primary\'s region', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    expect(plan.status).toBe('ready');
    expect(plan.calls).toEqual([
      {
        service: 'rds',
        region: 'us-east-1',
        operation: 'SwitchoverGlobalCluster',
        params: { GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west' },
      },
    ]);
    expect(plan.target).toEqual({ resource: 'orders-db', from: 'us-east-1', to: 'us-west-2', operation: 'switchover' });
    expect(plan.estimateMs).toBe(90_000);
    expect(plan.summary).toBe('switch over orders-db us-east-1 -> us-west-2');
    expect(plan.observations.join('\n')).toContain('replication lag 412 ms in us-west-2 (AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-west}, datapoint 1m old)');
    expect(plan.unverifiable.join('\n')).toContain('regional outage');
    expect(ctx.aws.mutatingCalls()).toEqual([]);
  });

  it('switches over, polls through the states and reports the new writer', async () => {
    const ctx = fakeShop();
    const run = await runAction(switchover, ctx, params);
    expect(ctx.aws.mutatingCalls().map((c) => [c.operation, c.region])).toEqual([['SwitchoverGlobalCluster', 'us-east-1']]);
    expect(ctx.aws.rds.writerRegion('shop-orders')).toBe('us-west-2');
    expect(run.polls.map((p) => p.observation)).toContain('shop-orders: switching-over us-east-1 -> us-west-2');
    expect(run.outputs).toEqual({
      writerRegion: 'us-west-2',
      writerClusterArn: 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west',
      writerClusterId: 'orders-west',
      previousWriterRegion: 'us-east-1',
      writerEndpoint: 'orders-west.cluster-abc.us-west-2.rds.amazonaws.com',
      globalEndpoint: 'shop-orders.global-xyz.global.rds.amazonaws.com',
    });
  });

  it('records the lag read just before the call (the report shows it beside the switchover\'s RPO of 0)', async () => {
    const ctx = fakeShop();
    await runAction(switchover, ctx, params);
    expect(ctx.metrics.map((m) => [m.metricName, m.region, m.valueMs])).toEqual([['AuroraGlobalDBRPOLag', 'us-west-2', 412]]);
    expect(ctx.metrics.every((m) => m.resource === 'orders-db' && m.kind === 'replication-lag')).toBe(true);
  });

  it('asks the target region first and never more than one describe per poll while AWS works', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    await switchover.apply(ctx, params, plan);
    const before = ctx.aws.calls.length;
    ctx.aws.tick();
    await switchover.poll(ctx, params, plan);
    const pollCalls = ctx.aws.calls.slice(before);
    expect(pollCalls.map((c) => [c.operation, c.region])).toEqual([['DescribeGlobalClusters', 'us-west-2']]);
    expect(switchover.pollIntervalMs).toBe(5_000);
  });

  it('waits for every member to reconnect before calling a switchover complete', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    await switchover.apply(ctx, params, plan);
    ctx.aws.tick();
    ctx.aws.tick();
    ctx.aws.tick();
    const eu = ctx.aws.rds.cluster('shop-orders').members.find((m) => m.region === 'eu-west-1');
    if (eu) eu.synchronizationStatus = 'pending-resync';
    const waiting = await switchover.poll(ctx, params, plan);
    expect(waiting).toMatchObject({ done: false, observation: expect.stringContaining('orders-eu in eu-west-1, pending-resync') });
    ctx.aws.rds.resync('shop-orders');
    expect((await switchover.poll(ctx, params, plan)).done).toBe(true);
  });

  it('says "already done" and calls nothing when the writer is already in the target region', async () => {
    const ctx = fakeShop();
    await runAction(switchover, ctx, params);
    const before = ctx.aws.mutatingCalls().length;
    const plan = await switchover.plan(ctx, params);
    expect(plan).toMatchObject({ status: 'done', calls: [], summary: 'orders-db: writer already in us-west-2' });
    expect(ctx.aws.mutatingCalls()).toHaveLength(before);
  });

  it('joins a switchover already under way to the same target without calling again', async () => {
    const ctx = fakeShop();
    await ctx.aws.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', ctx.aws.rds.arnOf('us-west-2', 'orders-west'));
    const run = await runAction(switchover, ctx, params);
    expect(run.plan.status).toBe('in-progress');
    expect(run.plan.calls).toEqual([]);
    expect(ctx.aws.callsTo('SwitchoverGlobalCluster')).toHaveLength(1);
    expect(run.outputs?.writerRegion).toBe('us-west-2');
  });

  it('refuses when an operation is under way to another target', async () => {
    const ctx = fakeShop();
    await ctx.aws.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', ctx.aws.rds.arnOf('eu-west-1', 'orders-eu'));
    await expect(switchover.plan(ctx, params)).rejects.toMatchObject({
      code: 'action.operation-in-progress-elsewhere',
      message: expect.stringContaining('under way to eu-west-1, not us-west-2'),
      hint: expect.stringContaining('drctl status'),
    });
  });

  it('joins instead of failing when AWS says "invalid state" because an earlier attempt started it', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    // Between plan and apply, a first attempt (say, before a crash) got its call through.
    await ctx.aws.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', ctx.aws.rds.arnOf('us-west-2', 'orders-west'));
    const applied = await switchover.apply(ctx, params, plan);
    expect(applied).toMatchObject({ done: false, observation: expect.stringContaining('joined') });
  });

  it('fails clearly when AWS cancels the switchover', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    await switchover.apply(ctx, params, plan);
    ctx.aws.rds.cancel('shop-orders');
    expect((await switchover.poll(ctx, params, plan)).observation).toContain('cancelling');
    ctx.aws.tick();
    await ctx.clock.sleep(61_000);
    await expect(switchover.poll(ctx, params, plan)).rejects.toMatchObject({ code: 'action.operation-cancelled' });
  });

  it('gives AWS a grace period to show the operation before calling it abandoned', async () => {
    const ctx = fakeShop();
    const plan = await switchover.plan(ctx, params);
    await switchover.apply(ctx, params, plan);
    ctx.aws.rds.cluster('shop-orders').failoverState = undefined; // describe lagging behind the call
    expect(await switchover.poll(ctx, params, plan)).toMatchObject({ done: false, observation: expect.stringContaining('waiting for AWS') });
  });
});
