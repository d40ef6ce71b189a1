// MetricsPort: GetMetricData for one series, every page, newest first; ListMetrics for the dimension sets a
// metric is published under; DescribeAlarms for metric and composite alarms alike.
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricQuery } from '../../src/core/services/cloudwatch';
import { inputOf, regionOfCall, testPorts } from './helpers';

const mock = mockClient(CloudWatchClient);
afterAll(() => mock.restore());

const query: MetricQuery = {
  namespace: 'AWS/RDS',
  metricName: 'AuroraGlobalDBRPOLag',
  dimensions: { DBClusterIdentifier: 'orders-west' },
  stat: 'Maximum',
  periodSeconds: 60,
  start: new Date('2026-01-02T03:00:00Z'),
  end: new Date('2026-01-02T04:00:00Z'),
};
const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 3, minute));

describe('cloudwatch metrics port', () => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    mock.reset();
    ports = testPorts();
  });
  afterEach(() => ports.close());

  it('asks for the exact dimension set in the region given and maps the points', async () => {
    mock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{ Id: 'series', Timestamps: [at(59), at(58)], Values: [412, 380], StatusCode: 'Complete' }],
    });
    const points = await ports.cloudwatch.getMetricSeries('us-west-2', query);
    const call = mock.commandCalls(GetMetricDataCommand)[0]!;
    expect(inputOf(call)).toEqual({
      MetricDataQueries: [
        {
          Id: 'series',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/RDS',
              MetricName: 'AuroraGlobalDBRPOLag',
              Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'orders-west' }],
            },
            Period: 60,
            Stat: 'Maximum',
          },
          ReturnData: true,
        },
      ],
      StartTime: query.start,
      EndTime: query.end,
      ScanBy: 'TimestampDescending',
    });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(points).toEqual([
      { timestamp: at(59), value: 412 },
      { timestamp: at(58), value: 380 },
    ]);
  });

  it('follows NextToken through every page and returns newest first', async () => {
    mock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [{ Id: 'series', Timestamps: [at(10), at(30)], Values: [1, 3], StatusCode: 'PartialData' }],
        NextToken: 'page-2',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'series', Timestamps: [at(20)], Values: [2], StatusCode: 'Complete' }] });
    const points = await ports.cloudwatch.getMetricSeries('us-west-2', query);
    const calls = mock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    expect(inputOf(calls[1]!)).toMatchObject({ NextToken: 'page-2' });
    expect(points.map((p) => p.value)).toEqual([3, 2, 1]);
  });

  it('stops when the endpoint hands back the same token again', async () => {
    mock.on(GetMetricDataCommand).resolves({ MetricDataResults: [], NextToken: 'same' });
    await expect(ports.cloudwatch.getMetricSeries('us-west-2', query)).resolves.toEqual([]);
    expect(mock.commandCalls(GetMetricDataCommand)).toHaveLength(2);
  });

  it('returns an empty series when the region has no data (the primary region for a lag metric)', async () => {
    mock.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'series', Timestamps: [], Values: [], StatusCode: 'Complete' }] });
    await expect(ports.cloudwatch.getMetricSeries('us-east-1', query)).resolves.toEqual([]);
  });

  it.each([
    ['Forbidden', 'aws.access-denied'],
    ['InternalError', 'aws.service'],
  ] as const)('raises when the series itself answers %s', async (StatusCode, code) => {
    mock.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'series', Timestamps: [], Values: [], StatusCode }] });
    await expect(ports.cloudwatch.getMetricSeries('us-west-2', query)).rejects.toMatchObject({
      code,
      details: { service: 'cloudwatch', region: 'us-west-2', operation: 'GetMetricData', awsCode: StatusCode },
    });
  });

  it('lists every dimension set holding the identifying dimension, every page, in the region asked', async () => {
    mock
      .on(ListMetricsCommand)
      .resolvesOnce({
        Metrics: [{ Namespace: 'AWS/RDS', MetricName: 'AuroraGlobalDBRPOLag', Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'orders-west' }, { Name: 'SourceRegion', Value: 'us-east-1' }] }],
        NextToken: 'more',
      })
      .resolvesOnce({ Metrics: [{ Namespace: 'AWS/RDS', MetricName: 'AuroraGlobalDBRPOLag', Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'orders-west' }] }] });
    const sets = await ports.cloudwatch.listMetrics('us-west-2', { namespace: 'AWS/RDS', metricName: 'AuroraGlobalDBRPOLag', dimensions: { DBClusterIdentifier: 'orders-west' } });
    expect(sets.map((set) => set.dimensions)).toEqual([{ DBClusterIdentifier: 'orders-west', SourceRegion: 'us-east-1' }, { DBClusterIdentifier: 'orders-west' }]);
    const calls = mock.commandCalls(ListMetricsCommand);
    expect(inputOf(calls[0]!)).toEqual({ Namespace: 'AWS/RDS', MetricName: 'AuroraGlobalDBRPOLag', Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'orders-west' }] });
    expect(inputOf(calls[1]!)).toMatchObject({ NextToken: 'more' });
    expect(await regionOfCall(calls[0]!)).toBe('us-west-2');
  });

  it('describes alarms by name with both alarm types, so a composite alarm is not silently left out', async () => {
    const changed = new Date('2026-01-02T03:04:05Z');
    mock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ AlarmName: 'api-5xx-west', StateValue: 'OK', StateReason: 'Threshold Crossed: no datapoint above 5', StateTransitionedTimestamp: changed }],
      CompositeAlarms: [{ AlarmName: 'shop-healthy-west', StateValue: 'ALARM', StateTransitionedTimestamp: changed, StateUpdatedTimestamp: new Date('2026-01-02T04:00:00Z') }],
    });
    const alarms = await ports.cloudwatch.describeAlarms('us-west-2', ['api-5xx-west', 'shop-healthy-west', 'no-such-alarm']);
    expect(inputOf(mock.commandCalls(DescribeAlarmsCommand)[0]!)).toEqual({
      AlarmNames: ['api-5xx-west', 'shop-healthy-west', 'no-such-alarm'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    });
    // A name AWS does not know is absent: the caller diffs. "OK for N seconds" counts from the transition.
    expect(alarms).toEqual([
      { name: 'api-5xx-west', kind: 'metric', state: 'OK', reason: 'Threshold Crossed: no datapoint above 5', transitionedAt: changed },
      { name: 'shop-healthy-west', kind: 'composite', state: 'ALARM', transitionedAt: changed },
    ]);
  });

  it('asks for at most 100 alarm names a call', async () => {
    mock.on(DescribeAlarmsCommand).resolves({});
    const names = Array.from({ length: 150 }, (_, index) => `alarm-${index}`);
    await ports.cloudwatch.describeAlarms('us-west-2', names);
    expect(mock.commandCalls(DescribeAlarmsCommand).map((call) => (inputOf(call) as { AlarmNames: string[] }).AlarmNames.length)).toEqual([100, 50]);
  });
});
