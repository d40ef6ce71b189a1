// ARC's data plane (route53-recovery-cluster): AWS JSON 1.0, X-Amz-Target ToggleCustomerAPI.<Op>, errors as
// `__type` with `message` (lower case) and their modelled HTTP status (AWS-API-2.md §1.3). Which cluster
// endpoint a request reached is its SigV4 region: every endpoint of a cluster is in a region of its own.
// Endpoint URLs may end in /v1 or not (UNCONFIRMED); any path is accepted.
import { SimFault } from '../sim-fault';
import type { SimFrontEnd } from '../http/front-end';
import { asArray, asRecord, type Json, jsonBody } from '../http/json';
import { handlerFor, type Reply, type Routed, type SimRequest } from '../http/wire';
import type { SimWorld } from '../world';

export const ARC_TARGET_PREFIX = 'ToggleCustomerAPI.';
const CONTENT_TYPE = { 'content-type': 'application/x-amz-json-1.0' };
// The server's outage answer, in ARC's words: "The cluster endpoint isn't available. Try another cluster endpoint."
const SHAPE_NAMES: Record<string, string> = { ServiceUnavailable: 'EndpointTemporarilyUnavailableException', Throttling: 'ThrottlingException', InternalFailure: 'InternalServerException' };
const STATUS: Record<string, number> = { EndpointTemporarilyUnavailableException: 503, ThrottlingException: 429, InternalServerException: 500 };

type Handler = (input: Json, request: SimRequest, world: SimWorld) => Json;


function required(input: Json, name: string): string {
  const value = input[name];
  if (typeof value === 'string' && value.length > 0) return value;
  throw Object.assign(new SimFault('ValidationException', `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`), {
    reason: 'fieldValidationFailed',
  });
}

function stateOf(value: unknown): 'On' | 'Off' {
  if (value === 'On' || value === 'Off') return value;
  throw new SimFault('ValidationException', `Value '${String(value)}' at 'routingControlState' failed to satisfy constraint: Member must satisfy enum value set: [On, Off]`);
}

const overridesOf = (input: Json) => asArray(input.SafetyRulesToOverride).filter((arn): arn is string => typeof arn === 'string');

const handlers: Record<string, Handler> = {
  GetRoutingControlState(input, request, world) {
    const control = world.parts.arc.control(required(input, 'RoutingControlArn'), request.region);
    return { RoutingControlArn: control.arn, RoutingControlState: world.parts.arc.stateAt(control.arn), RoutingControlName: control.name };
  },

  ListRoutingControls(input, request, world) {
    const panel = typeof input.ControlPanelArn === 'string' ? input.ControlPanelArn : undefined;
    // Every control fits in one page (the default MaxResults is 500).
    const controls = world.parts.arc.list(request.region, panel).map((control) => ({
      ControlPanelArn: control.controlPanelArn,
      RoutingControlArn: control.arn,
      RoutingControlName: control.name,
      RoutingControlState: world.parts.arc.stateAt(control.arn),
    }));
    return { RoutingControls: controls };
  },

  UpdateRoutingControlState(input, request, world) {
    world.parts.arc.update(request.region, [{ arn: required(input, 'RoutingControlArn'), state: stateOf(input.RoutingControlState) }], overridesOf(input));
    return {};
  },

  UpdateRoutingControlStates(input, request, world) {
    const entries = asArray(input.UpdateRoutingControlStateEntries).map(asRecord);
    if (entries.length === 0) required(input, 'UpdateRoutingControlStateEntries');
    world.parts.arc.update(request.region, entries.map((entry) => ({ arn: required(entry, 'RoutingControlArn'), state: stateOf(entry.RoutingControlState) })), overridesOf(input));
    return {};
  },
};

export function arcError(fault: SimFault, _requestId: string): Reply {
  const shape = SHAPE_NAMES[fault.code] ?? fault.code;
  const members = Object.fromEntries(Object.entries(fault).filter(([key]) => ['resourceId', 'resourceType', 'reason'].includes(key)));
  return {
    status: STATUS[shape] ?? fault.httpStatus,
    headers: { ...CONTENT_TYPE, 'x-amzn-errortype': shape },
    body: JSON.stringify({ __type: `com.amazonaws.route53recoverycluster#${shape}`, message: fault.message, ...members }),
  };
}

export const arcFrontEnd: SimFrontEnd = {
  accepts: (_request, facts) => facts.target.startsWith(ARC_TARGET_PREFIX),
  route: (request, facts, world) => routeArc(request, facts.target.slice(ARC_TARGET_PREFIX.length), world),
};

function routeArc(request: SimRequest, operation: string, world: SimWorld): Routed {
  const { input, malformed } = jsonBody(request);
  const firstEntry = asRecord(asArray(input.UpdateRoutingControlStateEntries)[0]);
  const resource = String(input.RoutingControlArn ?? firstEntry.RoutingControlArn ?? input.ControlPanelArn ?? '*');
  return {
    service: 'arc',
    operation,
    resource,
    error: arcError,
    handle() {
      if (malformed) throw new SimFault('ValidationException', 'The request body is not valid JSON.');
      const handler = handlerFor(handlers, operation);
      if (!handler) throw new SimFault('ValidationException', `The drctl simulator does not implement ARC ${operation}.`);
      return { status: 200, headers: CONTENT_TYPE, body: JSON.stringify(handler(input, request, world)) };
    },
  };
}
