// What the ARC actions share: the routing controls a step names (resources of one cluster), reading their
// states through the cluster's endpoints, and saying which endpoint answered and which did not.
import * as z from 'zod';
import type { ClusterAnswer, ClusterEndpoint, RoutingControlState, RoutingControlView } from '../../core/services/arc';
import { DrctlError } from '../../core/errors';
import type { ResourceOf } from '../../core/resources';
import { type DeclaredResources, type Dependency, need } from '../../core/dependencies';
import type { ActionContext } from '../../core/action';
import { explained } from '../shared/aws-hints';
import { resourceNamed } from '../shared/resolve';

export const controlNames = z.array(z.string().min(1)).max(50);

/** on/off: names of arc-routing-control resources; together, the states a step sets or expects. */
export const ControlStates = {
  on: controlNames.default([]).meta({ description: 'arc-routing-control resources that must be On.' }),
  off: controlNames.default([]).meta({ description: 'arc-routing-control resources that must be Off.' }),
};

export interface NamedControl {
  name: string;
  arn: string;
  region?: string;
  want?: RoutingControlState;
}

export interface ControlSet {
  cluster: string;
  endpoints: ClusterEndpoint[];
  controls: NamedControl[];
}

/** The controls named, with the states wanted, all served by one cluster (its endpoints come from the runbook). */
export function controlSet(ctx: Pick<ActionContext, 'resources'>, params: { on: readonly string[]; off: readonly string[]; read?: readonly string[] }): ControlSet {
  const wanted = [
    ...params.on.map((name) => ({ name, want: 'On' as const })),
    ...params.off.map((name) => ({ name, want: 'Off' as const })),
    ...(params.read ?? []).map((name) => ({ name, want: undefined })),
  ];
  if (wanted.length === 0) throw new DrctlError('action.no-routing-controls', 'no routing control is named', 'Name arc-routing-control resources under `on:` or `off:`.');
  const controls = wanted.map(({ name, want }) => {
    const resource = resourceNamed(ctx, name, ['arc-routing-control']);
    return { name, arn: resource.routingControlArn, region: resource.region, want, cluster: resource.cluster };
  });
  const clusters = [...new Set(controls.map((control) => control.cluster))];
  if (clusters.length > 1) {
    throw new DrctlError('action.routing-controls-in-clusters', `the routing controls named belong to ${clusters.length} clusters (${clusters.join(', ')})`, 'Set the controls of one cluster per step: one UpdateRoutingControlStates is one transaction in one cluster.');
  }
  const cluster = resourceNamed(ctx, clusters[0] as string, ['arc-cluster']);
  return { cluster: clusters[0] as string, endpoints: cluster.endpoints, controls: controls.map(({ cluster: _cluster, ...control }) => control) };
}

/** Any one of the cluster's endpoints answers: the step depends on no single region. */
export function clusterNeeds(resources: DeclaredResources, names: readonly string[], operations: readonly string[]): Dependency {
  const control = names.map((name) => resources[name]).find((resource): resource is ResourceOf<'arc-routing-control'> => resource?.type === 'arc-routing-control');
  const cluster = control ? resources[control.cluster] : undefined;
  const regions = cluster?.type === 'arc-cluster' ? cluster.endpoints.map((endpoint) => endpoint.region) : [];
  return need('arc', undefined, operations, { anyOf: regions, ...(regions.length ? {} : { role: 'target' }) });
}

/** "answered by us-west-2 (us-east-1 did not: EndpointTemporarilyUnavailableException)". */
export function answeredBy(answer: ClusterAnswer<unknown>): string {
  const failed = answer.failed.map((failure) => `${failure.region}: ${failure.error}`).join(', ');
  return `answered by the endpoint in ${answer.answeredBy.region}${failed ? `; ${answer.failed.length} before it did not (${failed})` : ''}`;
}

export async function readStates(ctx: ActionContext, set: ControlSet): Promise<ClusterAnswer<RoutingControlView[]>> {
  return explained(`reading routing controls ${set.controls.map((control) => control.name).join(', ')}`, {}, () =>
    ctx.ports.arc.getRoutingControlStates(set.endpoints, set.controls.map((control) => control.arn)),
  );
}

/** The controls not yet in the state wanted. */
export function stillToChange(set: ControlSet, views: readonly RoutingControlView[]): NamedControl[] {
  return set.controls.filter((control) => control.want && views.find((view) => view.arn === control.arn)?.state !== control.want);
}

export function describeStates(set: ControlSet, views: readonly RoutingControlView[]): string {
  return set.controls.map((control) => `${control.name} ${views.find((view) => view.arn === control.arn)?.state ?? '?'}`).join(', ');
}
