// Judging a health check the way Route 53 does (AWS-API.md §5.2): healthy when MORE than 18% of the
// checkers report success, turned around by Inverted, and always healthy while Disabled. GetHealthCheckStatus
// is "for development ... not for high query rates", so callers read it sparingly (every 10 s at most).
import type { HealthCheckView, HealthObservationView } from '../../core/services/route53';
import { DrctlError } from '../../core/errors';
import type { ResourceOf } from '../../core/resources';
import { explained } from '../shared/aws-hints';
import { resourceNamed } from '../shared/resolve';
import type { ActionContext } from '../../core/action';

/** Route 53's published threshold ("might change in future releases"). */
export const HEALTHY_CHECKER_SHARE = 0.18;
/** Defaults Route 53 applies when a health check does not say (RequestInterval 30 s, FailureThreshold 3). */
const DEFAULT_INTERVAL_SECONDS = 30;
const DEFAULT_FAILURE_THRESHOLD = 3;

export interface HealthJudgement {
  healthy: boolean;
  /** Share of checkers reporting success, before inversion (0..1). */
  healthyShare: number;
  healthyCheckers: number;
  totalCheckers: number;
  inverted: boolean;
  disabled: boolean;
  /** For people: "13/16 checkers healthy (81%)" and what inversion or disabling did to it. */
  reason: string;
}

export function judgeHealth(check: HealthCheckView, observations: readonly HealthObservationView[]): HealthJudgement {
  const totalCheckers = observations.length;
  const healthyCheckers = observations.filter((observation) => observation.healthy).length;
  const healthyShare = totalCheckers ? healthyCheckers / totalCheckers : 0;
  const base = { healthyShare, healthyCheckers, totalCheckers, inverted: check.inverted, disabled: check.disabled };
  const counted = `${healthyCheckers}/${totalCheckers} checkers healthy (${Math.round(healthyShare * 100)}%)`;
  if (check.disabled) return { ...base, healthy: true, reason: `${counted}, but disabled: Route 53 treats it as healthy` };
  if (totalCheckers === 0) return { ...base, healthy: false, reason: 'no checker has reported yet' };
  const checkersSayHealthy = healthyShare > HEALTHY_CHECKER_SHARE;
  const healthy = check.inverted ? !checkersSayHealthy : checkersSayHealthy;
  return { ...base, healthy, reason: check.inverted ? `${counted}, inverted` : counted };
}

/** About how long Route 53 takes to change its mind: every checker needs FailureThreshold results in a row. */
export function flipEstimateMs(check: HealthCheckView): number {
  return (check.requestIntervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * (check.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD) * 1_000;
}

export function healthCheckResource(ctx: Pick<ActionContext, 'resources'>, name: string): ResourceOf<'route53-health-check'> {
  return resourceNamed(ctx, name, ['route53-health-check']);
}

export function notFoundHint(resourceName: string, healthCheckId: string) {
  return { 'not-found': `Check healthCheckId "${healthCheckId}" of resource ${resourceName}, and that the credentials are for the account that owns it.` };
}

export async function readHealthCheck(ctx: ActionContext, resourceName: string): Promise<HealthCheckView> {
  const { healthCheckId } = healthCheckResource(ctx, resourceName);
  return explained(`${resourceName}: reading health check ${healthCheckId}`, notFoundHint(resourceName, healthCheckId), () =>
    ctx.ports.route53.getHealthCheck(healthCheckId),
  );
}

/** One GetHealthCheck and one GetHealthCheckStatus: the configuration decides what the checkers mean. */
export async function readHealth(ctx: ActionContext, resourceName: string): Promise<{ check: HealthCheckView; judgement: HealthJudgement }> {
  const check = await readHealthCheck(ctx, resourceName);
  if (check.type === 'CALCULATED') {
    throw new DrctlError(
      'action.health-check-unsupported',
      `${resourceName}: health check ${check.id} is CALCULATED; Route 53 reports no checker status for it`,
      'Watch one of its child health checks instead (declare it as its own route53-health-check resource).',
    );
  }
  const observations = await explained(`${resourceName}: reading status of health check ${check.id}`, notFoundHint(resourceName, check.id), () =>
    ctx.ports.route53.getHealthCheckStatus(check.id),
  );
  return { check, judgement: judgeHealth(check, observations) };
}

export function describeHealth(resourceName: string, judgement: HealthJudgement): string {
  return `${resourceName}: ${judgement.healthy ? 'healthy' : 'unhealthy'} (${judgement.reason})`;
}

export function healthOutputs(judgement: HealthJudgement) {
  return {
    healthy: judgement.healthy,
    healthyShare: Math.round(judgement.healthyShare * 1000) / 1000,
    healthyCheckers: judgement.healthyCheckers,
    totalCheckers: judgement.totalCheckers,
  };
}
