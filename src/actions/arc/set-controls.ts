// arc.set-routing-controls: set routing controls On and Off in one UpdateRoutingControlStates transaction
// (AWS's failover move: one Off, the other On, atomically), through the first cluster endpoint that
// answers, then read the states back. A safety rule that blocks the change is reported with its ARN and
// what AWS says it requires; it is overridden only when the step names it in `overrideSafetyRules`.
import * as z from 'zod';
import { isAwsError } from '../../aws/aws-error';
import { DrctlError } from '../../core/errors';
import { defineAction } from '../../core/define-action';
import type { ActionContext, ActionPlan, PollResult } from '../../core/action';
import type { DeclaredResources, StepDependencies } from '../../core/dependencies';
import { explained, mutatingCallHints } from '../shared/aws-hints';
import { asRunFailure } from '../shared/resolve';
import { routingControlsEndState } from './end-state';
import { answeredBy, clusterNeeds, controlSet, ControlStates, type ControlSet, describeStates, readStates, stillToChange } from './controls';

export const SetParams = z.strictObject({
  ...ControlStates,
  overrideSafetyRules: z
    .array(z.string().regex(/\/safetyrule\//, { message: 'is not a safety rule ARN (…:controlpanel/<id>/safetyrule/<id>)' }))
    .default([])
    .meta({ description: 'Safety rules to override, by ARN. drctl never overrides a rule the runbook does not name.' }),
});
type SetParams = z.infer<typeof SetParams>;

interface SetState {
  set: ControlSet;
}

// Route 53's checkers follow a RECOVERY_CONTROL check's control within seconds; resolvers then keep the
// old answer up to the record's TTL (AWS advises 60 to 120 s for records behind routing controls).
const SET_ESTIMATE_MS = 5_000;
const SAFETY_RULE_ARN = /arn:aws[\w-]*:route53-recovery-control::\d*:controlpanel\/[^\s"'/]+\/safetyrule\/[^\s"',.):]+/;

/** Turning a control Off keeps its region's traffic out: that is the region the step leaves. */
export function setDependencies(params: SetParams, resources: DeclaredResources): StepDependencies {
  const leaves = params.off.flatMap((name) => {
    const resource = resources[name];
    return resource?.type === 'arc-routing-control' && resource.region ? [resource.region] : [];
  });
  return { needs: [clusterNeeds(resources, [...params.on, ...params.off], ['GetRoutingControlState', 'UpdateRoutingControlStates'])], leaves };
}

async function plan(ctx: ActionContext, params: SetParams): Promise<ActionPlan<SetState>> {
  const set = controlSet(ctx, params);
  const answer = await readStates(ctx, set);
  const changes = stillToChange(set, answer.value);
  const entries = changes.map((control) => ({ RoutingControlArn: control.arn, RoutingControlState: control.want }));
  const regions = set.endpoints.map((endpoint) => endpoint.region);
  return {
    status: changes.length ? 'ready' : 'done',
    summary: `set ${set.controls.map((control) => `${control.name} ${control.want}`).join(', ')} (cluster ${set.cluster})`,
    calls: changes.length
      ? [{ service: 'arc', region: `any of ${regions.join(', ')}`, operation: 'UpdateRoutingControlStates', params: { UpdateRoutingControlStateEntries: entries, ...(params.overrideSafetyRules.length ? { SafetyRulesToOverride: params.overrideSafetyRules } : {}) } }]
      : [],
    observations: [`now: ${describeStates(set, answer.value)} (${answeredBy(answer)})`],
    unverifiable: changes.length ? ['whether a safety rule allows the change: ARC decides when it is made', 'when clients follow: resolvers keep the old answer up to the TTL of the records behind these controls'] : [],
    estimateMs: changes.length ? SET_ESTIMATE_MS : 0,
    target: { resource: set.controls.map((control) => control.name).join(','), operation: 'set-routing-controls' },
    state: { set },
  };
}

async function apply(ctx: ActionContext, params: SetParams, state: SetState): Promise<PollResult> {
  const updates = state.set.controls.flatMap((control) => (control.want ? [{ arn: control.arn, state: control.want }] : []));
  const hints = mutatingCallHints('route53-recovery-cluster:UpdateRoutingControlStates', 'the cluster endpoints');
  try {
    const answer = await explained(`${state.set.cluster}: UpdateRoutingControlStates`, hints, () =>
      ctx.ports.arc.updateRoutingControlStates(state.set.endpoints, updates, params.overrideSafetyRules),
    );
    ctx.observe(`${updates.map((update) => `${update.arn.split('/').pop()} ${update.state}`).join(', ')}: ${answeredBy(answer)}`, {
      answeredBy: answer.answeredBy.region,
      endpointsTried: answer.failed.length + 1,
    });
    return { done: false, outputs: { answeredBy: answer.answeredBy.region, endpointsTried: answer.failed.length + 1 } };
  } catch (error) {
    throw safetyRuleBlock(error) ?? error;
  }
}

/** A refusal that names a safety rule, said with the rule and the way to override it; undefined otherwise. */
export function safetyRuleBlock(error: unknown): DrctlError | undefined {
  if (!isAwsError(error) || !['invalid-state', 'invalid-request'].includes(error.details.kind)) return undefined;
  const said = [error.message, (error.cause as Error | undefined)?.message ?? ''].join(' ');
  const rule = SAFETY_RULE_ARN.exec(said)?.[0];
  if (!rule) return undefined;
  return new DrctlError(
    'action.safety-rule-blocked',
    `ARC refused the change: safety rule ${rule} blocks it (${(error.cause as Error | undefined)?.message ?? error.message})`,
    `The rule is there to stop this kind of change. If you mean to override it, say so in the step: overrideSafetyRules: [${rule}]. drctl never overrides a rule on its own.`,
    asRunFailure,
  );
}

async function poll(ctx: ActionContext, state: SetState): Promise<PollResult> {
  const answer = await readStates(ctx, state.set);
  const left = stillToChange(state.set, answer.value);
  const observation = `${describeStates(state.set, answer.value)} (${answeredBy(answer)})`;
  return left.length ? { done: false, observation } : { done: true, observation, outputs: { answeredBy: answer.answeredBy.region, endpointsTried: answer.failed.length + 1 } };
}

export const setRoutingControlsAction = defineAction({
  uses: 'arc.set-routing-controls',
  description: 'Set ARC routing controls On and Off in one transaction through the first cluster endpoint that answers (ARC data plane), then read them back.',
  resourceParams: { on: ['arc-routing-control'], off: ['arc-routing-control'] },
  params: SetParams,
  outputs: ['answeredBy', 'endpointsTried'],
  mutating: true,
  defaultTimeoutMs: 2 * 60_000,
  pollIntervalMs: 2_000,
  permissions: () => ['route53-recovery-cluster:GetRoutingControlState', 'route53-recovery-cluster:UpdateRoutingControlStates'],
  dependencies: setDependencies,
  plan,
  apply: (ctx, params, plan) => apply(ctx, params, plan.state),
  poll: (ctx, _params, plan) => poll(ctx, plan.state),
  endState: routingControlsEndState(true),
});
