// CloudWatch against moto_server (an emulator nobody here wrote). Replication lag read however it is
// published: GetMetricData matches dimension sets exactly, and AWS does not document the sets its lag
// metrics carry (AWS-API-2.md 4.3); here they are published only under extra dimensions (SourceRegion for
// Aurora and DocumentDB, CacheNodeId for ElastiCache), never under the identifying dimension alone, and
// drctl must still find them (ListMetrics in the secondary's region) and say which set answered. Then the
// application's alarms through DescribeAlarms (moto has metric alarms only; composites are in the SDK-mock
// and simulator suites).
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAlarm } from '../../src/actions/alarms/read';
import { datastoreLagMetrics, globalClusterLagMetrics, readFirstLag, readLargestLag } from '../../src/actions/shared/lag';
import type { ActionContext } from '../../src/core/action';
import { InstantClock } from '../helpers/action-context';
import { TEST_CREDENTIALS, testPorts } from './helpers';
import { findMotoServer, type MotoServer, startMotoServer } from './moto-server';

const motoPath = findMotoServer();
if (!motoPath) console.warn('test/aws/moto-cloudwatch.test.ts: moto_server is not on PATH; skipping the moto CloudWatch suite.');

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
    await west.send(new PutMetricAlarmCommand({
      AlarmName: 'api-5xx-usw2', Namespace: 'Shop', MetricName: '5xx', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold',
    }));
    await west.send(new SetAlarmStateCommand({ AlarmName: 'api-5xx-usw2', StateValue: 'OK', StateReason: 'no 5xx above 5 a minute' }));
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

  it('reads an application alarm\'s state by name in its region, and a name moto does not have is absent', async () => {
    const alarms = await ports.cloudwatch.describeAlarms('us-west-2', ['api-5xx-usw2', 'no-such-alarm']);
    expect(alarms).toEqual([expect.objectContaining({ name: 'api-5xx-usw2', kind: 'metric', state: 'OK', reason: 'no 5xx above 5 a minute' })]);
    await expect(ports.cloudwatch.describeAlarms('us-east-1', ['api-5xx-usw2'])).resolves.toEqual([]);
    const ctx = { ports, resources: { app: { type: 'cloudwatch-alarm', alarmName: 'api-5xx-usw2', region: 'us-west-2' } }, clock: new InstantClock(Date.now()) } as unknown as ActionContext;
    await expect(readAlarm(ctx, 'app', 0)).resolves.toMatchObject({ ok: true, alarm: { state: 'OK' } });
    const missing = { ...ctx, resources: { app: { type: 'cloudwatch-alarm', alarmName: 'api-5xx-use1', region: 'us-west-2' } } } as unknown as ActionContext;
    await expect(readAlarm(missing, 'app', 0)).rejects.toMatchObject({ code: 'action.alarm-not-found' });
  });
});
