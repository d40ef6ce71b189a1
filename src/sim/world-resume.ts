// A run resumed under --sim gets a new simulator (each process starts its own), so it starts from the
// state its journal says the run left: every writer or primary a finished step moved is in its target
// region, and every health check a finished step inverted is inverted. Without this a resumed failover
// would meet its data stores back home, and nothing that waits for the application could ever succeed.
import type { Resource } from '../core/resources';
import type { WorldSpec } from './world-spec';

export interface LeftByRun {
  /** Runbook resource name -> the region its writer (primary) was moved to. */
  movedTo: Record<string, string>;
  /** Runbook resource name -> the Inverted a finished step set on the health check. */
  inverted: Record<string, boolean>;
}

export function worldLeftBy(world: WorldSpec, resources: Readonly<Record<string, Resource>>, left: LeftByRun): WorldSpec {
  const spec = structuredClone(world.spec);
  for (const [name, region] of Object.entries(left.movedTo)) {
    const resource = resources[name];
    if (resource?.type === 'aurora-global' || resource?.type === 'docdb-global') {
      const global = spec[resource.type === 'aurora-global' ? 'aurora' : 'docdb'].find((candidate) => candidate.globalClusterId === resource.globalClusterId);
      if (global?.clusters.some((cluster) => cluster.region === region)) for (const cluster of global.clusters) cluster.writer = cluster.region === region;
    }
    if (resource?.type === 'elasticache-global') {
      const datastore = spec.elasticache.find((candidate) => candidate.globalReplicationGroupId === resource.globalReplicationGroupId);
      if (datastore?.replicationGroups.some((group) => group.region === region)) for (const group of datastore.replicationGroups) group.primary = group.region === region;
    }
  }
  for (const [name, inverted] of Object.entries(left.inverted)) {
    const resource = resources[name];
    const check = resource?.type === 'route53-health-check' ? spec.healthChecks.find((candidate) => candidate.id === resource.healthCheckId) : undefined;
    if (check) check.inverted = inverted;
  }
  return { ...world, spec };
}
