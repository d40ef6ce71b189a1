// The HTTP probe port against a real HTTP server on loopback (node:http): the status and the start of
// the body, no answer said plainly (refused, no answer in time), the Host header of a rerouted name, and
// a held clock released whatever happened.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/core/http-probe';
import { createHttpProbe, servedRoutes } from '../../src/net/http-probe';

let server: Server;
let base: string;
const seenHosts: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenHosts.push(request.headers.host ?? '');
    if (request.url === '/health') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","region":"us-west-2"}');
    if (request.url === '/big') return void response.writeHead(200).end('x'.repeat(3 * BODY_LIMIT));
    if (request.url === '/down') return void response.writeHead(503).end('maintenance');
    // What an endpoint that is no simulator (moto, LocalStack) answers for drctl's probe-route path.
    if (request.url?.startsWith('/drctl/probe-route')) return void response.writeHead(404).end('<ErrorResponse><Code>NotFound</Code></ErrorResponse>');
    // /hang: never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the HTTP probe port, against a real server', () => {
  it('answers with the status and the body', async () => {
    const answer = await createHttpProbe().get({ url: `${base}/health`, timeoutMs: 5_000 });
    expect(answer).toEqual({ status: 200, body: '{"status":"ok","region":"us-west-2"}' });
    await expect(createHttpProbe().get({ url: `${base}/down`, timeoutMs: 5_000 })).resolves.toEqual({ status: 503, body: 'maintenance' });
  });

  it('keeps only the start of a long body, as Route 53 string matching does', async () => {
    const answer = await createHttpProbe().get({ url: `${base}/big`, timeoutMs: 5_000 });
    expect(answer.body).toHaveLength(BODY_LIMIT);
  });

  it('says why there was no answer instead of throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createHttpProbe().get({ url: `http://127.0.0.1:${port}/health`, timeoutMs: 5_000 })).resolves.toEqual({ body: '', error: 'connection refused' });
    await expect(createHttpProbe().get({ url: `${base}/hang`, timeoutMs: 50 })).resolves.toEqual({ body: '', error: 'no answer within 50 ms' });
  });

  it('ends at once when stopped', async () => {
    const stop = new AbortController();
    const pending = createHttpProbe().get({ url: `${base}/hang`, timeoutMs: 60_000, signal: stop.signal });
    stop.abort();
    await expect(pending).resolves.toEqual({ body: '', error: 'stopped' });
  });

  it('holds the clock for the whole request and releases it, answered or not', async () => {
    const events: string[] = [];
    const probe = createHttpProbe({ holdClock: () => (events.push('hold'), () => events.push('release')) });
    await probe.get({ url: `${base}/health`, timeoutMs: 5_000 });
    await probe.get({ url: `${base}/hang`, timeoutMs: 20 });
    expect(events).toEqual(['hold', 'release', 'hold', 'release']);
  });

  it('sends a rerouted name to its endpoint with the name asked as Host, or says it leads nowhere', async () => {
    const probe = createHttpProbe({
      route: (url) => (url.includes('api.shop.example.com') ? { url: `${base}/health`, host: 'api.shop.example.com' } : url.includes('nowhere') ? { noAnswer: 'nowhere.example.com resolves to no region' } : undefined),
    });
    await expect(probe.get({ url: 'https://api.shop.example.com/health', timeoutMs: 5_000 })).resolves.toMatchObject({ status: 200 });
    expect(seenHosts.at(-1)).toBe('api.shop.example.com');
    await expect(probe.get({ url: 'https://nowhere.example.com/', timeoutMs: 5_000 })).resolves.toEqual({ body: '', error: 'nowhere.example.com resolves to no region' });
  });

  it('asks an endpoint given with --endpoint-url where a URL goes, and stops asking one that is no simulator', async () => {
    const notASimulator = servedRoutes(base);
    await expect(notASimulator('https://api.shop.example.com/health')).resolves.toBeUndefined();
    const asked = seenHosts.length;
    await expect(notASimulator('https://api.shop.example.com/health')).resolves.toBeUndefined();
    expect(seenHosts).toHaveLength(asked);
  });
});
