// Rules of a world file that need the whole document: one writer per global cluster, one primary per
// datastore, unique ids, and references (health checks in records, resources and members in faults, the
// data stores an application needs), and each world part's own rules (src/sim/catalogue.ts).
import { WORLD_PARTS } from './catalogue';
import type { WorldSpec } from './world-spec';

export interface SpecProblem {
  path: Array<string | number>;
  message: string;
}

function duplicates(values: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return repeated;
}

export function checkWorldSpec(world: WorldSpec): SpecProblem[] {
  const spec = world.spec;
  const problems: SpecProblem[] = [];
  const members = new Map<string, string[]>();

  for (const family of ['aurora', 'docdb'] as const) {
    spec[family].forEach((global, index) => {
      const writers = global.clusters.filter((cluster) => cluster.writer).length;
      if (writers !== 1) {
        problems.push({ path: ['spec', family, index, 'clusters'], message: `needs exactly one cluster with writer: true (found ${writers})` });
      }
      members.set(global.globalClusterId, global.clusters.map((cluster) => cluster.id));
    });
  }
  spec.elasticache.forEach((datastore, index) => {
    const primaries = datastore.replicationGroups.filter((group) => group.primary).length;
    if (primaries !== 1) {
      const message = `needs exactly one replication group with primary: true (found ${primaries})`;
      problems.push({ path: ['spec', 'elasticache', index, 'replicationGroups'], message });
    }
    members.set(datastore.globalReplicationGroupId, datastore.replicationGroups.map((group) => group.id));
  });

  const clusterKeys = [...spec.aurora, ...spec.docdb].flatMap((global) => global.clusters.map((cluster) => `${cluster.region}/${cluster.id}`));
  const groupKeys = spec.elasticache.flatMap((datastore) => datastore.replicationGroups.map((group) => `${group.region}/${group.id}`));
  const globalIds = [...spec.aurora, ...spec.docdb].map((global) => global.globalClusterId);
  const idSets: Array<[string, string[]]> = [
    ['global cluster / datastore id', [...globalIds, ...spec.elasticache.map((datastore) => datastore.globalReplicationGroupId)]],
    ['DB cluster (region/id)', clusterKeys],
    ['replication group (region/id)', groupKeys],
    ['health check id', spec.healthChecks.map((check) => check.id)],
    ['hosted zone id', spec.hostedZones.map((zone) => zone.id)],
  ];
  for (const [what, values] of idSets) {
    for (const repeated of duplicates(values)) problems.push({ path: ['spec'], message: `${what} "${repeated}" is declared more than once` });
  }

  const checkIds = new Set(spec.healthChecks.map((check) => check.id));
  spec.hostedZones.forEach((zone, zoneIndex) =>
    zone.records.forEach((record, recordIndex) => {
      if (record.healthCheckId && !checkIds.has(record.healthCheckId)) {
        const message = `names no health check declared in spec.healthChecks ("${record.healthCheckId}")`;
        problems.push({ path: ['spec', 'hostedZones', zoneIndex, 'records', recordIndex, 'healthCheckId'], message });
      }
    }),
  );

  for (const part of WORLD_PARTS) problems.push(...(part.check?.(world) ?? []));
  spec.applications.forEach((app, index) =>
    (app.needs ?? []).forEach((id, needIndex) => {
      if (members.has(id)) return;
      const message = `names no global cluster or datastore in this world ("${id}"); known: ${[...members.keys()].join(', ') || 'none'}`;
      problems.push({ path: ['spec', 'applications', index, 'needs', needIndex], message });
    }),
  );

  spec.faults.forEach((fault, index) => {
    if (!('resource' in fault)) return;
    const known = members.get(fault.resource);
    if (!known) {
      const knownIds = [...members.keys()].join(', ') || 'none';
      const message = `names no global cluster or datastore in this world ("${fault.resource}"); known: ${knownIds}`;
      problems.push({ path: ['spec', 'faults', index, 'resource'], message });
    } else if ('member' in fault && fault.member && !known.includes(fault.member)) {
      const message = `is not a member of ${fault.resource} ("${fault.member}"); members: ${known.join(', ')}`;
      problems.push({ path: ['spec', 'faults', index, 'member'], message });
    }
  });
  return problems;
}

