// What a step or a preflight check needs from AWS to do its work: which service, in which region, on which
// plane. A failover must not depend on the region it leaves (DESIGN.md, "Static stability"): `plan` shows
// these per step and warns, `run` refuses in unplanned mode, `validate` says what it can know statically.
// Actions declare them from their parameters and the runbook's resources alone (no AWS call), so they are
// known before anything is read.
import type { Resource } from './resources';
import { serviceContract, type Service } from './services/catalogue';

/** control: the management API (create, change, describe); data: what keeps serving in an impairment. */
export type Plane = 'control' | 'data';

export interface Dependency {
  service: Service;
  plane: Plane;
  /** The region the calls go to; absent when only live state can say (see `role`). */
  region?: string;
  /**
   * source: the current writer's or primary's region, the one a failover leaves (a switchover is sent
   * there); target: the region the step moves to.
   */
  role?: 'source' | 'target';
  /** Any one of these regions is enough (ARC's five cluster endpoints): the step needs no single region. */
  anyOf?: readonly string[];
  /** The API operations it calls there, for people. */
  operations: readonly string[];
}

export interface StepDependencies {
  needs: readonly Dependency[];
  /** Regions this step moves writers or traffic away from, as far as the runbook says. */
  leaves: readonly string[];
  /** It also leaves its resource's current writer or primary, which only live state names. */
  leavesSource?: boolean;
}

export const NO_DEPENDENCIES: StepDependencies = { needs: [], leaves: [] };

/** The runbook's resources, which dependencies are declared against. */
export type DeclaredResources = Readonly<Record<string, Resource>>;

/** A need of `service` in `region` (its plane from the service catalogue). */
export function need(service: Service, region: string | undefined, operations: readonly string[], extra: Pick<Dependency, 'role' | 'anyOf'> = {}): Dependency {
  return { service, plane: serviceContract(service).plane, ...(region === undefined ? {} : { region }), operations, ...extra };
}

/**
 * The regions a move to `to` leaves, given the resource's `regions` hint: every other member region
 * (with two regions, exactly the old primary). Without a hint, only live state knows.
 */
export function regionsLeft(regions: readonly string[] | undefined, to: string | undefined): string[] {
  return (regions ?? []).filter((region) => region !== to);
}

/** Where a global resource's current writer is, when its `regions` hint leaves one candidate only. */
export function sourceRegion(regions: readonly string[] | undefined, to: string | undefined): string | undefined {
  const others = regionsLeft(regions, to);
  return others.length === 1 ? others[0] : undefined;
}

/** The region a dependency names, for people: "us-west-2", "the current primary's region", "any 1 of 5: ...". */
export function dependencyWhere(dependency: Dependency): string {
  if (dependency.anyOf && dependency.anyOf.length > 0) return `any 1 of ${dependency.anyOf.length}: ${dependency.anyOf.join(', ')}`;
  if (dependency.region) return dependency.region;
  return dependency.role === 'source' ? "the current primary's region" : dependency.role === 'target' ? 'the target region' : 'unknown';
}
