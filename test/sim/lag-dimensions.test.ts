// The simulator's CloudWatch can publish replication lag under extra dimensions only (a world file's
// metrics.lagDimensions: extra), as a real account may: asking for the identifying dimension alone then
// finds nothing, and drctl must discover the sets with ListMetrics. The real ports over HTTP.
import { GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datastoreLagMetrics, globalClusterLagMetrics, readFirstLag, readLargestLag } from '../../src/actions/shared/lag';
import { createAwsPorts } from '../../src/aws';
import { ManualClock } from '../../src/sim/clock';
import { SIM_CREDENTIALS, startSimulator, type RunningSimulator } from '../../src/sim/index';
import { shopWorld } from '../helpers/shop-world';
import { clients, MINUTE, START } from './helpers';

let sim: RunningSimulator;
let clock: ManualClock;
let ports: ReturnType<typeof createAwsPorts>;

beforeEach(async () => {
  clock = new ManualClock(START);
  const world = shopWorld();
  sim = await startSimulator({ world: { ...world, spec: { ...world.spec, metrics: { lagDimensions: 'extra' } } }, clock });
  ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, readOnly: true, maxAttempts: 1 });
  await clock.advance(10 * MINUTE);
});
afterEach(async () => {
  ports.close();
  await sim.close();
});

describe('lag published under extra dimensions only', () => {
  it('is not found by the identifying dimension alone (GetMetricData matches exact sets)', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const out = await west.send(new GetMetricDataCommand({
      StartTime: new Date(START),
      EndTime: new Date(START + 10 * MINUTE),
      MetricDataQueries: [{ Id: 'lag', MetricStat: { Metric: { Namespace: 'AWS/RDS', MetricName: 'AuroraGlobalDBRPOLag', Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'shop-orders-usw2' }] }, Period: 60, Stat: 'Maximum' } }],
    }));
    expect(out.MetricDataResults?.[0]?.Values).toEqual([]);
    const listed = await west.send(new ListMetricsCommand({ Namespace: 'AWS/RDS', MetricName: 'AuroraGlobalDBRPOLag', Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'shop-orders-usw2' }] }));
    expect(listed.Metrics?.map((metric) => metric.Dimensions)).toEqual([[{ Name: 'DBClusterIdentifier', Value: 'shop-orders-usw2' }, { Name: 'SourceRegion', Value: 'us-east-1' }]]);
  });

  it('is read by drctl through ListMetrics, naming the set, the datapoint and its age', async () => {
    const now = clock.now();
    const orders = await readFirstLag(ports.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'shop-orders-usw2'), now);
    expect(orders).toMatchObject({
      missing: false,
      metricName: 'AuroraGlobalDBRPOLag',
      dimensions: { DBClusterIdentifier: 'shop-orders-usw2', SourceRegion: 'us-east-1' },
      at: now - MINUTE,
      ageMs: MINUTE,
      stale: false,
    });
    const catalog = await readFirstLag(ports.cloudwatch, 'us-west-2', globalClusterLagMetrics('docdb', 'shop-catalog-usw2'), now);
    expect(catalog).toMatchObject({ missing: false, dimensions: { DBClusterIdentifier: 'shop-catalog-usw2', SourceRegion: 'us-east-1' } });
    const sessions = await readLargestLag(ports.cloudwatch, 'us-west-2', datastoreLagMetrics(['shop-sessions-usw2-001', 'shop-sessions-usw2-002']), now);
    expect(sessions).toMatchObject({ missing: false, dimensions: { CacheNodeId: '0001' } });
    expect(sessions.valueMs).toBeGreaterThan(0);
  });
});
