// gatherStatus over the stateful fake AWS: what each resource looks like, and each reason a resource is
// not ready for a failover, read through the actions' own readers.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/resources';
import { gatherStatus } from '../../src/status/gather';
import type { ResourceStatus } from '../../src/status/model';
import { FakeAws } from '../helpers/fake-aws';
import { InstantClock } from '../helpers/action-context';

const RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders', regions: ['us-east-1', 'us-west-2'] },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions', regions: ['us-east-1', 'us-west-2'] },
  'api-west': { type: 'route53-health-check', healthCheckId: 'hc-west' },
  'api-dns': { type: 'route53-record-set', hostedZoneId: 'Z1', name: 'api.shop.example.com', recordType: 'A' },
};
const SECOND = 1_000;

let aws: FakeAws;
let clock: InstantClock;
beforeEach(() => {
  clock = new InstantClock();
  aws = new FakeAws(() => clock.now());
  aws.rds.add({ id: 'shop-orders', members: [{ region: 'us-east-1', clusterId: 'orders-east', writer: true, instances: 2 }, { region: 'us-west-2', clusterId: 'orders-west' }] });
  aws.cloudwatch.auroraLag('us-west-2', 'orders-west', 140);
  aws.elasticache.add({ id: 'ldgnf-shop-sessions', members: [{ region: 'us-east-1', replicationGroupId: 'sessions-east', primary: true }, { region: 'us-west-2', replicationGroupId: 'sessions-west', memberClusters: ['sw-001', 'sw-002'] }] });
  aws.cloudwatch.elasticacheLag('us-west-2', 'sw-001', 0.2);
  aws.cloudwatch.elasticacheLag('us-west-2', 'sw-002', 0.4);
  aws.route53.addHealthCheck({ id: 'hc-west' });
});

/** `objectiveMs` null: no lag objective (undefined would take the default). */
const gather = (resources: Record<string, Resource> = RESOURCES, objectiveMs: number | null = SECOND) =>
  gatherStatus({ ports: aws, clock }, { resources, ...(objectiveMs === null ? {} : { lagObjective: { ms: objectiveMs, source: 'rpo' } }) });
const named = (resources: ResourceStatus[], name: string) => resources.find((resource) => resource.name === name)!;
const codes = (resource: ResourceStatus) => resource.flags.map((flag) => flag.code);

describe('drctl status: reading', () => {
  it('shows writers, members, sync, lag and Route 53 verdicts, and skips record sets', async () => {
    const report = await gather();
    expect(report.skipped).toEqual(['api-dns']);
    expect(named(report.resources, 'orders-db')).toMatchObject({
      kind: 'aurora', id: 'shop-orders', status: 'available', writerRegion: 'us-east-1', ready: true, readyTargets: ['us-west-2'], flags: [],
      members: [
        { id: 'orders-east', region: 'us-east-1', role: 'writer', status: 'available', instances: 2 },
        { id: 'orders-west', region: 'us-west-2', role: 'reader', status: 'available', sync: 'connected', lag: { ms: 140, metric: 'AuroraGlobalDBRPOLag', missing: false } },
      ],
    });
    // ElastiCache lag is in seconds per node: the group's lag is its largest node's, in ms.
    expect(named(report.resources, 'sessions')).toMatchObject({
      kind: 'elasticache', writerRegion: 'us-east-1', ready: true,
      members: [{ id: 'sessions-east', role: 'primary', sync: 'associated' }, { id: 'sessions-west', role: 'secondary', lag: { ms: 400 } }],
    });
    expect(named(report.resources, 'api-west')).toMatchObject({ kind: 'health-check', ready: true, health: { healthy: true, healthyCheckers: 16, totalCheckers: 16 } });
  });

  it('reads lag only in the secondary region, and never for the writer', async () => {
    await gather();
    expect(aws.cloudwatch.queries.map((query) => query.region).every((region) => region === 'us-west-2')).toBe(true);
  });

  it('asks --region for a resource without a regions hint', async () => {
    const report = await gatherStatus({ ports: aws, clock, defaultRegion: 'us-west-2' }, { resources: { 'shop-orders': { type: 'aurora-global', globalClusterId: 'shop-orders' } } });
    expect(report.resources[0]).toMatchObject({ writerRegion: 'us-east-1' });
    expect(aws.callsTo('DescribeGlobalClusters')[0]?.region).toBe('us-west-2');
  });
});

describe('drctl status: why a resource is not ready', () => {
  it('flags lag above the objective, and not without one', async () => {
    aws.cloudwatch.put('us-west-2', 'AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'orders-west' }, [{ value: 2_500, ageMs: 30_000 }]);
    const report = await gather(RESOURCES, SECOND);
    const orders = named(report.resources, 'orders-db');
    expect(orders).toMatchObject({ ready: false, readyTargets: [] });
    expect(orders.flags).toEqual([{ code: 'lag-above-objective', blocking: true, region: 'us-west-2', message: 'orders-west in us-west-2: replication lag 2.5s is above the objective 1.0s' }]);
    expect(codes(named((await gather(RESOURCES, null)).resources, 'orders-db'))).toEqual([]);
  });

  it('flags an operation under way', async () => {
    await aws.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', aws.rds.arnOf('us-west-2', 'orders-west'));
    const orders = named((await gather()).resources, 'orders-db');
    expect(codes(orders)).toContain('operation-under-way');
    expect(orders.operation).toMatch(/a switchover \(shop-orders: pending us-east-1 -> us-west-2\)/);
    expect(orders.ready).toBe(false);
  });

  it('flags a headless secondary, a version mismatch and a member in pending-resync', async () => {
    aws.docdb.add({
      id: 'shop-catalog', engineVersion: '5.0.0',
      members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2', instances: 0 }, { region: 'eu-west-1', engineVersion: '5.0.1', sync: 'pending-resync' }],
    });
    const catalog = (await gather({ catalog: { type: 'docdb-global', globalClusterId: 'shop-catalog', regions: ['us-east-1'] } })).resources[0]!;
    expect(codes(catalog).sort()).toEqual(['headless', 'lag-unknown', 'lag-unknown', 'secondary-unhealthy', 'version-mismatch']);
    expect(catalog.flags.find((flag) => flag.code === 'headless')).toMatchObject({ region: 'us-west-2' });
    expect(catalog.flags.find((flag) => flag.code === 'version-mismatch')).toMatchObject({ region: 'eu-west-1', message: expect.stringContaining('engine versions differ') });
    expect(catalog).toMatchObject({ ready: false, readyTargets: [] });
  });

  it('keeps a ready target when only another secondary is flagged', async () => {
    aws.rds.add({ id: 'three', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2' }, { region: 'eu-west-1', status: 'modifying' }] });
    aws.cloudwatch.auroraLag('us-west-2', 'three-us-west-2', 100);
    aws.cloudwatch.auroraLag('eu-west-1', 'three-eu-west-1', 100);
    const three = (await gather({ three: { type: 'aurora-global', globalClusterId: 'three', regions: ['us-east-1'] } })).resources[0]!;
    expect(three).toMatchObject({ ready: true, readyTargets: ['us-west-2'] });
    expect(three.flags).toEqual([expect.objectContaining({ code: 'secondary-unhealthy', region: 'eu-west-1', message: 'three-eu-west-1 in eu-west-1 is modifying' })]);
  });

  it('marks the members of a silent region instead of failing the table; a silent writer is a warning', async () => {
    aws.setUnreachable('us-east-1');
    const orders = named((await gather()).resources, 'orders-db');
    expect(orders.members[0]).toMatchObject({ region: 'us-east-1', status: 'unreachable' });
    expect(orders.flags).toEqual([expect.objectContaining({ code: 'writer-unavailable', blocking: false, message: expect.stringContaining('an unplanned failover does not') })]);
    expect(orders.ready).toBe(true);
  });

  it('shows a resource that cannot be read at all as unreadable', async () => {
    aws.fail({ kind: 'access-denied', operation: 'DescribeGlobalReplicationGroups', times: Infinity });
    const sessions = named((await gather()).resources, 'sessions');
    expect(sessions).toMatchObject({ ready: false, error: { code: 'aws.access-denied' } });
    expect(codes(sessions)).toEqual(['unreadable']);
  });

  it('flags a primary-only datastore and an unhealthy health check', async () => {
    aws.elasticache.add({ id: 'lonely', status: 'primary-only', members: [{ region: 'us-east-1', primary: true }] });
    aws.route53.setCheckers('hc-west', 2, 16); // 12.5%: not more than 18%
    const report = await gather({ lonely: { type: 'elasticache-global', globalReplicationGroupId: 'lonely', regions: ['us-east-1'] }, 'api-west': RESOURCES['api-west']! });
    expect(codes(named(report.resources, 'lonely'))).toEqual(['no-secondary']);
    expect(named(report.resources, 'api-west')).toMatchObject({ ready: false, flags: [{ code: 'unhealthy', message: expect.stringContaining('2/16 checkers healthy (13%)') }] });
  });
});

describe('drctl status: unknown ids', () => {
  it('stops with status.not-found naming the id, the regions asked and what exists there', async () => {
    const error = await gather({ 'orders-db': { type: 'aurora-global', globalClusterId: 'shop-order', regions: ['us-east-1', 'us-west-2'] } }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'status.not-found',
      exitCode: 2,
      message: 'Aurora global cluster shop-order (resource "orders-db") was not found in us-east-1, us-west-2. Aurora global clusters there: shop-orders (us-east-1, us-west-2)',
    });
    expect((error as { hint: string }).hint).toMatch(/^Did you mean "shop-orders"\? Check the id/);
  });
});
