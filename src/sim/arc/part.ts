// ARC's part of the simulator (src/sim/catalogue.ts): the `arc:` section of a world file, its model, how a
// runbook's ARC resources become a cluster of a generated world, and the references it checks.
// Generated: each arc-cluster resource is a cluster with its endpoints' regions; its routing controls
// are On in the primary region and Off elsewhere, with an ASSERTION rule that one of them stays On; each
// control with a region gets a RECOVERY_CONTROL health check, which that region's failover records use
// when no health check watches its endpoint.
import type { Resource } from '../../core/resources';
import type { ApiDown, GenerateContext, WorldPart } from '../world-part';
import type { WorldSpec } from '../world-spec';
import type { SpecProblem } from '../world-spec-checks';
import { RoutingControls } from './model';
import { ArcClusterSpec, DEFAULT_ENDPOINT_REGIONS } from './spec';

function generate(resources: Readonly<Record<string, Resource>>, context: GenerateContext) {
  const named = Object.entries(resources);
  return named.flatMap(([clusterName, cluster]) => {
    if (cluster.type !== 'arc-cluster') return [];
    const controls = named.flatMap(([name, resource]) => (resource.type === 'arc-routing-control' && resource.cluster === clusterName ? [{ name, resource }] : []));
    const regional = controls.filter(({ resource }) => resource.region);
    for (const { name, resource } of regional) {
      const check = { id: `rc-${name}`, region: resource.region as string, type: 'RECOVERY_CONTROL' as const, routingControlArn: resource.routingControlArn, requestInterval: '10s' as const, failureThreshold: 1 };
      context.addHealthCheck(check, resource.region);
    }
    const oneOn = { type: 'ASSERTION' as const, name: 'one-region-on', asserted: regional.map(({ resource }) => resource.routingControlArn), rule: 'ATLEAST' as const, threshold: 1 };
    return [{
      clusterArn: cluster.clusterArn,
      // The runbook's own URLs, so DescribeCluster gives back what it declares; none declared: the default five.
      endpoints: cluster.endpoints.length ? cluster.endpoints.map(({ region, endpoint }) => ({ region, endpoint })) : DEFAULT_ENDPOINT_REGIONS,
      routingControls: controls.map(({ name, resource }) => ({ arn: resource.routingControlArn, name, state: !resource.region || resource.region === context.primary ? ('On' as const) : ('Off' as const) })),
      safetyRules: regional.length > 1 ? [oneOn] : [],
    }];
  });
}

/** Routing controls named by health checks and safety rules exist; a health check watches something. */
function check(world: WorldSpec): SpecProblem[] {
  const spec = world.spec;
  const problems: SpecProblem[] = [];
  const controls = new Set(spec.arc.flatMap((cluster) => cluster.routingControls.map((control) => control.arn)));
  const unknown = (arn: string) => `names no routing control declared in spec.arc ("${arn}")`;
  spec.healthChecks.forEach((healthCheck, index) => {
    const path = ['spec', 'healthChecks', index];
    if (healthCheck.type === 'RECOVERY_CONTROL' && !healthCheck.routingControlArn) problems.push({ path, message: 'a RECOVERY_CONTROL health check needs routingControlArn' });
    else if (healthCheck.routingControlArn && !controls.has(healthCheck.routingControlArn)) problems.push({ path: [...path, 'routingControlArn'], message: unknown(healthCheck.routingControlArn) });
    if (healthCheck.type !== 'RECOVERY_CONTROL' && !healthCheck.fqdn) problems.push({ path, message: `a ${healthCheck.type} health check needs fqdn` });
  });
  spec.arc.forEach((cluster, clusterIndex) =>
    cluster.safetyRules.forEach((rule, ruleIndex) => {
      const named = rule.type === 'ASSERTION' ? rule.asserted : [...rule.gating, ...rule.targets];
      for (const arn of named.filter((candidate) => !controls.has(candidate))) problems.push({ path: ['spec', 'arc', clusterIndex, 'safetyRules', ruleIndex], message: unknown(arn) });
    }),
  );
  return problems;
}

export const arcWorld: WorldPart<'arc', typeof ArcClusterSpec, RoutingControls> = {
  key: 'arc',
  entry: ArcClusterSpec,
  create: (core) => new RoutingControls(core),
  add: (model, entry) => model.add(entry),
  generate,
  check,
};

/** arc-endpoint-down silences ARC's endpoint in its region (a region outage takes it down too). */
export const arcApiDown: ApiDown = (fault, service, region) => fault.type === 'arc-endpoint-down' && service === 'arc' && fault.region === region;
