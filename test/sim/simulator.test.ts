// The simulator as drctl and the benchmark use it: a virtual clock shared with the client, or the wall
// clock of a served world with its spans shortened; request counts per resource; lag metrics that follow the roles.
import { DescribeGlobalClustersCommand, SwitchoverGlobalClusterCommand } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_TIME_SCALE, ManualClock, startSimulator, VirtualClock } from '../../src/sim/index';
import { advance, clients, manualWorld, MINUTE, ORDERS_WEST, START } from './helpers';
import { shopWorld } from '../helpers/shop-world';

describe('startSimulator', () => {
  it('runs a switchover to completion while a client polls on the shared virtual clock: noticed at the first poll after it', async () => {
    const clock = new VirtualClock({ start: START });
    const sim = await startSimulator({ world: shopWorld(), clock });
    try {
      const { rds } = clients(sim.endpoint, 'us-east-1');
      await rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST }));
      let noticedAt = 0;
      let polls = 0;
      for (; polls < 200 && !noticedAt; polls++) {
        await sim.clock.sleep(5_000);
        const out = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
        if (!out.GlobalClusters?.[0]?.FailoverState) noticedAt = sim.clock.now();
      }
      const operation = sim.world.operations[0];
      expect(operation?.outcome).toBe('completed');
      // Time stood still during each call: the poll that saw it done is the first one at or after completion.
      expect(noticedAt).toBe(START + Math.ceil(((operation?.completedAt ?? 0) - START) / 5_000) * 5_000);
      expect((operation?.completedAt ?? 0) - (operation?.requestedAt ?? 0)).toBeLessThanOrEqual(90_000);
      expect(sim.world.requestCount('rds', 'us-east-1', 'DescribeGlobalClusters', 'shop-orders')).toBe(polls);
      expect(sim.world.requestCounts()).toContainEqual({ service: 'rds', region: 'us-east-1', operation: 'SwitchoverGlobalCluster', resource: 'shop-orders', count: 1 });
      expect(sim.world.writerOf('shop-orders')?.region).toBe('us-west-2');
    } finally {
      clock.close();
      await sim.close();
    }
  });

  it('serves on the wall clock by default, its spans 30 times shorter than declared', async () => {
    const before = Date.now();
    const sim = await startSimulator({ world: shopWorld() });
    try {
      const after = Date.now();
      expect(sim.timeScale).toBe(DEFAULT_SIM_TIME_SCALE);
      expect(sim.clock.now()).toBeGreaterThanOrEqual(before);
      expect(sim.clock.now()).toBeLessThanOrEqual(after + 1_000);
      expect(sim.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sim.close();
    }
  });

  it('shortens every span by the time scale: a 60-90 s switchover is over within 3 s at x30', async () => {
    const clock = new ManualClock(START);
    const sim = await startSimulator({ world: shopWorld(), clock, timeScale: 30 });
    try {
      sim.world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST });
      await clock.advance(1_900);
      expect(sim.world.writerOf('shop-orders')?.region).toBe('us-east-1');
      await clock.advance(1_100);
      expect(sim.world.writerOf('shop-orders')?.region).toBe('us-west-2');
      const operation = sim.world.operations[0];
      expect((operation?.completedAt ?? 0) - (operation?.requestedAt ?? 0)).toBeGreaterThanOrEqual(2_000);
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
