// Hundreds of stores polled at once: one lookup by id (a cluster, a replication group, a metric series)
// must not walk every cluster or group of the world, or a plan over N stores costs N^2.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/sim/clock';
import { createWorld } from '../../src/sim/world';
import { generateWorld } from '../../src/sim/world-generate';
import type { Resource } from '../../src/runbook/schema';

const STORES = 300;

function bigWorld() {
  const resources: Record<string, Resource> = {};
  for (let index = 0; index < STORES; index++) {
    resources[`db-${index}`] = { type: 'aurora-global', globalClusterId: `orders-${index}` };
    resources[`cache-${index}`] = { type: 'elasticache-global', globalReplicationGroupId: `ldgnf-cache-${index}` };
  }
  const world = createWorld(generateWorld(resources, { seed: 1 }), new ManualClock());
  // Every walk over all clusters or all groups goes through these iterators.
  let walked = 0;
  for (const map of [world.globalClusters.clusters, world.datastores.groups] as Map<string, unknown>[]) {
    const values = map.values.bind(map);
    map.values = () => {
      walked++;
      return values();
    };
  }
  return { world, walked: () => walked };
}

describe('simulator lookups at scale', () => {
  it('finds a cluster, a group and their lag series without walking the whole world', () => {
    const { world, walked } = bigWorld();
    const cluster = [...world.globalClusters.globals.get('orders-7')!.members].find((member) => !member.isWriter)!;
    const secondary = world.globalClusters.clusterByArn(cluster.clusterArn);
    const group = [...world.datastores.datastore('ldgnf-cache-7').members].find((member) => member.role === 'SECONDARY')!;
    const before = walked();
    expect(world.globalClusters.cluster(secondary.id, secondary.region).arn).toBe(secondary.arn);
    expect(world.datastores.group(group.region, group.replicationGroupId).id).toBe(group.replicationGroupId);
    expect(world.metrics.find(secondary.region, 'AWS/RDS', 'AuroraGlobalDBReplicationLag', { DBClusterIdentifier: secondary.id })).toBeDefined();
    expect(world.metrics.find(group.region, 'AWS/ElastiCache', 'GlobalDatastoreReplicationLag', { CacheClusterId: `${group.replicationGroupId}-001` })).toBeDefined();
    expect(walked() - before).toBe(0);
  });

  it('still lists a region in creation order', () => {
    const { world } = bigWorld();
    const ids = world.globalClusters.clustersIn('us-east-1').map((cluster) => cluster.id);
    expect(ids).toHaveLength(STORES);
    expect(world.datastores.groupsIn('us-west-2')).toHaveLength(STORES);
    expect(ids.slice(0, 2)).toEqual([...world.globalClusters.clusters.values()].filter((cluster) => cluster.region === 'us-east-1').slice(0, 2).map((cluster) => cluster.id));
  });
});
