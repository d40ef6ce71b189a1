// A run resumed under --sim meets a new simulator: it starts from what the journal says the run left.
import { describe, expect, it } from 'vitest';
import { worldLeftBy } from '../../src/sim/world-resume';
import { SHOP_RESOURCES, shopWorld } from '../helpers/shop-world';

describe('the world a resumed run starts from', () => {
  it('has the writers a finished step moved in their target region, and the inverted checks inverted', () => {
    const world = worldLeftBy(shopWorld(), SHOP_RESOURCES, { movedTo: { 'orders-db': 'us-west-2', sessions: 'us-west-2' }, inverted: { 'api-east': true } });
    const writerOf = (id: string) => world.spec.aurora.find((global) => global.globalClusterId === id)?.clusters.find((cluster) => cluster.writer)?.region;
    expect(writerOf('shop-orders')).toBe('us-west-2');
    expect(world.spec.docdb[0]?.clusters.find((cluster) => cluster.writer)?.region).toBe('us-east-1');
    expect(world.spec.elasticache[0]?.replicationGroups.find((group) => group.primary)?.region).toBe('us-west-2');
    expect(world.spec.healthChecks.find((check) => check.id === 'hc-east')?.inverted).toBe(true);
    // The world it was made from is untouched.
    expect(shopWorld().spec.aurora[0]?.clusters.find((cluster) => cluster.writer)?.region).toBe('us-east-1');
  });
});
