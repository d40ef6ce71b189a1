// The client factory: one lazily made client per (service, region), the retry and timeout settings, the
// user agent, endpoints and the Route 53 signing region, checked on the wire against a loopback stub.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClientPool, userAgentPairs } from '../../src/aws/client-pool';
import { VERSION } from '../../src/core/version';
import { TEST_CREDENTIALS, testPorts } from './helpers';
import { startStubServer, type StubServer } from './stub-server';

let stub: StubServer;
let other: StubServer;
const pools: Array<{ close(): void }> = [];
beforeAll(async () => {
  [stub, other] = await Promise.all([startStubServer(), startStubServer()]);
});
afterEach(() => {
  pools.splice(0).forEach((p) => p.close());
  stub.requests.length = 0;
  other.requests.length = 0;
});
afterAll(() => Promise.all([stub.close(), other.close()]));

function pool(options: Partial<ConstructorParameters<typeof ClientPool>[0]> = {}): ClientPool {
  const made = new ClientPool({ readOnly: false, credentials: TEST_CREDENTIALS, ...options });
  pools.push(made);
  return made;
}

/** The SDK's resolved config, read the way the SDK itself does. */
interface ResolvedConfig {
  region(): Promise<string>;
  maxAttempts(): Promise<number>;
  retryStrategy(): Promise<{ mode: string }>;
  requestHandler: { configProvider: Promise<Record<string, unknown>> };
}
const configOf = (client: unknown) => (client as { config: ResolvedConfig }).config;

describe('client pool', () => {
  it('makes one client per service and region, on first use, and reuses it', async () => {
    const clients = pool();
    const [a, b, c, d] = await Promise.all([
      clients.get('rds', 'us-east-1'),
      clients.get('rds', 'us-east-1'),
      clients.get('rds', 'us-west-2'),
      clients.get('docdb', 'us-east-1'),
    ]);
    expect(a.client).toBe(b.client);
    expect(a.client).not.toBe(c.client);
    expect(a.client).not.toBe(d.client);
    expect(await configOf(c.client).region()).toBe('us-west-2');
  });

  it('shares one Route 53 client signed for us-east-1, whatever region a caller passes', async () => {
    const clients = pool({ region: 'eu-west-1' });
    const [a, b] = await Promise.all([clients.get('route53', 'eu-west-1'), clients.get('route53', 'ap-south-1')]);
    expect(a.client).toBe(b.client);
    expect(a.region).toBe('us-east-1');
  });

  it('uses the standard retry mode with maxAttempts (default 3)', async () => {
    const byDefault = configOf((await pool().get('rds', 'us-east-1')).client);
    expect(await byDefault.maxAttempts()).toBe(3);
    expect((await byDefault.retryStrategy()).mode).toBe('standard');
    expect(await configOf((await pool({ maxAttempts: 5 }).get('rds', 'us-east-1')).client).maxAttempts()).toBe(5);
  });

  // 3 SDK attempts under 3 engine attempts sent SwitchoverGlobalCluster 9 times into a dead region.
  it('sends a mutating call once, whatever the SDK would retry; reads keep their few SDK retries', async () => {
    const failing = await startStubServer(() => ({
      status: 500,
      contentType: 'text/xml',
      body: '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>down</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    }));
    try {
      const ports = testPorts({ endpointUrl: failing.url, maxAttempts: 3 });
      pools.push(ports);
      const switchover = ports.rds.switchoverGlobalCluster('us-east-1', 'shop-orders', 'arn:aws:rds:us-west-2:123456789012:cluster:orders-west');
      await expect(switchover).rejects.toMatchObject({ code: 'aws.service', outcomeUnknown: true });
      await expect(ports.rds.describeDbCluster('us-east-1', 'orders-east')).rejects.toMatchObject({ code: 'aws.service', outcomeUnknown: false });
      const sent = (operation: string) => failing.requests.filter((request) => request.operation === operation).length;
      expect(sent('SwitchoverGlobalCluster')).toBe(1);
      expect(sent('DescribeDBClusters')).toBe(3);
    } finally {
      await failing.close();
    }
  });

  it('fails fast on a dead endpoint: 3 s to connect, 10 s per request, as errors', async () => {
    const handler = configOf((await pool().get('cloudwatch', 'us-east-1')).client).requestHandler;
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    });
  });

  it('appends drctl/<version> and the caller tokens to the user agent', async () => {
    expect(userAgentPairs(undefined)).toEqual([['drctl', VERSION]]);
    expect(userAgentPairs(' ci/github-actions  nightly ')).toEqual([['drctl', VERSION], ['ci', 'github-actions'], ['nightly']]);
    const ports = testPorts({ endpointUrl: stub.url, userAgent: 'ci/github-actions' });
    pools.push(ports);
    await ports.rds.describeDbCluster('us-east-1', 'c').catch(() => undefined);
    const agent = String(stub.requests[0]!.headers['user-agent']);
    expect(agent).toContain(`drctl/${VERSION}`);
    expect(agent).toContain('ci/github-actions');
  });

  it('signs Route 53 for us-east-1 and regional services for their region', async () => {
    const ports = testPorts({ endpointUrl: stub.url, region: 'eu-west-1' });
    pools.push(ports);
    await ports.route53.getHealthCheck('hc').catch(() => undefined);
    await ports.rds.describeDbCluster('ap-southeast-2', 'c').catch(() => undefined);
    const scopes = stub.requests.map((r) => /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(r.headers.authorization))?.slice(1));
    expect(scopes).toEqual([
      ['us-east-1', 'route53'],
      ['ap-southeast-2', 'rds'],
    ]);
  });

  it('sends a service to its own endpoint when one is given, the rest to endpointUrl', async () => {
    const ports = testPorts({ endpointUrl: stub.url, endpoints: { docdb: other.url } });
    pools.push(ports);
    await ports.docdb.describeDbCluster('us-east-1', 'c').catch(() => undefined);
    await ports.rds.describeDbCluster('us-east-1', 'c').catch(() => undefined);
    expect(other.requests.map((r) => r.headers['user-agent'])).toEqual([
      expect.stringContaining('docdb'),
    ]);
    expect(stub.requests.map((r) => r.headers['user-agent'])).toEqual([
      expect.stringContaining('rds'),
    ]);
  });

  it('destroys its clients on close and makes new ones after', async () => {
    const clients = pool();
    const first = await clients.get('rds', 'us-east-1');
    clients.close();
    const second = await clients.get('rds', 'us-east-1');
    expect(second.client).not.toBe(first.client);
  });
});
