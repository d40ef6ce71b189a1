// Every AWS error a user can meet during a global-cluster step becomes an error that says what to do.
import { describe, expect, it } from 'vitest';
import { globalClusterFamily } from '../../src/actions/global-cluster/family';
import { actionNamed } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const switchover = actionNamed(globalClusterFamily.actions, 'aurora.switchover');
const failover = actionNamed(globalClusterFamily.actions, 'aurora.failover');
const params = { resource: 'orders-db', to: 'us-west-2' };

async function planned(action = switchover) {
  const ctx = fakeShop();
  const plan = await action.plan(ctx, params);
  return { ctx, plan };
}

describe('global-cluster errors', () => {
  it('lists the members and their regions when `to` is not one of them', async () => {
    const ctx = fakeShop();
    await expect(switchover.plan(ctx, { resource: 'orders-db', to: 'ap-south-1' })).rejects.toMatchObject({
      code: 'action.region-not-a-member',
      message:
        'orders-db (Aurora global cluster shop-orders) has no member in ap-south-1. Members: orders-east in us-east-1 (writer); orders-west in us-west-2; orders-eu in eu-west-1',
      hint: expect.stringContaining('us-east-1, us-west-2, eu-west-1'),
    });
  });

  it('names the declared resources for an unknown one, and refuses the wrong type', async () => {
    const ctx = fakeShop();
    await expect(switchover.plan(ctx, { resource: 'order-db', to: 'us-west-2' })).rejects.toMatchObject({
      code: 'action.unknown-resource',
      hint: expect.stringContaining('Did you mean "orders-db"?'),
    });
    await expect(switchover.plan(ctx, { resource: 'catalog-db', to: 'us-west-2' })).rejects.toMatchObject({
      code: 'action.wrong-resource-type',
      message: 'Resource "catalog-db" is a docdb-global, but this needs a aurora-global',
    });
  });

  it('says which globalClusterId was not found', async () => {
    const ctx = fakeShop();
    ctx.resources['orders-db'] = { type: 'aurora-global', globalClusterId: 'shop-ordres' };
    await expect(switchover.plan(ctx, params)).rejects.toMatchObject({
      code: 'aws.not-found',
      hint: expect.stringContaining('Check globalClusterId "shop-ordres" of resource orders-db'),
    });
  });

  it('names the permission and the region on access denied', async () => {
    const { ctx, plan } = await planned();
    ctx.aws.fail({ kind: 'access-denied', operation: 'SwitchoverGlobalCluster' });
    await expect(switchover.apply(ctx, params, plan)).rejects.toMatchObject({
      code: 'aws.access-denied',
      hint: 'Grant rds:SwitchoverGlobalCluster in us-east-1 to the role drctl runs as, then run `drctl resume`.',
    });
  });

  it('keeps throttling retryable and says resuming is safe', async () => {
    const { ctx, plan } = await planned();
    ctx.aws.fail({ kind: 'throttled', operation: 'SwitchoverGlobalCluster' });
    const error = await switchover.apply(ctx, params, plan).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aws.throttled', retryable: true, hint: expect.stringContaining('does not repeat a call AWS already accepted') });
  });

  it('points to failover when the primary\'s region does not answer a switchover', async () => {
    const { ctx, plan } = await planned();
    ctx.aws.setUnreachable('us-east-1');
    await expect(switchover.apply(ctx, params, plan)).rejects.toMatchObject({
      code: 'aws.unreachable',
      hint: expect.stringContaining('use aurora.failover (AllowDataLoss), which is sent to us-west-2'),
    });
  });

  it('explains "invalid state" that is not our own operation', async () => {
    const { ctx, plan } = await planned(failover);
    ctx.aws.fail({ kind: 'invalid-state', operation: 'FailoverGlobalCluster' });
    await expect(failover.apply(ctx, params, plan)).rejects.toMatchObject({
      code: 'aws.invalid-state',
      hint: expect.stringContaining('Run `drctl status`'),
    });
  });

  it('asks the target\'s region first, so an outage of the other regions costs no call', async () => {
    const ctx = fakeShop();
    ctx.resources['orders-db'] = { type: 'aurora-global', globalClusterId: 'shop-orders', regions: ['us-east-1', 'eu-west-1'] };
    ctx.aws.setUnreachable('us-west-2');
    ctx.aws.setUnreachable('us-east-1');
    const plan = await failover.plan(ctx, { resource: 'orders-db', to: 'eu-west-1' });
    expect(plan.status).toBe('ready');
    expect(ctx.aws.calls.map((c) => c.region)).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1', 'eu-west-1']);
  });

  it('falls back from an unreachable target region to the resource\'s hint', async () => {
    const ctx = fakeShop();
    ctx.resources['orders-db'] = { type: 'aurora-global', globalClusterId: 'shop-orders', regions: ['us-east-1'] };
    ctx.aws.setUnreachable('us-west-2');
    await expect(switchover.plan(ctx, params)).rejects.toMatchObject({ code: 'aws.unreachable' }); // DescribeDBClusters needs the target
    expect(ctx.aws.callsTo('DescribeGlobalClusters').map((c) => c.region)).toEqual(['us-west-2', 'us-east-1']);
    expect(ctx.observed).toContain('us-west-2 did not answer (unreachable); asking us-east-1');
  });

  it('says no region answered when none does', async () => {
    const ctx = fakeShop({ defaultRegion: 'us-east-1' });
    ctx.aws.setUnreachable('us-west-2');
    ctx.aws.setUnreachable('us-east-1');
    await expect(switchover.plan(ctx, params)).rejects.toMatchObject({
      code: 'aws.unreachable',
      message: expect.stringContaining('asked us-west-2, us-east-1'),
    });
  });

  it('asks the configured default region for a resource without hints', async () => {
    const ctx = fakeShop({ defaultRegion: 'us-east-1' });
    ctx.resources['orders-db'] = { type: 'aurora-global', globalClusterId: 'shop-orders' };
    const plan = await switchover.plan(ctx, params);
    expect(plan.status).toBe('ready');
  });
});
