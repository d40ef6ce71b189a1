// route53.wait-healthy, route53.assert-healthy and route53.invert-health-check.
import * as z from 'zod';
import { isAwsError } from '../../aws/aws-error';
import { DrctlError } from '../../core/errors';
import { defineAction } from '../../core/define-action';
import { explained, mutatingCallHints } from '../shared/aws-hints';
import { asRunFailure } from '../shared/resolve';
import type { ActionContext, ActionPlan, EndStateDeclaration, PollResult } from '../../core/action';
import { type DeclaredResources, need, type StepDependencies } from '../../core/dependencies';
import { describeHealth, flipEstimateMs, healthCheckResource, healthOutputs, readHealth, readHealthCheck } from './health';

// Route 53 is global; its API is signed for us-east-1, which is what a planned call shows.
export const ROUTE53_REGION = 'us-east-1';
// GetHealthCheckStatus is not meant for high query rates; checkers report every 10 or 30 s anyway.
const HEALTH_POLL_MS = 10_000;
const HEALTH_OUTPUTS = ['healthy', 'healthyShare', 'healthyCheckers', 'totalCheckers'] as const;
const READ_PERMISSIONS = ['route53:GetHealthCheck', 'route53:GetHealthCheckStatus'];
/** Route 53's management API, hosted in us-east-1: GetHealthCheckStatus goes there too. */
export const healthReadNeeds = (): StepDependencies => ({ needs: [need('route53', ROUTE53_REGION, ['GetHealthCheck', 'GetHealthCheckStatus'])], leaves: [] });

const HealthParams = z.strictObject({
  resource: z.string().min(1).meta({ description: 'The name of a route53-health-check resource.' }),
  expect: z.enum(['healthy', 'unhealthy']).default('healthy').meta({ description: 'The state to wait for or assert.' }),
});
type HealthParams = z.infer<typeof HealthParams>;

interface HealthState {
  resource: string;
  expectHealthy: boolean;
}

async function planHealth(ctx: ActionContext, params: HealthParams, waiting: boolean): Promise<ActionPlan<HealthState>> {
  const { check, judgement } = await readHealth(ctx, params.resource);
  const expectHealthy = params.expect === 'healthy';
  const holds = judgement.healthy === expectHealthy;
  return {
    status: holds ? 'done' : 'ready',
    summary: `${waiting ? 'wait until' : 'assert'} ${params.resource} is ${params.expect}`,
    calls: [],
    observations: [describeHealth(params.resource, judgement)],
    unverifiable: [],
    // Route 53 changes its mind after about interval x threshold, noticed at the next poll.
    estimateMs: holds || !waiting ? 0 : flipEstimateMs(check) + HEALTH_POLL_MS,
    target: { resource: params.resource },
    state: { resource: params.resource, expectHealthy },
  };
}

async function pollHealth(ctx: ActionContext, state: HealthState, asserting: boolean): Promise<PollResult> {
  const { judgement } = await readHealth(ctx, state.resource);
  const observation = describeHealth(state.resource, judgement);
  if (judgement.healthy === state.expectHealthy) return { done: true, observation, outputs: healthOutputs(judgement) };
  if (!asserting) return { done: false, observation };
  throw new DrctlError(
    'action.health-assertion-failed',
    `${state.resource} is ${judgement.healthy ? 'healthy' : 'unhealthy'}, expected ${state.expectHealthy ? 'healthy' : 'unhealthy'} (${judgement.reason})`,
    'Look at the endpoint the health check watches (`drctl health`), or wait for it with route53.wait-healthy instead.',
    asRunFailure,
  );
}

const InvertParams = z.strictObject({
  resource: z.string().min(1).meta({ description: 'The name of a route53-health-check resource.' }),
  inverted: z.boolean().default(true).meta({ description: 'true forces the check unhealthy (DNS fails over); false restores it.' }),
});

/** Inverting a check forces its region's answers out of DNS: that is the region the step leaves. */
function invertDependencies(params: z.infer<typeof InvertParams>, resources: DeclaredResources): StepDependencies {
  const resource = resources[params.resource];
  const watched = resource?.type === 'route53-health-check' ? resource.region : undefined;
  return {
    needs: [need('route53', ROUTE53_REGION, ['GetHealthCheck', 'UpdateHealthCheck'])],
    leaves: params.inverted && watched ? [watched] : [],
  };
}

interface InvertState {
  resource: string;
  healthCheckId: string;
  /** The HealthCheckVersion read by the plan: the update is refused if anyone changed it since. */
  version: number;
  inverted: boolean;
}

async function applyInvert(ctx: ActionContext, state: InvertState): Promise<PollResult> {
  const hints = mutatingCallHints('route53:UpdateHealthCheck', ROUTE53_REGION);
  try {
    const updated = await explained(`${state.resource}: UpdateHealthCheck`, hints, () =>
      ctx.ports.route53.updateHealthCheck(state.healthCheckId, state.version, { inverted: state.inverted }),
    );
    return {
      done: true,
      observation: `${state.resource}: Inverted=${updated.inverted} (version ${updated.version})`,
      outputs: { inverted: updated.inverted, healthCheckVersion: updated.version },
    };
  } catch (error) {
    if (!isAwsError(error, 'version-mismatch')) throw error;
    const now = await readHealthCheck(ctx, state.resource);
    if (now.inverted === state.inverted) {
      return { done: true, observation: `${state.resource}: already Inverted=${now.inverted} (changed by someone else)`, outputs: { inverted: now.inverted, healthCheckVersion: now.version } };
    }
    throw new DrctlError(
      'action.health-check-changed',
      `${state.resource}: health check ${state.healthCheckId} was changed by someone else after drctl read it (version ${state.version}, now ${now.version}); not inverting`,
      'Someone is editing this health check during the run. Agree who is in charge, then run the step again: it re-reads the current version.',
      asRunFailure,
    );
  }
}

/** Route 53's verdict on the check: watched, not changed. */
const verdictEndState: EndStateDeclaration<HealthParams> = {
  expect: (params, ctx) => {
    const { healthCheckId } = healthCheckResource(ctx, params.resource);
    return [{ key: `health-check:${healthCheckId}/verdict`, resource: params.resource, label: `${params.resource} (Route 53's verdict)`, changes: false, value: params.expect }];
  },
  read: async (ctx, params) => {
    const { check, judgement } = await readHealth(ctx, params.resource);
    return [{ key: `health-check:${check.id}/verdict`, value: judgement.healthy ? 'healthy' : 'unhealthy' }];
  },
};

/** The Inverted flag a step set: a change, which a failback must undo. */
const invertedEndState: EndStateDeclaration<z.infer<typeof InvertParams>> = {
  expect: (params, ctx) => {
    const { healthCheckId } = healthCheckResource(ctx, params.resource);
    return [{ key: `health-check:${healthCheckId}/inverted`, resource: params.resource, label: `${params.resource} (health check ${healthCheckId})`, changes: true, value: `Inverted=${params.inverted}` }];
  },
  read: async (ctx, params) => {
    const check = await readHealthCheck(ctx, params.resource);
    return [{ key: `health-check:${check.id}/inverted`, value: `Inverted=${check.inverted}` }];
  },
};

export const healthActions = [
  defineAction({
    uses: 'route53.wait-healthy',
    description: 'Wait until Route 53 judges a health check healthy (or unhealthy, with expect: unhealthy).',
    resourceTypes: ['route53-health-check'],
    params: HealthParams,
    outputs: HEALTH_OUTPUTS,
    mutating: false,
    defaultTimeoutMs: 10 * 60_000,
    pollIntervalMs: HEALTH_POLL_MS,
    permissions: () => READ_PERMISSIONS,
    dependencies: healthReadNeeds,
    plan: (ctx, params) => planHealth(ctx, params, true),
    poll: (ctx, _params, plan) => pollHealth(ctx, plan.state, false),
    endState: verdictEndState,
  }),
  defineAction({
    uses: 'route53.assert-healthy',
    description: 'Fail unless Route 53 judges a health check healthy (or unhealthy, with expect: unhealthy) right now. One read.',
    resourceTypes: ['route53-health-check'],
    params: HealthParams,
    outputs: HEALTH_OUTPUTS,
    mutating: false,
    defaultTimeoutMs: 60_000,
    permissions: () => READ_PERMISSIONS,
    dependencies: healthReadNeeds,
    plan: (ctx, params) => planHealth(ctx, params, false),
    poll: (ctx, _params, plan) => pollHealth(ctx, plan.state, true),
    endState: verdictEndState,
  }),
  defineAction({
    uses: 'route53.invert-health-check',
    description: 'Set Inverted on a health check to force DNS failover (or false to restore), guarded by HealthCheckVersion.',
    resourceTypes: ['route53-health-check'],
    params: InvertParams,
    outputs: ['inverted', 'healthCheckVersion'],
    mutating: true,
    defaultTimeoutMs: 2 * 60_000,
    permissions: () => ['route53:GetHealthCheck', 'route53:UpdateHealthCheck'],
    dependencies: (params, resources) => invertDependencies(params, resources),
    async plan(ctx, params): Promise<ActionPlan<InvertState>> {
      const { healthCheckId } = healthCheckResource(ctx, params.resource);
      const check = await readHealthCheck(ctx, params.resource);
      const state = { resource: params.resource, healthCheckId, version: check.version, inverted: params.inverted };
      const done = check.inverted === params.inverted;
      return {
        status: done ? 'done' : 'ready',
        summary: `set Inverted=${params.inverted} on ${params.resource} (${healthCheckId})`,
        calls: done
          ? []
          : [{ service: 'route53', region: ROUTE53_REGION, operation: 'UpdateHealthCheck', params: { HealthCheckId: healthCheckId, HealthCheckVersion: check.version, Inverted: params.inverted } }],
        observations: [
          `${params.resource}: Inverted=${check.inverted}, Disabled=${check.disabled}, version ${check.version}`,
          ...(check.disabled ? [`WARNING ${params.resource} is disabled: Route 53 treats it as healthy whatever Inverted says`] : []),
        ],
        unverifiable: done
          ? []
          : [`when traffic moves: Route 53 acts on it after about ${Math.round(flipEstimateMs(check) / 1000)} s plus the record TTL; follow with route53.wait-healthy`],
        estimateMs: done ? 0 : 1_000,
        target: { resource: params.resource, operation: params.inverted ? 'invert' : 'restore' },
        state,
      };
    },
    apply: (ctx, _params, plan) => applyInvert(ctx, plan.state),
    endState: invertedEndState,
  }),
];
