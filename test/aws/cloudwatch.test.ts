// MetricsPort: GetMetricData for one series, every page, newest first.
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
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
});
