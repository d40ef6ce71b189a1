// The simulator as drctl and the benchmark use it: a scaled clock shared with the client, completion times
// in simulated time, request counts per resource, lag metrics that follow the roles.
import { DescribeGlobalClustersCommand, SwitchoverGlobalClusterCommand } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/sim/index';
import { advance, clients, manualWorld, MINUTE, ORDERS_WEST, START } from './helpers';
import { shopWorld } from '../helpers/shop-world';

describe('startSimulator', () => {
  it('runs a switchover to completion while a client polls on the shared scaled clock', async () => {
    // 300x: a 5 s poll sleeps 17 real ms; the 60-90 s switchover takes a fraction of a real second.
    const sim = await startSimulator({ world: shopWorld(), timeScale: 300 });
    try {
      const { rds } = clients(sim.endpoint, 'us-east-1');
      await rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST }));
      // Real latency varies under load, so compare with the polls themselves: the recorded completion
      // lies after the last poll that still saw the operation and before the one that saw it done.
      let lastBusyPollAt = 0;
      let noticedAt = 0;
      let polls = 0;
      for (; polls < 200 && !noticedAt; polls++) {
        await sim.clock.sleep(5_000);
        const sentAt = sim.clock.now();
        const out = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
        if (out.GlobalClusters?.[0]?.FailoverState) lastBusyPollAt = sentAt;
        else noticedAt = sim.clock.now();
      }
      const operation = sim.world.operations[0];
      expect(operation?.outcome).toBe('completed');
      expect(operation?.completedAt).toBeGreaterThan(lastBusyPollAt);
      expect(operation?.completedAt).toBeLessThanOrEqual(noticedAt);
      expect((operation?.completedAt ?? 0) - (operation?.requestedAt ?? 0)).toBeLessThanOrEqual(90_000);
      const describes = sim.world.requestCount('rds', 'us-east-1', 'DescribeGlobalClusters', 'shop-orders');
      expect(describes).toBe(polls);
      expect(sim.world.requestCounts()).toContainEqual({ service: 'rds', region: 'us-east-1', operation: 'SwitchoverGlobalCluster', resource: 'shop-orders', count: 1 });
      expect(sim.world.writerOf('shop-orders')?.region).toBe('us-west-2');
    } finally {
      await sim.close();
    }
  });

  it('starts at the world file\'s start time when it has one', async () => {
    const world = shopWorld();
    const sim = await startSimulator({ world: { ...world, spec: { ...world.spec, start: '2026-03-01T12:00:00Z' } }, timeScale: 1 });
    try {
      expect(Math.abs(sim.clock.now() - Date.UTC(2026, 2, 1, 12))).toBeLessThan(1_000);
      expect(sim.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sim.close();
    }
  });
});

describe('lag metrics follow the roles', () => {
  it('move to the old primary after a switchover', async () => {
    const { world, clock } = manualWorld();
    world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST });
    await advance(clock, world, 10 * MINUTE);
    const points = (region: string, id: string) =>
      world.metrics.find(region, 'AWS/RDS', 'AuroraGlobalDBReplicationLag', { DBClusterIdentifier: id })?.points(START - 5 * MINUTE, START + 10 * MINUTE, world.now()) ?? [];
    const west = points('us-west-2', 'shop-orders-usw2');
    const east = points('us-east-1', 'shop-orders-use1');
    expect(west.length + east.length).toBeGreaterThanOrEqual(14);
    const flip = world.operations[0]?.milestones.find((milestone) => milestone.what.startsWith('writer is'))?.at ?? 0;
    expect(west.every((point) => point.t < flip)).toBe(true);
    expect(east.every((point) => point.t >= flip)).toBe(true);
    expect(points('us-east-1', 'shop-orders-usw2')).toEqual([]);
    expect(world.summary().globalClusters).toContainEqual({ id: 'shop-orders', service: 'rds', status: 'available', writerRegion: 'us-west-2', failoverState: undefined, members: 2 });
  });
});
