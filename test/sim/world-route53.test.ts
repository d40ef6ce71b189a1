// Route 53 health checks and changes on a manual clock.
import { describe, expect, it } from 'vitest';
import { advance, manualWorld, MINUTE, SECOND } from './helpers';

describe('health checks', () => {
  it('turn red after about RequestInterval x FailureThreshold once the watched region is out', async () => {
    const { world, clock } = manualWorld([{ type: 'region-outage', region: 'us-east-1', at: '5m' }]);
    await advance(clock, world, 5 * MINUTE);
    expect(world.isHealthy('hc-east')).toBe(true);
    let flippedAfter = 0;
    for (let s = 0; s <= 180 && world.isHealthy('hc-east'); s++, flippedAfter = s) await advance(clock, world, SECOND);
    // 30 s x 3: the last checker flips within 90 s; 18% healthy is the cut, so the verdict comes a bit earlier.
    expect(flippedAfter).toBeGreaterThanOrEqual(60);
    expect(flippedAfter).toBeLessThanOrEqual(90);
    expect(world.isHealthy('hc-west')).toBe(true);
    const observations = world.healthChecks.observations('hc-east');
    expect(observations.filter((observation) => observation.status.startsWith('Failure: Connection timed out')).length).toBeGreaterThan(12);
    await advance(clock, world, 2 * MINUTE);
    expect(world.healthChecks.observations('hc-east').every((observation) => !observation.healthy)).toBe(true);
  });

  it('follow inversion and disabling, with a version guard', async () => {
    const { world, clock } = manualWorld();
    world.healthChecks.update('hc-west', { version: 1, inverted: true });
    expect(() => world.healthChecks.update('hc-west', { version: 1, inverted: false })).toThrow(
      expect.objectContaining({ code: 'HealthCheckVersionMismatch', httpStatus: 409 }),
    );
    expect(world.isHealthy('hc-west')).toBe(true);
    await advance(clock, world, 95 * SECOND);
    expect(world.isHealthy('hc-west')).toBe(false);
    // Checkers keep reporting what they see; the inversion is Route 53's verdict, not their reports.
    expect(world.healthChecks.observations('hc-west')[0]?.status).toMatch(/^Success: HTTP Status Code 200/);
    world.healthChecks.update('hc-west', { version: 2, disabled: true });
    await advance(clock, world, 95 * SECOND);
    expect(world.isHealthy('hc-west')).toBe(true);
    expect(world.healthChecks.check('hc-west').version).toBe(3);
  });

  it('flip faster with a 10 s interval', async () => {
    const { world, clock } = manualWorld();
    world.healthChecks.check('hc-east').requestIntervalSeconds = 10;
    world.injectFault({ type: 'region-outage', region: 'us-east-1' });
    await advance(clock, world, 31 * SECOND);
    expect(world.isHealthy('hc-east')).toBe(false);
  });
});

describe('record changes', () => {
  it('are PENDING, then INSYNC after 20-40 s, and logged as completed operations', async () => {
    const { world, clock } = manualWorld();
    const record = world.dns.list('Z0SHOP', {})[0];
    if (!record) throw new Error('the shop world has records');
    const change = world.dns.apply('Z0SHOP', [{ action: 'UPSERT', record: { ...record, weight: undefined, values: ['203.0.113.7'] } }]);
    expect(world.dns.change(change.id).status).toBe('PENDING');
    await advance(clock, world, 19 * SECOND);
    expect(world.dns.change(change.id).status).toBe('PENDING');
    await advance(clock, world, 21 * SECOND);
    expect(world.dns.change(change.id).status).toBe('INSYNC');
    const operation = world.operations[0];
    expect(operation).toMatchObject({ service: 'route53', operation: 'ChangeResourceRecordSets', resource: 'Z0SHOP', outcome: 'completed' });
    expect((operation?.completedAt ?? 0) - (operation?.requestedAt ?? 0)).toBe(change.insyncAt - change.submittedAt);
    expect(world.dns.list('Z0SHOP', {})[0]?.values).toEqual(['203.0.113.7']);
  });

  it('refuse CREATE of an existing record and names outside the zone', () => {
    const { world } = manualWorld();
    const record = world.dns.list('Z0SHOP', {})[0];
    if (!record) throw new Error('the shop world has records');
    expect(() => world.dns.apply('Z0SHOP', [{ action: 'CREATE', record }])).toThrow(
      expect.objectContaining({ code: 'InvalidChangeBatch', message: expect.stringContaining('already exists') }),
    );
    expect(() => world.dns.apply('Z0SHOP', [{ action: 'UPSERT', record: { ...record, name: 'api.other.org' } }])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('is not permitted in zone shop.example.com.') }),
    );
    expect(() => world.dns.apply('Z0SHOP', [{ action: 'UPSERT', record: { ...record, healthCheckId: 'nope' } }])).toThrow(expect.objectContaining({ code: 'NoSuchHealthCheck' }));
  });
});
