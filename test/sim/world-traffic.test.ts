// Where traffic really is, on a manual clock: a client resolving the shop's name reaches a region only
// after Route 53's verdict changed (an inversion is not seen at once) and the record's TTL has passed in
// resolvers' caches; a record change counts once INSYNC. The application is healthy in a region only
// when its writers are there and its traffic reaches it; its alarms follow at their next evaluation.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/sim/clock';
import { createWorld, type SimWorld } from '../../src/sim/world';
import { generateWorld } from '../../src/sim/world-generate';
import { SHOP_RESOURCES } from '../helpers/shop-world';
import { advance, CATALOG_WEST, MINUTE, ORDERS_WEST, SECOND, START } from './helpers';

const NAME = 'api.shop.example.com';

function appWorld(): { world: SimWorld; clock: ManualClock } {
  const clock = new ManualClock(START);
  const spec = generateWorld(
    {
      ...SHOP_RESOURCES,
      'app-east': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-use1', region: 'us-east-1' },
      'app-west': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-usw2', region: 'us-west-2' },
      shop: { type: 'http-endpoint', url: `https://${NAME}/health` },
    },
    { seed: 7, name: 'shop' },
  );
  return { world: createWorld(spec, clock), clock };
}

/** Seconds until `holds` first holds, stepping one second at a time (at most `limit`). */
async function secondsUntil(world: SimWorld, clock: ManualClock, holds: () => boolean, limit = 600): Promise<number> {
  for (let seconds = 0; seconds <= limit; seconds++) {
    if (holds()) return seconds;
    await advance(clock, world, SECOND);
  }
  throw new Error(`did not happen within ${limit} s`);
}

describe('traffic', () => {
  it('moves after Route 53 acts on an inversion, then after the TTL, not at once', async () => {
    const { world, clock } = appWorld();
    await advance(clock, world, 5 * MINUTE);
    expect(world.resolver.servingRegion(NAME, world.now())).toBe('us-east-1');
    world.healthChecks.update('hc-east', { inverted: true });
    expect(world.resolver.authoritative(NAME, world.now())?.regions).toEqual(['us-east-1']);
    const answered = await secondsUntil(world, clock, () => world.resolver.authoritative(NAME, world.now())?.regions[0] === 'us-west-2');
    // The verdict follows the inversion after the checkers' next FailureThreshold rounds (30 s x 3).
    expect(answered).toBeGreaterThanOrEqual(50);
    expect(answered).toBeLessThanOrEqual(90);
    // Stale resolvers still send clients east for up to the TTL (60 s).
    expect(world.resolver.clientAnswer(NAME, world.now())?.regions).toEqual(['us-east-1']);
    expect(world.resolver.servingRegion(NAME, world.now())).toBeUndefined();
    const everyone = await secondsUntil(world, clock, () => world.resolver.servingRegion(NAME, world.now()) === 'us-west-2');
    expect(everyone).toBe(60);
    expect(world.resolver.clientAnswer(NAME, world.now())?.regions).toEqual(['us-west-2']);
  });

  it('follows a record change once it is INSYNC, then the TTL', async () => {
    const { world, clock } = appWorld();
    const records = world.dns.list('Z0SHOP', {});
    const primary = records.find((record) => record.failover === 'PRIMARY');
    if (!primary) throw new Error('the shop world has a primary record');
    // Point the primary record at the west health check: Route 53 answers it, and it is healthy.
    const change = world.dns.apply('Z0SHOP', [{ action: 'UPSERT', record: { ...primary, values: ['198.51.100.99'], healthCheckId: 'hc-west' } }]);
    expect(world.resolver.authoritative(NAME, world.now())?.regions).toEqual(['us-east-1']);
    const insync = await secondsUntil(world, clock, () => world.resolver.authoritative(NAME, world.now())?.regions[0] === 'us-west-2');
    expect(insync * SECOND).toBe(Math.ceil((change.insyncAt - change.submittedAt) / SECOND) * SECOND);
    expect(world.dns.change(change.id).status).toBe('INSYNC');
    expect(await secondsUntil(world, clock, () => world.resolver.servingRegion(NAME, world.now()) === 'us-west-2')).toBe(60);
  });
});

describe('the application', () => {
  it('is healthy where its writers and its traffic are, and its alarms say so at their next evaluation', async () => {
    const { world, clock } = appWorld();
    await advance(clock, world, MINUTE);
    const app = world.apps.specs[0]!;
    expect(world.apps.problem(app, 'us-east-1')).toBeUndefined();
    expect(world.apps.problem(app, 'us-west-2')).toMatch(/^not every writer is here: shop-orders writes in us-east-1/);
    const alarm = (region: string) => world.apps.alarmStatuses().find((status) => status.region === region);
    expect(alarm('us-east-1')).toMatchObject({ state: 'OK', transitionedAt: START - 60 * MINUTE });
    expect(alarm('us-west-2')).toMatchObject({ state: 'ALARM' });

    // Every writer moves west; traffic does not until east's check is inverted and the TTL has passed.
    for (const [globalClusterId, target] of [['shop-orders', ORDERS_WEST], ['shop-catalog', CATALOG_WEST]] as const) {
      world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId, target });
    }
    world.datastores.failover({ region: 'us-west-2', id: 'ldgnf-shop-sessions', newPrimaryRegion: 'us-west-2', newPrimaryGroupId: 'shop-sessions-usw2' });
    await advance(clock, world, 5 * MINUTE);
    expect(world.apps.problem(app, 'us-west-2')).toBe(`clients resolving ${NAME}. reach us-east-1`);
    expect(alarm('us-east-1')).toMatchObject({ state: 'ALARM' });
    world.healthChecks.update('hc-east', { inverted: true });
    const healthy = await secondsUntil(world, clock, () => world.apps.problem(app, 'us-west-2') === undefined);
    expect(healthy).toBeGreaterThan(110);
    const evaluatedAt = await secondsUntil(world, clock, () => alarm('us-west-2')?.state === 'OK');
    expect(evaluatedAt).toBeLessThanOrEqual(60);
    expect((alarm('us-west-2')?.transitionedAt ?? 0) % MINUTE).toBe(0);
  });

  it('is reached through the name its probes ask for, not a data store\'s private CNAME declared before it', () => {
    const spec = generateWorld({
      'catalog-dns': { type: 'route53-record-set', hostedZoneId: 'Z0INTERNAL', name: 'catalog.shop.internal', recordType: 'CNAME' },
      ...SHOP_RESOURCES,
      shop: { type: 'http-endpoint', url: `https://${NAME}/health` },
    });
    expect(spec.spec.applications[0]).toMatchObject({ name: 'shop', dnsName: NAME });
  });
});
