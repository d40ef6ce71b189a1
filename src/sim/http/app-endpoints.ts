// The application's regional endpoints: one loopback HTTP server per region of the world, answering
// GET as the application in that region would (world-apps.ts): 200 while it is healthy there, 503 with
// the reason otherwise, and no answer at all (the connection dropped) while the region's endpoints are
// down. A probe of a name the world knows is sent to the region that name reaches now (routeProbe).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimWorld } from '../world';

export interface AppEndpoints {
  /** e.g. { "us-west-2": "http://127.0.0.1:41235" } */
  byRegion: Record<string, string>;
  /** Where a probe of `url` really goes (the host it asked for kept as Host); undefined for a host the world does not know. */
  routeProbe(url: string): { url: string; host: string } | { noAnswer: string } | undefined;
  close(): Promise<void>;
}

function answer(world: SimWorld, region: string, incoming: IncomingMessage, response: ServerResponse): void {
  world.settle();
  const now = world.now();
  const host = (incoming.headers.host ?? '').replace(/:\d+$/, '');
  const outcome = (status: number) => world.core.recordRequest({ service: 'app', region, operation: `HTTP ${status}`, resource: host || '*', outcome: status < 500 ? 'ok' : 'error' });
  if (world.core.faults.endpointsDown(region, now)) {
    world.core.recordRequest({ service: 'app', region, operation: 'HTTP', resource: host || '*', outcome: 'outage' });
    incoming.socket.destroy();
    return;
  }
  const routed = world.apps.route(host) ?? (world.apps.specs.length === 1 ? { app: world.apps.specs[0]! } : undefined);
  if (!routed) {
    outcome(404);
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unknown host', host }));
    return;
  }
  const problem = world.apps.problem(routed.app, region);
  const status = problem ? 503 : 200;
  outcome(status);
  const body = { application: routed.app.name, region, status: problem ? 'unavailable' : 'ok', ...(problem ? { reason: problem } : {}) };
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function listenAppEndpoints(world: SimWorld, host = '127.0.0.1'): Promise<AppEndpoints> {
  const servers = await Promise.all(
    world.regions().map(
      (region) =>
        new Promise<{ region: string; url: string; close: () => Promise<void> }>((resolve, reject) => {
          const server = createServer((incoming, response) => answer(world, region, incoming, response));
          server.once('error', reject);
          server.listen(0, host, () => {
            const { port } = server.address() as AddressInfo;
            const close = () => new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            });
            resolve({ region, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close });
          });
        }),
    ),
  );
  const byRegion = Object.fromEntries(servers.map((server) => [server.region, server.url]));
  return {
    byRegion,
    routeProbe(url) {
      const parsed = new URL(url);
      world.settle();
      const routed = world.apps.route(parsed.hostname);
      if (!routed) return undefined;
      const base = routed.region ? byRegion[routed.region] : undefined;
      return base ? { url: `${base}${parsed.pathname}${parsed.search}`, host: parsed.host } : { noAnswer: `${parsed.hostname} resolves to no region` };
    },
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
