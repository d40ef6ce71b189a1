// Declaring what a step needs from the runbook alone: a global resource's `regions` hint says which
// regions a move to `to` leaves, and which region a switchover must reach (the only other one).
import { type DeclaredResources, type Dependency, need, regionsLeft, sourceRegion, type StepDependencies } from '../../core/dependencies';
import type { Service } from '../../core/services/catalogue';

/** The `regions` hint of a declared resource, if it has one. */
export function regionsHint(resources: DeclaredResources, name: string): readonly string[] | undefined {
  const resource = resources[name];
  return resource && 'regions' in resource ? resource.regions : undefined;
}

/** Reads asked of the regions in turn until one answers: any one of them is enough. */
export function needAnyOf(service: Service, regions: readonly (string | undefined)[], operations: readonly string[]): Dependency {
  const unique = [...new Set(regions.filter((region): region is string => Boolean(region)))];
  if (unique.length === 0) return need(service, undefined, operations, { role: 'target' });
  return unique.length === 1 ? need(service, unique[0], operations) : need(service, undefined, operations, { anyOf: unique });
}

/** Describing a global resource (Aurora, DocumentDB, ElastiCache): `to` first, then the others of its hint, until one answers. */
export function describeGlobalNeeds(resources: DeclaredResources, name: string, to: string | undefined): Dependency {
  const resource = resources[name];
  const regions = [to, ...(regionsHint(resources, name) ?? [])];
  if (resource?.type === 'elasticache-global') return needAnyOf('elasticache', regions, ['DescribeGlobalReplicationGroups', 'DescribeReplicationGroups']);
  return needAnyOf(resource?.type === 'docdb-global' ? 'docdb' : 'rds', regions, ['DescribeGlobalClusters', 'DescribeDBClusters']);
}

export interface MoveCalls {
  service: Service;
  /** Calls sent to the current primary's region (a switchover); none for a move made without it. */
  source?: readonly string[];
  /** Calls sent to the target region. */
  target: readonly string[];
}

/** A move of a global resource's writer to `to`: what it calls where, and the regions it leaves. */
export function moveDependencies(resources: DeclaredResources, resource: string, to: string, calls: MoveCalls): StepDependencies {
  const regions = regionsHint(resources, resource);
  const needs = [
    ...(calls.source ? [need(calls.service, sourceRegion(regions, to), calls.source, { role: 'source' })] : []),
    need(calls.service, to, calls.target, { role: 'target' }),
    // Replication lag, read just before the cutover in the target's region (the measured RPO).
    need('cloudwatch', to, ['ListMetrics', 'GetMetricData'], { role: 'target' }),
  ];
  return { needs, leaves: regionsLeft(regions, to), leavesSource: true };
}
