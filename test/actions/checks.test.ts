import { describe, expect, it } from 'vitest';
import { checksFamily } from '../../src/actions/checks/family';
import { checkNamed } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const lagBelow = checkNamed(checksFamily.checks, 'replication-lag-below');
const healthy = checkNamed(checksFamily.checks, 'healthy');
const writerIn = checkNamed(checksFamily.checks, 'writer-in');
const available = checkNamed(checksFamily.checks, 'available');

describe('replication-lag-below', () => {
  it('passes when every secondary\'s lag, read in its own region, is under max', async () => {
    const ctx = fakeShop({ defaultRegion: 'us-east-1' });
    const result = await lagBelow.run(ctx, { resources: ['orders-db', 'catalog-db', 'sessions'], max: '1s' });
    expect(result).toMatchObject({ ok: true, message: 'replication lag at most 1.0s for orders-db, catalog-db, sessions' });
    expect(result.observations).toEqual([
      'orders-db orders-west: replication lag 412 ms in us-west-2 (AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-west}, datapoint 1m old)',
      'orders-db orders-eu: replication lag 730 ms in eu-west-1 (AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-eu}, datapoint 1m old)',
      'catalog-db catalog-west: replication lag 250 ms in us-west-2 (GlobalClusterReplicationLag {DBClusterIdentifier=catalog-west}, datapoint 1m old)',
      'sessions sessions-west: replication lag 800 ms in us-west-2 (GlobalDatastoreReplicationLag {CacheClusterId=sessions-west-001}, datapoint 1m old)',
    ]);
    expect(ctx.aws.callsTo('GetMetricData').every((c) => c.region !== 'us-east-1')).toBe(true);
  });

  it('converts ElastiCache seconds to ms before comparing', async () => {
    const ctx = fakeShop({ defaultRegion: 'us-east-1' });
    const result = await lagBelow.run(ctx, { resources: ['sessions'], max: '500ms' });
    expect(result).toMatchObject({ ok: false, message: 'sessions: 800 ms in us-west-2, above 500ms' });
    expect(result.hint).toContain('raise `max`');
  });

  it('checks only the target with `to`', async () => {
    const ctx = fakeShop();
    expect((await lagBelow.run(ctx, { resources: ['orders-db'], max: '500ms', to: 'us-west-2' })).ok).toBe(true);
    expect((await lagBelow.run(ctx, { resources: ['orders-db'], max: '500ms', to: 'eu-west-1' })).ok).toBe(false);
  });

  it('fails plainly on missing data, with a hint about where the metric lives', async () => {
    const ctx = fakeShop();
    ctx.aws.rds.add({ id: 'quiet', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2', clusterId: 'quiet-west' }] });
    ctx.resources['quiet-db'] = { type: 'aurora-global', globalClusterId: 'quiet' };
    const result = await lagBelow.run(ctx, { resources: ['quiet-db'], max: '1s', to: 'us-west-2' });
    expect(result).toMatchObject({
      ok: false,
      message: 'quiet-db: no lag data in us-west-2 (AuroraGlobalDBRPOLag, AuroraGlobalDBReplicationLag)',
      hint: expect.stringContaining('only in the secondary\'s region'),
    });
  });

  it('ignores data points older than the lookback window', async () => {
    const ctx = fakeShop();
    ctx.aws.docdb.add({ id: 'stale', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2', clusterId: 'stale-west' }] });
    ctx.resources['stale-db'] = { type: 'docdb-global', globalClusterId: 'stale' };
    ctx.aws.cloudwatch.put('us-west-2', 'AWS/DocDB', 'GlobalClusterReplicationLag', { DBClusterIdentifier: 'stale-west' }, [{ value: 5, ageMs: 3_600_000 }]);
    expect((await lagBelow.run(ctx, { resources: ['stale-db'], max: '1s', to: 'us-west-2' })).ok).toBe(false);
  });

  it('asks for a region when a resource has no hint, no `to` and no default region', async () => {
    const ctx = fakeShop();
    await expect(lagBelow.run(ctx, { resources: ['orders-db'], max: '1s' })).rejects.toMatchObject({ code: 'action.no-region' });
  });
});

describe('healthy', () => {
  it('passes when Route 53 would call the check healthy, fails with a hint otherwise', async () => {
    const ctx = fakeShop();
    expect(await healthy.run(ctx, { resource: 'api-west' })).toMatchObject({ ok: true });
    ctx.aws.route53.editHealthCheck('hc-west', { inverted: true });
    const result = await healthy.run(ctx, { resource: 'api-west' });
    expect(result).toMatchObject({ ok: false, message: 'api-west: unhealthy (16/16 checkers healthy (100%), inverted)' });
    expect(result.hint).toContain('inverted: false');
  });
});

describe('writer-in', () => {
  it('checks the writer\'s region for global clusters and datastores', async () => {
    const ctx = fakeShop();
    expect(await writerIn.run(ctx, { resource: 'orders-db', region: 'us-east-1' })).toMatchObject({ ok: true });
    expect(await writerIn.run(ctx, { resource: 'sessions', region: 'us-east-1' })).toMatchObject({ ok: true });
    expect(await writerIn.run(ctx, { resource: 'catalog-db', region: 'us-west-2' })).toMatchObject({
      ok: false,
      message: 'catalog-db: writer is catalog-east in us-east-1, not in us-west-2',
    });
  });
});

describe('available', () => {
  it('passes for a healthy global cluster and datastore', async () => {
    const ctx = fakeShop();
    expect(await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' })).toMatchObject({ ok: true, message: 'orders-db is available; ready to promote us-west-2' });
    expect(await available.run(ctx, { resource: 'sessions', to: 'us-west-2' })).toMatchObject({ ok: true });
  });

  it('fails while an operation is under way', async () => {
    const ctx = fakeShop();
    await ctx.aws.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', ctx.aws.rds.arnOf('eu-west-1', 'orders-eu'));
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('a switchover (shop-orders: pending us-east-1 -> eu-west-1) is under way');
  });

  it('fails for a headless target with a hint to add an instance', async () => {
    const ctx = fakeShop();
    ctx.aws.rds.dbCluster('us-west-2', 'orders-west').instanceCount = 0;
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' });
    expect(result).toMatchObject({ ok: false, hint: expect.stringContaining('Add a DB instance to orders-west in us-west-2') });
  });

  it('fails on different engine versions with AWS\'s wording and points to detach', async () => {
    const ctx = fakeShop({ defaultRegion: 'us-east-1' });
    ctx.aws.docdb.dbCluster('us-west-2', 'catalog-west').engineVersion = '5.0.1';
    const result = await available.run(ctx, { resource: 'catalog-db' });
    expect(result.message).toContain('running an engine version with a different patch level than the source DB cluster');
    expect(result.hint).toContain('docdb.detach (RemoveFromGlobalCluster) is the last resort');
  });

  it('passes when the writer is already in the target, so a completed runbook can be re-run', async () => {
    const ctx = fakeShop();
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-east-1' });
    expect(result).toMatchObject({ ok: true, message: 'orders-db: the writer is already in us-east-1; nothing to move' });
  });

  it('fails when members are out of sync, and when `to` is not a member', async () => {
    const ctx = fakeShop();
    const eu = ctx.aws.rds.cluster('shop-orders').members.find((m) => m.region === 'eu-west-1');
    if (eu) eu.synchronizationStatus = 'pending-resync';
    expect((await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' })).message).toContain('members not in sync: orders-eu in eu-west-1, pending-resync');
    await expect(available.run(ctx, { resource: 'orders-db', to: 'ap-south-1' })).rejects.toMatchObject({ code: 'action.region-not-a-member' });
  });

  // A switchover is sent to the primary's region: planned, a silent primary region is not "ready".
  it('planned: fails when the primary\'s region does not answer, and names the unplanned mode', async () => {
    const ctx = fakeShop();
    ctx.aws.setUnreachable('us-east-1');
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("the primary's region us-east-1 does not answer") });
    expect(result.hint).toMatch(/--input mode=unplanned/);
    expect(result.message).not.toMatch(/ready to promote/);
  });

  it('unplanned: checks what it can when the primary\'s region does not answer (the failover goes to the target)', async () => {
    const ctx = fakeShop();
    ctx.aws.setUnreachable('us-east-1');
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2', mode: 'unplanned' });
    expect(result.ok).toBe(true);
    expect(result.observations).toContain('orders-east: us-east-1 does not answer; not checked');
  });

  it('a region that answers only with server errors (a degraded region) counts as not answering', async () => {
    const ctx = fakeShop();
    ctx.aws.fail({ kind: 'service', region: 'us-east-1', operation: 'DescribeDBClusters', awsCode: 'ServiceUnavailable' });
    expect(await available.run(ctx, { resource: 'orders-db', to: 'us-west-2' })).toMatchObject({ ok: false });
    ctx.aws.fail({ kind: 'service', region: 'us-east-1', operation: 'DescribeDBClusters', awsCode: 'ServiceUnavailable' });
    const unplanned = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2', mode: 'unplanned' });
    expect(unplanned.ok).toBe(true);
    expect(unplanned.observations).toContain('orders-east: us-east-1 does not answer; not checked');
  });

  it('never calls a target it could not read ready', async () => {
    const ctx = fakeShop();
    ctx.aws.fail({ kind: 'unreachable', region: 'us-west-2', operation: 'DescribeDBClusters', times: Infinity });
    const result = await available.run(ctx, { resource: 'orders-db', to: 'us-west-2', mode: 'unplanned' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('the target orders-west in us-west-2 could not be read') });
  });

  it('fails for a datastore that is not available', async () => {
    const ctx = fakeShop();
    ctx.aws.elasticache.datastore('ldgnf-shop-sessions').status = 'modifying';
    expect(await available.run(ctx, { resource: 'sessions', to: 'us-west-2' })).toMatchObject({ ok: false, message: expect.stringContaining('datastore is modifying') });
  });
});
