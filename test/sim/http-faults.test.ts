// Faults as a client sees them through the real SDK: throttling the SDK retries, a region whose API is
// out while the other region answers, Route 53's control plane down, and requests the simulator does not
// understand.
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeGlobalClustersCommand } from '@aws-sdk/client-rds';
import { DescribeGlobalReplicationGroupsCommand } from '@aws-sdk/client-elasticache';
import { GetHealthCheckCommand } from '@aws-sdk/client-route-53';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { clients, failure, startShop } from './helpers';

let sim: Awaited<ReturnType<typeof startShop>> | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(faults: FaultSpecInput[]) {
  sim = await startShop(faults);
  return sim;
}

describe('faults over HTTP', () => {
  it('throttles a share of requests; the SDK retries them and succeeds', async () => {
    const { endpoint, world } = await start([{ type: 'throttling', service: 'rds', rate: 0.2 }]);
    const { rds } = clients(endpoint, 'us-east-1');
    for (let i = 0; i < 12; i++) {
      const out = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
      expect(out.GlobalClusters).toHaveLength(1);
    }
    const throttled = world.requests.filter((request) => request.outcome === 'throttled');
    expect(throttled.length).toBeGreaterThan(0);
    expect(world.requestCount('rds', 'us-east-1', 'DescribeGlobalClusters', 'shop-orders')).toBe(12 + throttled.length);
  });

  it('answers throttled requests with each service\'s Throttling error (seen when retries run out)', async () => {
    const services = ['rds', 'elasticache', 'route53', 'cloudwatch'] as const;
    const { endpoint } = await start(services.map((service) => ({ type: 'throttling' as const, service, rate: 1 })));
    const sdk = clients(endpoint, 'us-east-1', 1);
    const errors = await Promise.all([
      failure(sdk.rds.send(new DescribeGlobalClustersCommand({}))),
      failure(sdk.elasticache.send(new DescribeGlobalReplicationGroupsCommand({}))),
      failure(sdk.route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-east' }))),
      failure(sdk.cloudwatch.send(new ListMetricsCommand({}))),
    ]);
    for (const error of errors) {
      expect(error.name).toBe('Throttling');
      expect(error.$metadata?.httpStatusCode).toBe(400);
    }
  });

  it('drops connections to a region in outage while the other region answers', async () => {
    const { endpoint, world } = await start([{ type: 'region-outage', region: 'us-east-1' }]);
    const east = clients(endpoint, 'us-east-1').rds;
    const error = await failure(east.send(new DescribeGlobalClustersCommand({})));
    expect(error.name).not.toMatch(/Fault$/);
    expect(world.requests.filter((request) => request.outcome === 'outage')).toHaveLength(3);
    const west = clients(endpoint, 'us-west-2').rds;
    expect((await west.send(new DescribeGlobalClustersCommand({}))).GlobalClusters).toHaveLength(1);
    const route53 = clients(endpoint, 'us-east-1').route53;
    expect((await route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-east' }))).HealthCheck?.Id).toBe('hc-east');
  });

  it('answers 503 in outage mode 503, for the listed services only', async () => {
    const { endpoint } = await start([{ type: 'region-outage', region: 'us-west-2', mode: '503', services: ['elasticache'] }]);
    const west = clients(endpoint, 'us-west-2');
    const error = await failure(west.elasticache.send(new DescribeGlobalReplicationGroupsCommand({})));
    expect(error.$metadata?.httpStatusCode).toBe(503);
    expect(error.name).toBe('ServiceUnavailable');
    expect((await west.rds.send(new DescribeGlobalClustersCommand({}))).GlobalClusters).toHaveLength(1);
  });

  it('answers unknown actions and garbage with proper errors and keeps serving', async () => {
    const { endpoint } = await start([]);
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    const unknown = await post('Action=DeleteEverything&Version=2014-10-31');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
    const proto = await post('Action=toString&Version=2015-02-02');
    expect(await proto.text()).toContain('<Code>InvalidAction</Code>');
    const json = await fetch(endpoint, { method: 'POST', body: '{not json', headers: { 'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData' } });
    expect(json.status).toBe(400);
    expect(json.headers.get('x-amzn-query-error')).toBe('SerializationException;Sender');
    const xml = await fetch(`${endpoint}/2013-04-01/healthcheck/hc-east`, { method: 'POST', body: '<Update><Broken>' });
    expect(await xml.text()).toContain('<Code>InvalidInput</Code>');
    const path = await fetch(`${endpoint}/2013-04-01/trafficpolicy`);
    expect(path.status).toBe(404);
    const missing = await post('Action=FailoverGlobalCluster&Version=2014-10-31');
    expect(await missing.text()).toContain('<Code>MissingParameter</Code>');
    expect((await post('Action=DescribeGlobalClusters&Version=2014-10-31')).status).toBe(200);
  });

  it("takes Route 53's management API down while its health checkers go on judging", async () => {
    const { endpoint, world, clock } = await start([{ type: 'route53-control-plane-outage', at: '1m', for: '10m' }]);
    const { route53 } = clients(endpoint, 'us-east-1', 1);
    await route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-east' }));
    await clock.advance(2 * 60_000);
    const down = await failure(route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-east' })));
    expect(down.$metadata?.httpStatusCode).toBe(503);
    // The data plane goes on: the checkers still judge the endpoints, and the other services answer.
    expect(world.isHealthy('hc-east')).toBe(true);
    const { rds } = clients(endpoint, 'us-east-1', 1);
    expect((await rds.send(new DescribeGlobalClustersCommand({}))).GlobalClusters?.length).toBeGreaterThan(0);
    await clock.advance(10 * 60_000);
    expect((await route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-east' }))).HealthCheck?.Id).toBe('hc-east');
  });
});
