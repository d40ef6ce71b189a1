// ElastiCache global datastore state machines on a manual clock.
import { describe, expect, it } from 'vitest';
import { advance, manualWorld, SECOND, START } from './helpers';

const ID = 'ldgnf-shop-sessions';

describe('ElastiCache failover', () => {
  it('is modifying, swaps roles, then is available after 45-60 s', async () => {
    const { world, clock } = manualWorld();
    world.datastores.failover({ region: 'us-west-2', id: ID, newPrimaryRegion: 'us-west-2', newPrimaryGroupId: 'shop-sessions-usw2' });
    const datastore = world.datastores.datastore(ID);
    expect(datastore.status).toBe('modifying');
    expect(world.datastores.group('us-west-2', 'shop-sessions-usw2').status).toBe('modifying');
    await advance(clock, world, 35 * SECOND);
    expect(world.primaryOf(ID)?.region).toBe('us-east-1');
    await advance(clock, world, 25 * SECOND);
    expect(datastore.status).toBe('available');
    expect(world.primaryOf(ID)).toEqual({ replicationGroupId: 'shop-sessions-usw2', region: 'us-west-2' });
    expect(datastore.members.find((member) => member.region === 'us-east-1')?.role).toBe('SECONDARY');
    const took = (world.operations[0]?.completedAt ?? 0) - START;
    expect(took).toBeGreaterThanOrEqual(45 * SECOND);
    expect(took).toBeLessThanOrEqual(60 * SECOND);
  });

  it('refuses while modifying, and a target that is already primary', () => {
    const { world } = manualWorld();
    expect(() => world.datastores.failover({ region: 'us-east-1', id: ID, newPrimaryRegion: 'us-east-1', newPrimaryGroupId: 'shop-sessions-use1' })).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
    world.datastores.failover({ region: 'us-west-2', id: ID, newPrimaryRegion: 'us-west-2', newPrimaryGroupId: 'shop-sessions-usw2' });
    expect(() => world.datastores.failover({ region: 'us-west-2', id: ID, newPrimaryRegion: 'us-west-2', newPrimaryGroupId: 'shop-sessions-usw2' })).toThrow(
      expect.objectContaining({ code: 'InvalidGlobalReplicationGroupState', message: 'The Global datastore is not available or in primary-only state' }),
    );
  });
});

describe('ElastiCache disassociate', () => {
  it('lets the secondary go and leaves the datastore primary-only', async () => {
    const { world, clock } = manualWorld();
    world.datastores.disassociate({ region: 'us-east-1', id: ID, groupId: 'shop-sessions-usw2', groupRegion: 'us-west-2' });
    const datastore = world.datastores.datastore(ID);
    expect(datastore.status).toBe('modifying');
    expect(datastore.members.find((member) => member.region === 'us-west-2')?.status).toBe('disassociating');
    await advance(clock, world, 51 * SECOND);
    expect(datastore.status).toBe('primary-only');
    expect(datastore.members.map((member) => member.replicationGroupId)).toEqual(['shop-sessions-use1']);
    expect(world.datastores.group('us-west-2', 'shop-sessions-usw2').globalDatastoreId).toBeUndefined();
    expect(() => world.datastores.failover({ region: 'us-east-1', id: ID, newPrimaryRegion: 'us-east-1', newPrimaryGroupId: 'shop-sessions-use1' })).toThrow(
      expect.objectContaining({ code: 'InvalidGlobalReplicationGroupState' }),
    );
  });

  it('refuses to disassociate the primary', () => {
    const { world } = manualWorld();
    expect(() => world.datastores.disassociate({ region: 'us-east-1', id: ID, groupId: 'shop-sessions-use1', groupRegion: 'us-east-1' })).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
  });
});
