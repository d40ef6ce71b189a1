// ARC routing controls, on ARC's data plane: set them (arc.set-routing-controls), wait until they read
// as wanted (arc.wait-routing-controls), and a preflight check that the cluster's endpoints answer and the
// controls read as expected (routing-controls). None needs a control plane or any single region.
import * as z from 'zod';
import { defineAction, defineCheck, type ActionFamily } from '../../core/define-action';
import type { ActionPlan } from '../../core/action';
import { answeredBy, clusterNeeds, controlNames, controlSet, ControlStates, describeStates, readStates, stillToChange } from './controls';
import { routingControlsEndState } from './end-state';
import { setRoutingControlsAction } from './set-controls';

const READ_PERMISSIONS = ['route53-recovery-cluster:GetRoutingControlState'];
const WaitParams = z.strictObject(ControlStates);

const waitRoutingControls = defineAction({
  uses: 'arc.wait-routing-controls',
  description: 'Wait until ARC routing controls read as wanted (On or Off) from a cluster endpoint.',
  resourceParams: { on: ['arc-routing-control'], off: ['arc-routing-control'] },
  params: WaitParams,
  outputs: ['answeredBy'],
  mutating: false,
  defaultTimeoutMs: 10 * 60_000,
  pollIntervalMs: 5_000,
  permissions: () => READ_PERMISSIONS,
  dependencies: (params, resources) => ({ needs: [clusterNeeds(resources, [...params.on, ...params.off], ['GetRoutingControlState'])], leaves: [] }),
  async plan(ctx, params): Promise<ActionPlan<Record<string, never>>> {
    const set = controlSet(ctx, params);
    const answer = await readStates(ctx, set);
    const holds = stillToChange(set, answer.value).length === 0;
    return {
      status: holds ? 'done' : 'ready',
      summary: `wait until ${set.controls.map((control) => `${control.name} is ${control.want}`).join(', ')}`,
      calls: [],
      observations: [`now: ${describeStates(set, answer.value)} (${answeredBy(answer)})`],
      unverifiable: [],
      estimateMs: 0,
      state: {},
    };
  },
  async poll(ctx, params) {
    const set = controlSet(ctx, params);
    const answer = await readStates(ctx, set);
    const observation = `${describeStates(set, answer.value)} (${answeredBy(answer)})`;
    return stillToChange(set, answer.value).length ? { done: false, observation } : { done: true, observation, outputs: { answeredBy: answer.answeredBy.region } };
  },
  endState: routingControlsEndState(false),
});

const CheckParams = z.strictObject({ ...ControlStates, controls: controlNames.default([]).meta({ description: 'Routing controls to read, whatever their state.' }) });

/** Every endpoint is asked once: a cluster keeps at least three of five available, and the check says how many answered. */
const routingControlsCheck = defineCheck({
  check: 'routing-controls',
  description: "The ARC cluster's endpoints answer (at least one; the check says how many) and the routing controls read as expected.",
  params: CheckParams,
  resourceParams: { on: ['arc-routing-control'], off: ['arc-routing-control'], controls: ['arc-routing-control'] },
  permissions: () => READ_PERMISSIONS,
  dependencies: (params, resources) => [clusterNeeds(resources, [...params.on, ...params.off, ...params.controls], ['GetRoutingControlState'])],
  async run(ctx, params) {
    const set = controlSet(ctx, { ...params, read: params.controls });
    const probes = await ctx.ports.arc.getStateFromEachEndpoint(set.endpoints, set.controls[0]?.arn ?? '');
    const answering = probes.filter((probe) => probe.state !== undefined);
    const count = `${answering.length} of ${probes.length} endpoints of ${set.cluster} answered${answering.length ? ` (${answering.map((probe) => probe.endpoint.region).join(', ')})` : ''}`;
    const silent = probes.filter((probe) => probe.state === undefined).map((probe) => `${probe.endpoint.region}: ${probe.error ?? 'no answer'}`);
    const observations = silent.length ? [`did not answer: ${silent.join(', ')}`] : [];
    if (answering.length === 0) {
      return { ok: false, message: count, hint: 'Check the network path to the cluster endpoints and that the runbook lists them as DescribeCluster does.', observations };
    }
    const answer = await readStates(ctx, set);
    const wrong = stillToChange(set, answer.value);
    const message = `${count}; ${describeStates(set, answer.value)}`;
    if (wrong.length === 0) return { ok: true, message, observations };
    return { ok: false, message: `${message}; expected ${wrong.map((control) => `${control.name} ${control.want}`).join(', ')}`, hint: 'Set them with arc.set-routing-controls, or correct the expectation.', observations };
  },
});

export const arcFamily: ActionFamily = { name: 'arc', actions: [setRoutingControlsAction, waitRoutingControls], checks: [routingControlsCheck] };
