// The Route 53 endpoint (restXml under /2013-04-01/, AWS-API.md section 1.2). Errors always use the
// <ErrorResponse> envelope: the SDK does not understand the <InvalidChangeBatch><Messages> form.
import type { SimFrontEnd } from './front-end';
import { SimFault } from '../sim-fault';
import type { SimWorld } from '../world';
import type { HostedZone } from '../world-state';
import { healthCheckXml, observationXml, parseChangeBatch, parseHealthCheckUpdate, recordSetXml, ROUTE53_NAMESPACE } from './route53-xml';
import type { Reply, Routed, SimRequest } from './wire';
import { element, type XmlObject, xmlList } from './xml';

type Handler = (request: SimRequest, world: SimWorld, id: string) => XmlObject;

interface Route {
  method: string;
  pattern: RegExp;
  operation: string;
  handler: Handler;
}

const limit = (text: string | null, fallback: number) => Math.min(Math.max(Number(text ?? fallback) || fallback, 1), fallback);

const changeInfo = (change: { id: string; status: string; submittedAt: number; comment?: string }) => ({
  Id: `/change/${change.id}`,
  Status: change.status,
  SubmittedAt: new Date(change.submittedAt),
  Comment: change.comment,
});

const hostedZoneXml = (zone: HostedZone) => ({
  Id: `/hostedzone/${zone.id}`,
  Name: zone.name,
  CallerReference: `drctl-sim-${zone.id}`,
  ResourceRecordSetCount: zone.records.length,
});

const routes: Route[] = [
  {
    method: 'GET', pattern: /^\/2013-04-01\/healthcheck\/?$/, operation: 'ListHealthChecks',
    handler(request, world) {
      const all = [...world.healthChecks.checks.values()];
      const marker = request.query.get('marker');
      const maxItems = limit(request.query.get('maxitems'), 100);
      const start = marker ? Math.max(0, all.findIndex((check) => check.id === marker)) : 0;
      const page = all.slice(start, start + maxItems);
      const next = all[start + maxItems];
      return {
        HealthChecks: xmlList('HealthCheck', page.map(healthCheckXml)),
        Marker: marker ?? '',
        IsTruncated: next !== undefined,
        NextMarker: next?.id,
        MaxItems: maxItems,
      };
    },
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/healthcheck\/([^/]+)\/status$/, operation: 'GetHealthCheckStatus',
    handler: (_request, world, id) => ({
      HealthCheckObservations: xmlList('HealthCheckObservation', world.healthChecks.observations(id).map(observationXml)),
    }),
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/healthcheck\/([^/]+)$/, operation: 'GetHealthCheck',
    handler: (_request, world, id) => ({ HealthCheck: healthCheckXml(world.healthChecks.check(id)) }),
  },
  {
    method: 'POST', pattern: /^\/2013-04-01\/healthcheck\/([^/]+)$/, operation: 'UpdateHealthCheck',
    handler: (request, world, id) => ({ HealthCheck: healthCheckXml(world.healthChecks.update(id, parseHealthCheckUpdate(request.body))) }),
  },
  {
    method: 'POST', pattern: /^\/2013-04-01\/hostedzone\/([^/]+)\/rrset\/?$/, operation: 'ChangeResourceRecordSets',
    handler(request, world, id) {
      world.dns.zone(id);
      const batch = parseChangeBatch(request.body);
      const change = world.dns.apply(id, batch.changes, batch.comment);
      return { ChangeInfo: changeInfo({ ...change, status: 'PENDING' }) };
    },
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/hostedzone\/([^/]+)\/rrset\/?$/, operation: 'ListResourceRecordSets',
    handler(request, world, id) {
      const { query } = request;
      const name = query.get('name') ?? undefined;
      const records = world.dns.list(id, { name, type: query.get('type') ?? undefined, identifier: query.get('identifier') ?? undefined });
      const maxItems = limit(query.get('maxitems'), 300);
      const next = records[maxItems];
      return {
        ResourceRecordSets: xmlList('ResourceRecordSet', records.slice(0, maxItems).map(recordSetXml)),
        IsTruncated: next !== undefined,
        NextRecordName: next?.name,
        NextRecordType: next?.type,
        NextRecordIdentifier: next?.setIdentifier,
        MaxItems: maxItems,
      };
    },
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/hostedzone\/([^/]+)$/, operation: 'GetHostedZone',
    handler(_request, world, id) {
      return { HostedZone: hostedZoneXml(world.dns.zone(id)) };
    },
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/hostedzone\/?$/, operation: 'ListHostedZones',
    handler: (_request, world) => ({
      HostedZones: xmlList('HostedZone', [...world.dns.zones.values()].map(hostedZoneXml)),
      Marker: '',
      IsTruncated: false,
      MaxItems: 100,
    }),
  },
  {
    method: 'GET', pattern: /^\/2013-04-01\/change\/([^/]+)$/, operation: 'GetChange',
    handler: (_request, world, id) => ({ ChangeInfo: changeInfo(world.dns.change(id)) }),
  },
];

function xmlReply(operation: string, result: XmlObject): Reply {
  const content = Object.entries(result)
    .map(([name, value]) => element(name, value))
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${ROUTE53_NAMESPACE}">${content}</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

export function route53Error(fault: SimFault, requestId: string): Reply {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${ROUTE53_NAMESPACE}">` +
    element('Error', { Type: fault.type, Code: fault.code, Message: fault.message }) +
    element('RequestId', requestId) +
    '</ErrorResponse>';
  return { status: fault.httpStatus, headers: { 'content-type': 'text/xml' }, body };
}

/** restXml under /2013-04-01/. */
export const route53FrontEnd: SimFrontEnd = {
  accepts: (request) => request.path.startsWith('/2013-04-01/'),
  route: (request, _facts, world) => routeRoute53(request, world),
};

export function routeRoute53(request: SimRequest, world: SimWorld): Routed {
  for (const route of routes) {
    const match = route.method === request.method ? route.pattern.exec(request.path) : null;
    if (!match) continue;
    const id = decodeURIComponent(match[1] ?? '');
    return {
      service: 'route53',
      operation: route.operation,
      resource: id || '*',
      error: route53Error,
      handle: () => xmlReply(route.operation, route.handler(request, world, id)),
    };
  }
  return {
    service: 'route53',
    operation: 'Unknown',
    resource: '*',
    error: route53Error,
    handle: () => {
      throw new SimFault('InvalidAction', `The simulator does not implement ${request.method} ${request.path}.`, 404);
    },
  };
}
