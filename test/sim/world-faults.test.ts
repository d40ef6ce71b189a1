// Every fault a world file can declare, on a manual clock.
import { describe, expect, it } from 'vitest';
import { advance, manualWorld, MINUTE, ORDERS_WEST, SECOND, START } from './helpers';

const switchover = { region: 'us-east-1', operation: 'SwitchoverGlobalCluster' as const, globalClusterId: 'shop-orders', target: ORDERS_WEST };

describe('faults', () => {
  it('slow-failover multiplies the duration', async () => {
    const { world, clock } = manualWorld([{ type: 'slow-failover', resource: 'shop-orders', factor: 4 }]);
    world.transitions.failover(switchover);
    await advance(clock, world, 3 * MINUTE);
    expect(world.writerOf('shop-orders')?.region).toBe('us-east-1');
    await advance(clock, world, 4 * MINUTE);
    const took = (world.operations[0]?.completedAt ?? 0) - START;
    expect(took).toBeGreaterThanOrEqual(4 * 60 * SECOND);
    expect(took).toBeLessThanOrEqual(4 * 90 * SECOND);
  });

  it('stuck-failover never completes: the global cluster stays switching-over', async () => {
    const { world, clock } = manualWorld([{ type: 'stuck-failover', resource: 'shop-orders' }]);
    world.transitions.failover(switchover);
    await advance(clock, world, 3 * 60 * MINUTE);
    expect(world.globalClusters.global('shop-orders').failoverState?.status).toBe('switching-over');
    expect(world.writerOf('shop-orders')?.region).toBe('us-east-1');
    expect(world.operations[0]?.outcome).toBe('in-progress');
  });

  it('stuck-failover holds an ElastiCache datastore in modifying', async () => {
    const { world, clock } = manualWorld([{ type: 'stuck-failover', resource: 'ldgnf-shop-sessions' }]);
    world.datastores.failover({ region: 'us-west-2', id: 'ldgnf-shop-sessions', newPrimaryRegion: 'us-west-2', newPrimaryGroupId: 'shop-sessions-usw2' });
    await advance(clock, world, 60 * MINUTE);
    expect(world.datastores.datastore('ldgnf-shop-sessions').status).toBe('modifying');
  });

  it('engine-version-mismatch makes managed operations refuse with the AWS message', () => {
    const { world } = manualWorld([{ type: 'engine-version-mismatch', resource: 'shop-orders' }]);
    expect(world.globalClusters.clusterByArn(ORDERS_WEST).engineVersion).toBe('16.5');
    expect(() => world.transitions.failover(switchover)).toThrow(
      expect.objectContaining({
        code: 'InvalidDBClusterStateFault',
        message: 'The target DB cluster specified is running an engine version with a different patch level than the source DB cluster.',
      }),
    );
    expect(() => world.transitions.remove({ region: 'us-west-2', globalClusterId: 'shop-orders', cluster: ORDERS_WEST })).not.toThrow();
  });

  it('headless-secondary leaves the secondary with no instance and refuses to promote it', () => {
    const { world } = manualWorld([{ type: 'headless-secondary', resource: 'shop-orders', member: 'shop-orders-usw2' }]);
    expect(world.globalClusters.clusterByArn(ORDERS_WEST).instanceIds).toEqual([]);
    expect(() => world.transitions.failover({ ...switchover, operation: 'FailoverGlobalCluster', allowDataLoss: true })).toThrow(
      expect.objectContaining({ code: 'InvalidDBClusterStateFault', message: expect.stringContaining('headless') }),
    );
  });

  it('a switchover whose primary region goes out is cancelled; the writer stays', async () => {
    const { world, clock } = manualWorld([{ type: 'region-outage', region: 'us-east-1', at: '30s' }]);
    world.transitions.failover({ ...switchover, region: 'us-west-2' });
    await advance(clock, world, 5 * MINUTE);
    expect(world.globalClusters.global('shop-orders').failoverState).toBeUndefined();
    expect(world.writerOf('shop-orders')?.region).toBe('us-east-1');
    expect(world.operations[0]?.outcome).toBe('cancelled');
    expect(world.operations[0]?.milestones.map((milestone) => milestone.what)).toContain('cancelling: the primary region does not answer');
  });

  it('a region outage starts at its offset, ends after its duration, and can be injected live', async () => {
    const { world, clock } = manualWorld([{ type: 'region-outage', region: 'us-east-1', at: '2m', for: '10m' }]);
    const faults = world.core.faults;
    expect(faults.apiOutage('us-east-1', 'rds', START + MINUTE)).toBeUndefined();
    expect(faults.apiOutage('us-east-1', 'rds', START + 3 * MINUTE)).toBeDefined();
    expect(faults.apiOutage('us-east-1', 'route53', START + 3 * MINUTE)).toBeUndefined();
    expect(faults.apiOutage('us-west-2', 'rds', START + 3 * MINUTE)).toBeUndefined();
    expect(faults.apiOutage('us-east-1', 'rds', START + 12 * MINUTE)).toBeUndefined();
    await advance(clock, world, 20 * MINUTE);
    world.injectFault({ type: 'region-outage', region: 'us-west-2' });
    expect(faults.apiOutage('us-west-2', 'elasticache', START + 20 * MINUTE)).toBeDefined();
    expect(faults.endpointsDown('us-west-2', START + 19 * MINUTE)).toBe(false);
  });

  it('throttling answers the configured share of requests, per service', () => {
    const { world } = manualWorld([{ type: 'throttling', service: 'rds', rate: 0.25 }]);
    const draws = Array.from({ length: 400 }, () => world.core.faults.throttled('rds', 'us-east-1', 'DescribeGlobalClusters'));
    const share = draws.filter(Boolean).length / draws.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    expect(world.core.faults.throttled('elasticache', 'us-east-1', 'DescribeGlobalReplicationGroups')).toBe(false);
  });

  it('lag-spike raises a member\'s lag inside its window only', () => {
    const { world } = manualWorld([{ type: 'lag-spike', resource: 'ldgnf-shop-sessions', value: '12s', at: '1m', for: '3m' }]);
    const faults = world.core.faults;
    expect(faults.lagSpikeMs('ldgnf-shop-sessions', 'shop-sessions-usw2', START)).toBeUndefined();
    expect(faults.lagSpikeMs('ldgnf-shop-sessions', 'shop-sessions-usw2', START + 2 * MINUTE)).toBe(12_000);
    expect(faults.lagSpikeMs('ldgnf-shop-sessions', 'shop-sessions-usw2', START + 4 * MINUTE)).toBeUndefined();
  });
});
