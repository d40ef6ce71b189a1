// ARC's control plane (route53-recovery-control-config): restJson1 under /cluster and /controlpanel(s),
// signed for us-west-2 (AWS-API-2.md §1.4). It reads the same clusters as the data plane (model.ts): their
// names and endpoint URLs, control panels (from the routing controls' ARNs), controls and safety rules.
// Errors carry `Message` with a capital M, as the model says. An ARN in the path arrives percent-encoded
// (the SDK encodes ':' and '/'); how AWS decodes it is UNCONFIRMED, so any encoding, or none, is decoded.
import { SimFault } from '../sim-fault';
import type { SimFrontEnd } from '../http/front-end';
import { handlerFor, paginate, type Reply, type Routed, type SimRequest } from '../http/wire';
import type { SimWorld } from '../world';
import { controlPanelOf, type RoutingControls } from './model';

export const ARC_CONFIG_SIGNING_NAME = 'route53-recovery-control-config';
const CONTENT_TYPE = { 'content-type': 'application/json' };
const STATUS: Record<string, number> = { ValidationException: 400, AccessDeniedException: 403, ResourceNotFoundException: 404, ConflictException: 409, ThrottlingException: 429, InternalServerException: 500, ServiceUnavailable: 503 };
// The server's own faults, in this API's words: an outage stays ServiceUnavailable (503).
const SHAPE_NAMES: Record<string, string> = { Throttling: 'ThrottlingException', InternalFailure: 'InternalServerException' };

type Json = Record<string, unknown>;
type Handler = (arn: string, request: SimRequest, arc: RoutingControls) => Json;

const ROUTES: Array<{ pattern: RegExp; operation: string }> = [
  { pattern: /^\/cluster\/(.+)$/, operation: 'DescribeCluster' },
  { pattern: /^\/controlpanels\/?$/, operation: 'ListControlPanels' },
  { pattern: /^\/controlpanel\/(.+)\/routingcontrols\/?$/, operation: 'ListRoutingControls' },
  { pattern: /^\/controlpanel\/(.+)\/safetyrules\/?$/, operation: 'ListSafetyRules' },
];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SimFault('ValidationException', `The ARN in the path is not percent-encoded correctly: ${segment}`);
  }
}

const notFound = (what: string, arn: string) => Object.assign(new SimFault('ResourceNotFoundException', `${what} ${arn} does not exist.`, 404), { resourceId: arn });

function page<T>(request: SimRequest, items: T[], key: string): Json {
  const max = request.query.get('MaxResults');
  const { page: shown, next } = paginate(items, request.query.get('NextToken') ?? undefined, max ? Number(max) : undefined, 1000);
  return { [key]: shown, ...(next ? { NextToken: next } : {}) };
}

function panelsOf(arc: RoutingControls, clusterArn?: string): string[] {
  return [...new Set([...arc.controls.values()].filter((control) => !clusterArn || control.clusterArn === clusterArn).map((control) => control.controlPanelArn))];
}

function panelCluster(arc: RoutingControls, panelArn: string): string {
  const control = [...arc.controls.values()].find((candidate) => candidate.controlPanelArn === panelArn);
  if (!control) throw notFound('Control panel', panelArn);
  return control.clusterArn;
}

const handlers: Record<string, Handler> = {
  DescribeCluster(arn, _request, arc) {
    const cluster = arc.clusters.get(arn);
    if (!cluster) throw notFound('Cluster', arn);
    const endpoints = cluster.endpoints.map(({ region, endpoint }) => ({ Endpoint: endpoint, Region: region }));
    return { Cluster: { ClusterArn: cluster.arn, ClusterEndpoints: endpoints, Name: cluster.name, Status: 'DEPLOYED', Owner: ownerOf(arn), NetworkType: 'IPV4' } };
  },

  ListControlPanels(_arn, request, arc) {
    const clusterArn = request.query.get('ClusterArn') ?? undefined;
    if (clusterArn && !arc.clusters.has(clusterArn)) throw notFound('Cluster', clusterArn);
    const panels = panelsOf(arc, clusterArn).map((panelArn) => {
      const controls = [...arc.controls.values()].filter((control) => control.controlPanelArn === panelArn);
      const name = panelArn.split('/').pop() ?? panelArn;
      return { ClusterArn: controls[0]?.clusterArn, ControlPanelArn: panelArn, DefaultControlPanel: false, Name: name, RoutingControlCount: controls.length, Status: 'DEPLOYED', Owner: ownerOf(panelArn) };
    });
    return page(request, panels, 'ControlPanels');
  },

  ListRoutingControls(panelArn, request, arc) {
    panelCluster(arc, panelArn);
    const controls = [...arc.controls.values()].filter((control) => control.controlPanelArn === panelArn);
    // The control plane says Name, and no state: states are the data plane's.
    return page(request, controls.map((control) => ({ ControlPanelArn: panelArn, Name: control.name, RoutingControlArn: control.arn, Status: 'DEPLOYED', Owner: ownerOf(control.arn) })), 'RoutingControls');
  },

  ListSafetyRules(panelArn, request, arc) {
    const cluster = arc.clusters.get(panelCluster(arc, panelArn));
    // A rule lives in the panel of the controls it names (the model names its default ARN so too).
    const rules = (cluster?.rules ?? []).filter((rule) => controlPanelOf((rule.type === 'ASSERTION' ? rule.asserted[0] : rule.targets[0]) ?? '') === panelArn);
    const wire = rules.map((rule) => {
      const common = { ControlPanelArn: panelArn, Name: rule.name, RuleConfig: { Type: rule.rule, Threshold: rule.threshold, Inverted: rule.inverted }, SafetyRuleArn: rule.arn, Status: 'DEPLOYED', WaitPeriodMs: 5000, Owner: ownerOf(rule.arn) };
      return rule.type === 'ASSERTION' ? { ASSERTION: { ...common, AssertedControls: rule.asserted } } : { GATING: { ...common, GatingControls: rule.gating, TargetControls: rule.targets } };
    });
    return page(request, wire, 'SafetyRules');
  },
};

/** The account in an ARN (arn:aws:route53-recovery-control::<account>:...). */
const ownerOf = (arn: string) => arn.split(':')[4] ?? '';

export function arcConfigError(fault: SimFault): Reply {
  const shape = SHAPE_NAMES[fault.code] ?? fault.code;
  const members = Object.fromEntries(Object.entries(fault).filter(([key]) => ['resourceId', 'resourceType'].includes(key)));
  return { status: STATUS[shape] ?? fault.httpStatus, headers: { ...CONTENT_TYPE, 'x-amzn-errortype': shape }, body: JSON.stringify({ Message: fault.message, ...members }) };
}

export const arcConfigFrontEnd: SimFrontEnd = {
  accepts: (request, facts) => facts.scope === ARC_CONFIG_SIGNING_NAME || (!facts.target && ROUTES.some((route) => route.pattern.test(request.path))),
  route: (request, _facts, world) => routeArcConfig(request, world),
};

function routeArcConfig(request: SimRequest, world: SimWorld): Routed {
  const route = ROUTES.find((candidate) => candidate.pattern.test(request.path));
  const raw = route?.pattern.exec(request.path)?.[1];
  const operation = route?.operation ?? 'Unknown';
  return {
    service: 'arc-config',
    operation,
    resource: raw ? safeDecode(raw) : (request.query.get('ClusterArn') ?? '*'),
    error: arcConfigError,
    handle() {
      const handler = handlerFor(handlers, operation);
      if (!handler || request.method !== 'GET') throw new SimFault('ValidationException', `The drctl simulator does not implement ${request.method} ${request.path} of ARC's control plane.`);
      return { status: 200, headers: CONTENT_TYPE, body: JSON.stringify(handler(raw ? decoded(raw) : '', request, world.parts.arc)) };
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
