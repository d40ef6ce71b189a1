// The HTTP probe port over node's own http/https: one GET, the status and the start of the body, never
// a thrown network error (no answer is an answer: refused, reset, timed out). Real I/O, so under --sim it
// holds the virtual clock while in flight, as an AWS call does (src/aws ClientPool.track): the simulator's
// regional endpoints answer at once, and the real-timer limit below ends any other request in bounded
// real time, so a hold never outlives its request. The caller times attempts on its own clock.
import http from 'node:http';
import https from 'node:https';
import { BODY_LIMIT, type HttpProbePort, type ProbeAnswer, type ProbeRequest } from '../core/http-probe';

/**
 * Where a URL is really fetched: under --sim, a name the simulated world knows goes to its regional
 * endpoint, or nowhere when it resolves to no region (noAnswer says why).
 */
export type ProbeRoute = { url: string; /** The Host header to send (the name asked), when rerouted. */ host?: string } | { noAnswer: string };

export interface HttpProbeOptions {
  /** Called as a request starts; the returned function when it ends. A virtual clock holds time still meanwhile. */
  holdClock?: () => () => void;
  /** Reroutes a URL (the simulator's endpoints); undefined: fetch it as given. */
  route?: (url: string) => ProbeRoute | undefined | Promise<ProbeRoute | undefined>;
}

/** The path a served simulator (`drctl sim serve`) answers probe routes on (src/sim/http/server.ts serves it). */
export const SERVED_ROUTE_PATH = '/drctl/probe-route';

/**
 * Routes for a drctl pointed at an endpoint with --endpoint-url: when it is `drctl sim serve`, it says
 * where each application URL goes now; any other endpoint (moto, LocalStack) does not know the path, and
 * from then on URLs are fetched as given.
 */
export function servedRoutes(endpointUrl: string): (url: string) => Promise<ProbeRoute | undefined> {
  let served = true;
  return async (url) => {
    if (!served) return undefined;
    const answer = await fetchOnce({ url: `${endpointUrl.replace(/\/$/, '')}${SERVED_ROUTE_PATH}?url=${encodeURIComponent(url)}` }, { url, timeoutMs: 5_000 });
    if (answer.status === 200) {
      try {
        const route = JSON.parse(answer.body) as Partial<{ url: string; host: string; noAnswer: string }>;
        if (typeof route.noAnswer === 'string') return { noAnswer: route.noAnswer };
        if (typeof route.url === 'string') return { url: route.url, ...(typeof route.host === 'string' ? { host: route.host } : {}) };
      } catch {
        // Not a simulator's answer.
      }
    }
    // 404 from a simulator means a host its world does not know; anything else means no simulator.
    if (answer.status !== 404 || !answer.body.includes('"unknown"')) served = false;
    return undefined;
  };
}

export function createHttpProbe(options: HttpProbeOptions = {}): HttpProbePort {
  return {
    async get(request) {
      const release = options.holdClock?.();
      try {
        const route = (await options.route?.(request.url)) ?? { url: request.url };
        return 'noAnswer' in route ? { body: '', error: route.noAnswer } : await fetchOnce(route, request);
      } finally {
        release?.();
      }
    },
  };
}

function fetchOnce(route: { url: string; host?: string }, request: ProbeRequest): Promise<ProbeAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: ProbeAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      outgoing.destroy();
      resolve(answer);
    };
    const url = new URL(route.url);
    const client = url.protocol === 'https:' ? https : http;
    // agent: false, so no keep-alive socket outlives the probe (nor a hold on a virtual clock).
    const outgoing = client.get(url, { agent: false, headers: { 'user-agent': 'drctl-probe', ...(route.host ? { host: route.host } : {}) } }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        body += chunk;
        if (body.length >= BODY_LIMIT) finish({ status: incoming.statusCode, body: body.slice(0, BODY_LIMIT) });
      });
      incoming.on('end', () => finish({ status: incoming.statusCode, body }));
      incoming.on('error', () => finish({ status: incoming.statusCode, body }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish({ body: '', error: describeNetworkError(error) }));
    const timer = setTimeout(() => finish({ body: '', error: `no answer within ${request.timeoutMs} ms` }), request.timeoutMs);
    const onAbort = () => finish({ body: '', error: 'stopped' });
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) onAbort();
  });
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the name does not resolve (${error.code})`;
    default:
      return error.code ? `${error.message} (${error.code})` : error.message;
  }
}
