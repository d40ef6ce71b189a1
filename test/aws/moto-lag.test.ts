// Replication lag read however CloudWatch publishes it, against moto_server (an emulator nobody here
// wrote). GetMetricData matches dimension sets exactly, and AWS does not document the sets its lag metrics
// carry (AWS-API-2.md 4.3): here they are published only under extra dimensions (SourceRegion for Aurora
// and DocumentDB, CacheNodeId for ElastiCache), never under the identifying dimension alone, and drctl
// must still find them (ListMetrics in the secondary's region) and say which set answered.
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datastoreLagMetrics, globalClusterLagMetrics, readFirstLag, readLargestLag } from '../../src/actions/shared/lag';
import { TEST_CREDENTIALS, testPorts } from './helpers';
import { findMotoServer, type MotoServer, startMotoServer } from './moto-server';

const motoPath = findMotoServer();
if (!motoPath) console.warn('test/aws/moto-lag.test.ts: moto_server is not on PATH; skipping the moto lag suite.');

describe.skipIf(!motoPath)('replication lag under extra dimensions, against moto_server', () => {
  let moto: MotoServer;
  let ports: ReturnType<typeof testPorts>;
  // moto keeps the timestamps it is given: whole minutes, like CloudWatch's one-minute periods.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

  beforeAll(async () => {
    moto = await startMotoServer(motoPath!);
    ports = testPorts({ endpointUrl: moto.url, maxAttempts: 2 });
    const west = new CloudWatchClient({ region: 'us-west-2', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    const datum = (MetricName: string, dimensions: Record<string, string>, minutes: number, Value: number): MetricDatum => ({
      MetricName,
      Dimensions: Object.entries(dimensions).map(([Name, DimensionValue]) => ({ Name, Value: DimensionValue })),
      Timestamp: minutesAgo(minutes),
      Value,
    });
    const orders = { DBClusterIdentifier: 'orders-west', SourceRegion: 'us-east-1' };
    await west.send(new PutMetricDataCommand({
      Namespace: 'AWS/RDS',
      MetricData: [datum('AuroraGlobalDBRPOLag', orders, 3, 410), datum('AuroraGlobalDBRPOLag', orders, 2, 245)],
    }));
    await west.send(new PutMetricDataCommand({
      Namespace: 'AWS/DocDB',
      MetricData: [datum('GlobalClusterReplicationLag', { DBClusterIdentifier: 'catalog-west', SourceRegion: 'us-east-1' }, 2, 180)],
    }));
    // ElastiCache: node level, in SECONDS; the second node lags more.
    await west.send(new PutMetricDataCommand({
      Namespace: 'AWS/ElastiCache',
      MetricData: [
        datum('GlobalDatastoreReplicationLag', { CacheClusterId: 'sessions-usw2-001', CacheNodeId: '0001' }, 2, 0.2),
        datum('GlobalDatastoreReplicationLag', { CacheClusterId: 'sessions-usw2-002', CacheNodeId: '0001' }, 2, 0.35),
      ],
    }));
    // A stale series: its newest point is twelve minutes old.
    await west.send(new PutMetricDataCommand({
      Namespace: 'AWS/RDS',
      MetricData: [datum('AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'quiet-west', SourceRegion: 'us-east-1' }, 12, 90)],
    }));
    west.destroy();
  });

  afterAll(async () => {
    ports?.close();
    await moto?.stop();
  });

  it('finds Aurora lag published with {DBClusterIdentifier, SourceRegion} and names the set, the point and its age', async () => {
    const reading = await readFirstLag(ports.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'orders-west'), now);
    expect(reading).toMatchObject({
      missing: false,
      metricName: 'AuroraGlobalDBRPOLag',
      region: 'us-west-2',
      dimensions: { DBClusterIdentifier: 'orders-west', SourceRegion: 'us-east-1' },
      valueMs: 245,
      at: now - 120_000,
      ageMs: 120_000,
      stale: false,
    });
  });

  it('finds DocumentDB lag under extra dimensions too', async () => {
    const reading = await readFirstLag(ports.cloudwatch, 'us-west-2', globalClusterLagMetrics('docdb', 'catalog-west'), now);
    expect(reading).toMatchObject({ missing: false, valueMs: 180, dimensions: { DBClusterIdentifier: 'catalog-west', SourceRegion: 'us-east-1' } });
  });

  it('finds ElastiCache node lag published with {CacheClusterId, CacheNodeId}: the largest node, seconds turned to ms', async () => {
    const reading = await readLargestLag(ports.cloudwatch, 'us-west-2', datastoreLagMetrics(['sessions-usw2-001', 'sessions-usw2-002']), now);
    expect(reading).toMatchObject({ missing: false, valueMs: 350, dimensions: { CacheClusterId: 'sessions-usw2-002', CacheNodeId: '0001' } });
  });

  it('calls a datapoint older than the limit stale, not a measurement', async () => {
    const reading = await readFirstLag(ports.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'quiet-west'), now);
    expect(reading).toMatchObject({ missing: false, stale: true, valueMs: 90, ageMs: 12 * 60_000 });
  });

  it('says plainly when there is no lag at all in the region asked', async () => {
    const reading = await readFirstLag(ports.cloudwatch, 'us-east-1', globalClusterLagMetrics('rds', 'orders-west'), now);
    expect(reading).toMatchObject({ missing: true, region: 'us-east-1' });
  });
});
