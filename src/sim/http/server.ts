// One loopback HTTP endpoint for every simulated service. Each request is routed to its protocol front
// end, counted, then put through the faults in force (region outage: the connection is dropped or 503;
// throttling: the service's Throttling error) before the world answers. Nothing a client sends may crash
// the server: unexpected errors become a 500 InternalFailure in the right envelope. One path is drctl's
// own: GET /drctl/probe-route?url=... says where a probe of an application URL goes now, for a drctl that
// reaches a served world with --endpoint-url.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVED_ROUTE_PATH } from '../../net/http-probe';
import { isSimFault, SimFault } from '../sim-fault';
import type { SimWorld } from '../world';
import { FRONT_ENDS } from '../catalogue';
import { wireFacts } from './front-end';
import { rdsFrontEnd } from './rds';
import { escapeXml } from './xml';
import { headerText, regionFromAuthorization, type Reply, type Routed, type SimRequest } from './wire';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The front end of the sim's catalogue that owns the request; awsQuery's RDS answers what none claims (InvalidAction). */
function route(request: SimRequest, world: SimWorld): Routed {
  const facts = wireFacts(request);
  const frontEnd = FRONT_ENDS.find((candidate) => candidate.accepts(request, facts)) ?? rdsFrontEnd;
  return frontEnd.route(request, facts, world);
}

function send(response: ServerResponse, reply: Reply, requestId: string): void {
  response.writeHead(reply.status, { ...reply.headers, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(reply.body) });
  response.end(reply.body);
}

type RouteProbe = (url: string) => object | undefined;

function answerProbeRoute(url: URL, response: ServerResponse, routeProbe: RouteProbe | undefined): void {
  const asked = url.searchParams.get('url') ?? '';
  let route: object | undefined;
  try {
    route = routeProbe?.(asked);
  } catch {
    route = undefined;
  }
  response.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(route ?? { unknown: asked }));
}

async function handle(world: SimWorld, incoming: IncomingMessage, response: ServerResponse, routeProbe?: RouteProbe): Promise<void> {
  const body = await readBody(incoming);
  const url = new URL(incoming.url ?? '/', 'http://simulator');
  if (incoming.method === 'GET' && url.pathname === SERVED_ROUTE_PATH) return answerProbeRoute(url, response, routeProbe);
  const request: SimRequest = {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body,
    region: regionFromAuthorization(headerText(incoming.headers, 'authorization')),
  };
  const requestId = randomUUID();
  const routed = route(request, world);
  world.settle();
  const { core } = world;
  const record = (outcome: 'ok' | 'error' | 'throttled' | 'outage', code?: string) =>
    core.recordRequest({ service: routed.service, region: request.region, operation: routed.operation, resource: routed.resource, outcome, code });

  const outage = core.faults.apiOutage(request.region, routed.service, core.now());
  if (outage) {
    record('outage');
    if (outage.mode === 'reset') {
      incoming.socket.destroy();
      return;
    }
    const unavailable = new SimFault('ServiceUnavailable', `${routed.service} is unavailable in ${request.region}.`, 503, 'Receiver');
    return send(response, routed.error(unavailable, requestId), requestId);
  }
  if (core.faults.throttled(routed.service, request.region, routed.operation, routed.resource)) {
    record('throttled', 'Throttling');
    return send(response, routed.error(new SimFault('Throttling', 'Rate exceeded'), requestId), requestId);
  }
  let reply: Reply;
  try {
    reply = routed.handle(requestId);
    record('ok');
  } catch (error) {
    const fault = isSimFault(error) ? error : new SimFault('InternalFailure', `The simulator failed: ${(error as Error).message}`, 500, 'Receiver');
    record('error', fault.code);
    reply = routed.error(fault, requestId);
  }
  send(response, reply, requestId);
}

export interface ListeningServer {
  endpoint: string;
  server: Server;
  close(): Promise<void>;
}

export function listen(world: SimWorld, options: { port?: number; host?: string; routeProbe?: RouteProbe } = {}): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((incoming, response) => {
    handle(world, incoming, response, options.routeProbe).catch((error: unknown) => {
      if (response.headersSent || incoming.socket.destroyed) return;
      // Only reached when the request could not even be routed (e.g. an unreadable body).
      const message = escapeXml(String((error as Error)?.message ?? error));
      const body = `<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>${message}</Message></Error></ErrorResponse>`;
      response.writeHead(500, { 'content-type': 'text/xml' });
      response.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        endpoint: `http://${shownHost}:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
