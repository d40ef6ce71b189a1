// `drctl health`: each Route 53 health check judged exactly as the `healthy` check and the route53
// actions judge it (judgeHealth: more than 18% of checkers healthy, Inverted and Disabled accounted),
// with what each checker region saw and when it last changed. One GetHealthCheck and one
// GetHealthCheckStatus per check and refresh: Route 53 does not want that call at high rates.
import { judgeHealth, readHealthCheck, type HealthJudgement } from '../actions/route53/health';
import type { ActionContext } from '../core/action';
import { isAwsError } from '../aws/aws-error';
import type { HealthCheckView, HealthObservationView } from '../core/services/route53';
import { DrctlError, ExitCode } from '../core/errors';
import { notFoundError } from './not-found';
import { readContext, type ReadDeps } from './read-context';
import { healthCheckResources } from './targets';

export interface CheckerRegion {
  region: string;
  healthy: number;
  total: number;
  /** The newest report from this region, and when it was made. */
  status: string;
  checkedAt?: number;
}

export interface LastChange {
  at: number;
  /** disagreeing: the newest report that differs from the rest; newest-check: all agree, as of then; seen: drctl saw the verdict flip. */
  basis: 'disagreeing' | 'newest-check' | 'seen';
}

export interface HealthCheckReport {
  id: string;
  type: string;
  endpoint?: string;
  requestIntervalSeconds?: number;
  failureThreshold?: number;
  judgement: HealthJudgement;
  regions: CheckerRegion[];
  lastChange?: LastChange;
}

const time = (observation: HealthObservationView) => observation.checkedAt?.getTime() ?? 0;

/** The newest report that disagrees with the others (a change under way), or else the newest report. */
export function lastChangeOf(observations: readonly HealthObservationView[]): LastChange | undefined {
  const healthy = observations.filter((observation) => observation.healthy);
  const unhealthy = observations.filter((observation) => !observation.healthy);
  const minority = healthy.length && unhealthy.length ? (healthy.length <= unhealthy.length ? healthy : unhealthy) : [];
  const newest = (list: readonly HealthObservationView[]) => Math.max(0, ...list.map(time));
  if (minority.length && newest(minority) > 0) return { at: newest(minority), basis: 'disagreeing' };
  const at = newest(observations);
  return at > 0 ? { at, basis: 'newest-check' } : undefined;
}

export function checkerRegions(observations: readonly HealthObservationView[]): CheckerRegion[] {
  const byRegion = new Map<string, HealthObservationView[]>();
  for (const observation of observations) byRegion.set(observation.region, [...(byRegion.get(observation.region) ?? []), observation]);
  return [...byRegion.entries()].map(([region, list]) => {
    const newest = [...list].sort((a, b) => time(b) - time(a))[0];
    return {
      region,
      healthy: list.filter((observation) => observation.healthy).length,
      total: list.length,
      status: newest?.status ?? '',
      ...(newest?.checkedAt ? { checkedAt: newest.checkedAt.getTime() } : {}),
    };
  });
}

function calculated(check: HealthCheckView): DrctlError {
  return new DrctlError('health.calculated', `health check ${check.id} is CALCULATED: Route 53 reports no checker status for it`, 'Ask for its child health checks instead (GetHealthCheck lists them as ChildHealthChecks).', {
    exitCode: ExitCode.invalidInput,
  });
}

async function readOne(ctx: ActionContext, id: string): Promise<HealthCheckReport> {
  const check = await readHealthCheck(ctx, id);
  if (check.type === 'CALCULATED') throw calculated(check);
  const observations = await ctx.ports.route53.getHealthCheckStatus(check.id);
  const lastChange = lastChangeOf(observations);
  return {
    id: check.id,
    type: check.type,
    ...(check.fqdn ?? check.ipAddress ? { endpoint: check.fqdn ?? check.ipAddress } : {}),
    requestIntervalSeconds: check.requestIntervalSeconds,
    failureThreshold: check.failureThreshold,
    judgement: judgeHealth(check, observations),
    regions: checkerRegions(observations),
    ...(lastChange ? { lastChange } : {}),
  };
}

/** Reads every check; an unknown id is an error that names it (exit 2). */
export async function readHealthChecks(deps: ReadDeps, ids: readonly string[]): Promise<HealthCheckReport[]> {
  const resources = healthCheckResources(ids);
  const ctx = readContext(deps, resources, []);
  return Promise.all(
    ids.map(async (id) => {
      try {
        return await readOne(ctx, id);
      } catch (error) {
        const resource = resources[id];
        if (isAwsError(error, 'not-found') && resource) throw await notFoundError('health', deps.ports, id, resource, [], error);
        throw error;
      }
    }),
  );
}

/** Under --watch: a verdict that flipped since the last refresh is the best "last change" there is. */
export function carryLastChange(previous: readonly HealthCheckReport[] | undefined, next: HealthCheckReport[], now: number, seen: Map<string, number>): HealthCheckReport[] {
  return next.map((report) => {
    const before = previous?.find((candidate) => candidate.id === report.id);
    if (before && before.judgement.healthy !== report.judgement.healthy) seen.set(report.id, now);
    const flipped = seen.get(report.id);
    return flipped === undefined ? report : { ...report, lastChange: { at: flipped, basis: 'seen' } };
  });
}
