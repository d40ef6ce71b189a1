// CloudWatch (JSON 1.0, query-compatible) through the real SDK client over HTTP.
import { GetMetricDataCommand, ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, failure, MINUTE, START, startShop } from './helpers';

let sim: Awaited<ReturnType<typeof startShop>>;
beforeEach(async () => {
  sim = await startShop([{ type: 'lag-spike', resource: 'shop-orders', value: '4s', at: '2m', for: '2m' }]);
  await sim.clock.advance(10 * MINUTE);
});
afterEach(async () => {
  await sim.close();
});

function lagQuery(namespace: string, metricName: string, dimensions: Record<string, string>) {
  return new GetMetricDataCommand({
    StartTime: new Date(START),
    EndTime: new Date(START + 10 * MINUTE),
    MetricDataQueries: [
      {
        Id: 'lag',
        MetricStat: {
          Metric: { Namespace: namespace, MetricName: metricName, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
          Period: 60,
          Stat: 'Maximum',
        },
      },
    ],
  });
}

describe('CloudWatch over HTTP', () => {
  it('serves Aurora lag in ms, only in the secondary region, newest first, with the spike', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const out = await west.send(lagQuery('AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'shop-orders-usw2' }));
    const result = out.MetricDataResults?.[0];
    expect(result?.StatusCode).toBe('Complete');
    expect(result?.Timestamps).toHaveLength(10);
    expect(result?.Timestamps?.[0]).toEqual(new Date(START + 9 * MINUTE));
    const values = result?.Values ?? [];
    expect(values.filter((value) => value === 4000)).toHaveLength(2);
    expect(values.filter((value) => value !== 4000).every((value) => value >= 90 && value <= 210)).toBe(true);
    const east = clients(sim.endpoint, 'us-east-1').cloudwatch;
    const nothing = await east.send(lagQuery('AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'shop-orders-usw2' }));
    expect(nothing.MetricDataResults?.[0]?.Values).toEqual([]);
  });

  it('serves DocumentDB lag in ms and ElastiCache lag in seconds per member cache cluster', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const docdb = await west.send(lagQuery('AWS/DocDB', 'GlobalClusterReplicationLag', { DBClusterIdentifier: 'shop-catalog-usw2' }));
    expect(docdb.MetricDataResults?.[0]?.Values?.every((value) => value >= 180 && value <= 420)).toBe(true);
    const cache = await west.send(lagQuery('AWS/ElastiCache', 'GlobalDatastoreReplicationLag', { CacheClusterId: 'shop-sessions-usw2-001' }));
    const seconds = cache.MetricDataResults?.[0]?.Values ?? [];
    expect(seconds).toHaveLength(10);
    expect(seconds.every((value) => value > 0.2 && value < 0.6)).toBe(true);
  });

  it('lists the metrics that exist in a region and stores custom data', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const listed = await west.send(new ListMetricsCommand({ Namespace: 'AWS/RDS', Dimensions: [{ Name: 'DBClusterIdentifier' }] }));
    expect(listed.Metrics?.map((metric) => metric.MetricName).sort()).toEqual(['AuroraGlobalDBProgressLag', 'AuroraGlobalDBRPOLag', 'AuroraGlobalDBReplicationLag']);
    await west.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 42, Timestamp: new Date(START + 5 * MINUTE) }] }));
    const custom = await west.send(lagQuery('Shop', 'Orders', {}));
    expect(custom.MetricDataResults?.[0]?.Values).toEqual([42]);
  });

  it('answers a bad query id with a typed InvalidParameterValue carrying the query-era code', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const command = lagQuery('AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'shop-orders-usw2' });
    command.input.MetricDataQueries = command.input.MetricDataQueries?.map((query) => ({ ...query, Id: 'Lag' }));
    const error = await failure(west.send(command));
    expect(error.name).toBe('InvalidParameterValueException');
    expect(error.Code).toBe('InvalidParameterValue');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('refuses a NextToken it never handed out with InvalidNextToken (400)', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const command = lagQuery('AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'shop-orders-usw2' });
    command.input.NextToken = 'not-a-token';
    const error = await failure(west.send(command));
    expect(error.name).toBe('InvalidNextToken');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});
