// Aurora / DocumentDB state machines on a manual clock: every phase, at the simulated time it happens.
import { describe, expect, it } from 'vitest';
import type { SimWorld } from '../../src/sim/world';
import { advance, CATALOG_WEST, manualWorld, MINUTE, ORDERS_EAST, ORDERS_WEST, SECOND, START } from './helpers';

function view(world: SimWorld, id = 'shop-orders') {
  world.settle();
  const global = world.globalClusters.global(id);
  return {
    status: global.status,
    failover: global.failoverState?.status,
    writer: world.writerOf(id)?.clusterId,
    sync: Object.fromEntries(global.members.map((member) => [member.clusterArn.split(':').at(-1), member.synchronizationStatus])),
  };
}

/** Every distinct view as simulated time passes, second by second. */
async function timeline(world: SimWorld, clock: Parameters<typeof advance>[0], seconds: number, id?: string) {
  const seen: Array<ReturnType<typeof view>> = [];
  for (let s = 0; s <= seconds; s++) {
    const current = view(world, id);
    if (JSON.stringify(current) !== JSON.stringify(seen.at(-1))) seen.push(current);
    await advance(clock, world, SECOND);
  }
  return seen;
}

describe('Aurora switchover', () => {
  it('goes pending -> switching-over -> writer flips -> members connected -> cleared, in 60-90 s', async () => {
    const { world, clock } = manualWorld();
    world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST });
    const phases = await timeline(world, clock, 100);
    expect(phases.map((phase) => [phase.failover ?? 'cleared', phase.writer])).toEqual([
      ['pending', 'shop-orders-use1'],
      ['switching-over', 'shop-orders-use1'],
      ['switching-over', 'shop-orders-usw2'],
      ['switching-over', 'shop-orders-usw2'],
      ['cleared', 'shop-orders-usw2'],
    ]);
    expect(phases[2]?.sync['shop-orders-use1']).toBe('pending-resync');
    expect(phases[3]?.sync['shop-orders-use1']).toBe('connected');
    expect(phases[4]?.status).toBe('available');
    const operation = world.operations[0];
    expect(operation?.outcome).toBe('completed');
    const took = (operation?.completedAt ?? 0) - START;
    expect(took).toBeGreaterThanOrEqual(60 * SECOND);
    expect(took).toBeLessThanOrEqual(90 * SECOND);
    expect(operation?.milestones.map((milestone) => milestone.what)).toEqual([
      'accepted', 'switching-over', 'writer is shop-orders-usw2 in us-west-2', 'members connected', 'completed',
    ]);
  });

  it('records the exact completion time however late the world is looked at', async () => {
    const { world, clock } = manualWorld();
    world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST });
    await advance(clock, world, 30 * MINUTE);
    const completedAt = world.operations[0]?.completedAt ?? 0;
    expect(completedAt - START).toBeLessThanOrEqual(90 * SECOND);
    const milestones = world.operations[0]?.milestones.map((milestone) => milestone.at) ?? [];
    expect([...milestones].sort((a, b) => a - b)).toEqual(milestones);
  });

  it('draws durations with the seed: the same world replays the same timings', async () => {
    const run = async () => {
      const { world, clock } = manualWorld();
      world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST });
      await advance(clock, world, 5 * MINUTE);
      return world.operations[0]?.completedAt;
    };
    expect(await run()).toBe(await run());
  });
});

describe('Aurora failover (AllowDataLoss)', () => {
  it('fails over in 45-60 s; the old primary is pending-resync for minutes, then connected', async () => {
    const { world, clock } = manualWorld();
    world.transitions.failover({ region: 'us-west-2', operation: 'FailoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST, allowDataLoss: true });
    expect(view(world).failover).toBe('pending');
    expect(world.globalClusters.global('shop-orders').failoverState).toMatchObject({ fromClusterArn: ORDERS_EAST, isDataLossAllowed: true });
    await advance(clock, world, 5 * SECOND);
    expect(view(world)).toMatchObject({ status: 'failing-over', failover: 'failing-over', writer: 'shop-orders-use1' });
    await advance(clock, world, 55 * SECOND);
    expect(view(world)).toMatchObject({ status: 'available', failover: undefined, writer: 'shop-orders-usw2' });
    expect(view(world).sync['shop-orders-use1']).toBe('pending-resync');
    const completed = (world.operations[0]?.completedAt ?? 0) - START;
    expect(completed).toBeGreaterThanOrEqual(45 * SECOND);
    expect(completed).toBeLessThanOrEqual(60 * SECOND);
    await advance(clock, world, 7 * MINUTE);
    expect(view(world).sync['shop-orders-use1']).toBe('connected');
  });

  it('keeps the old primary pending-resync while its region is out, and resyncs after it returns', async () => {
    const { world, clock } = manualWorld([{ type: 'region-outage', region: 'us-east-1', for: '20m' }]);
    world.transitions.failover({ region: 'us-west-2', operation: 'FailoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST, allowDataLoss: true });
    await advance(clock, world, 19 * MINUTE);
    expect(view(world)).toMatchObject({ writer: 'shop-orders-usw2', failover: undefined });
    expect(view(world).sync['shop-orders-use1']).toBe('pending-resync');
    await advance(clock, world, 8 * MINUTE);
    expect(view(world).sync['shop-orders-use1']).toBe('connected');
  });
});

describe('validation', () => {
  const { world } = manualWorld();
  const call = (overrides: Partial<Parameters<typeof world.transitions.failover>[0]>) => () =>
    world.transitions.failover({ region: 'us-east-1', operation: 'FailoverGlobalCluster', globalClusterId: 'shop-orders', target: ORDERS_WEST, ...overrides });

  it('answers like AWS', () => {
    expect(call({ allowDataLoss: true, switchover: true })).toThrow(expect.objectContaining({ code: 'InvalidParameterCombination', httpStatus: 400 }));
    expect(call({ globalClusterId: 'nope' })).toThrow(expect.objectContaining({ code: 'GlobalClusterNotFoundFault', httpStatus: 404 }));
    expect(call({ target: 'arn:aws:rds:us-west-2:123456789012:cluster:nope' })).toThrow(expect.objectContaining({ code: 'DBClusterNotFoundFault', httpStatus: 404 }));
    expect(call({ target: CATALOG_WEST })).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }));
    expect(call({ target: ORDERS_EAST })).toThrow(expect.objectContaining({ code: 'InvalidParameterValue', message: expect.stringContaining('already the primary') }));
    expect(call({ target: 'shop-orders-usw2', region: 'us-west-2' })).not.toThrow();
    expect(call({})).toThrow(expect.objectContaining({ code: 'InvalidGlobalClusterStateFault' }));
  });
});

describe('RemoveFromGlobalCluster', () => {
  it('promotes the detached member to a standalone writer after 30-60 s', async () => {
    const { world, clock } = manualWorld();
    world.transitions.remove({ region: 'us-west-2', globalClusterId: 'shop-orders', cluster: ORDERS_WEST });
    expect(world.globalClusters.clusterByArn(ORDERS_WEST).status).toBe('promoting');
    expect(view(world).status).toBe('modifying');
    await advance(clock, world, 61 * SECOND);
    const cluster = world.globalClusters.clusterByArn(ORDERS_WEST);
    expect(cluster).toMatchObject({ status: 'available', globalClusterId: undefined });
    expect(world.globalClusters.global('shop-orders').members.map((member) => member.clusterArn)).toEqual([ORDERS_EAST]);
    expect(world.operations[0]?.outcome).toBe('completed');
  });

  it('refuses to remove the primary while secondaries remain, and non-members', () => {
    const { world } = manualWorld();
    expect(() => world.transitions.remove({ region: 'us-east-1', globalClusterId: 'shop-orders', cluster: ORDERS_EAST })).toThrow(
      expect.objectContaining({ code: 'InvalidGlobalClusterStateFault' }),
    );
    expect(() => world.transitions.remove({ region: 'us-west-2', globalClusterId: 'shop-orders', cluster: CATALOG_WEST })).toThrow(
      expect.objectContaining({ code: 'DBClusterNotFoundFault' }),
    );
  });
});

describe('DocumentDB', () => {
  it('switches over in about three minutes and fails over in about one', async () => {
    const { world, clock } = manualWorld();
    world.transitions.failover({ region: 'us-east-1', operation: 'SwitchoverGlobalCluster', globalClusterId: 'shop-catalog', target: CATALOG_WEST });
    await advance(clock, world, 140 * SECOND);
    expect(view(world, 'shop-catalog').failover).toBe('switching-over');
    await advance(clock, world, 80 * SECOND);
    expect(view(world, 'shop-catalog')).toMatchObject({ failover: undefined, writer: 'shop-catalog-usw2' });
    const back = 'arn:aws:rds:us-east-1:123456789012:cluster:shop-catalog-use1';
    world.transitions.failover({ region: 'us-east-1', operation: 'FailoverGlobalCluster', globalClusterId: 'shop-catalog', target: back, allowDataLoss: true });
    await advance(clock, world, 71 * SECOND);
    expect(view(world, 'shop-catalog')).toMatchObject({ failover: undefined, writer: 'shop-catalog-use1' });
    const failover = world.operations[1];
    expect((failover?.completedAt ?? 0) - (failover?.requestedAt ?? 0)).toBeGreaterThanOrEqual(50 * SECOND);
  });
});
