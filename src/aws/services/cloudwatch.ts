// MetricsPort: one metric series through GetMetricData, every page of it; the dimension sets a metric is
// published under (ListMetrics); alarm states (DescribeAlarms). Replication-lag metrics are emitted in the
// secondary's region only, so an empty series is a normal answer, not an error.
import type { DescribeAlarmsOutput, GetMetricDataOutput, ListMetricsOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { type CallTarget, seriesStatusError } from '../classify';
import type { ClientPool } from '../client-pool';
import { invoke, targetOf } from '../invoke';
import type { AwsServicePart } from './part';
import type { AlarmState, AlarmView, MetricIdentity, MetricPoint, MetricQuery, MetricsPort } from '../../core/services/cloudwatch';
import { allPages } from '../pages';

const service = 'cloudwatch';
const operation = 'GetMetricData';
const QUERY_ID = 'series'; // must start with a lowercase letter
// One series at 60 s over 15 days is 21,600 points, well inside one page of 100,800; more pages than this
// means the endpoint keeps handing back tokens.
const MAX_PAGES = 20;

export const cloudwatchSdk: AwsServicePart<'cloudwatch'> = {
  load: () => import('@aws-sdk/client-cloudwatch'),
  client: 'CloudWatchClient',
  createPort: (pool) => createMetricsPort(pool),
};

export function createMetricsPort(pool: ClientPool): MetricsPort {
  return {
    async getMetricSeries(region, query) {
      const resource = `metric ${query.namespace} ${query.metricName}${describeDimensions(query.dimensions)}`;
      const points: MetricPoint[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const output = await invoke<GetMetricDataOutput>(pool, {
          service,
          region,
          operation,
          resource,
          input: metricDataInput(query, nextToken),
        });
        const result = output.MetricDataResults?.find((r) => r.Id === QUERY_ID);
        if (result) points.push(...toPoints(result, targetOf(pool, { service, region, operation, resource })));
        if (!output.NextToken || output.NextToken === nextToken) break;
        nextToken = output.NextToken;
      }
      // Newest first, as the port promises, however the pages were cut.
      return points.sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
    },

    listMetrics(region, filter) {
      const resource = `metrics ${filter.namespace} ${filter.metricName}${describeDimensions(filter.dimensions)}`;
      return allPages(async (NextToken) => {
        const output = await invoke<ListMetricsOutput>(pool, {
          service,
          region,
          operation: 'ListMetrics',
          resource,
          input: { Namespace: filter.namespace, MetricName: filter.metricName, Dimensions: toDimensions(filter.dimensions), ...(NextToken ? { NextToken } : {}) },
        });
        const items = (output.Metrics ?? []).map((metric): MetricIdentity => ({
          namespace: metric.Namespace ?? filter.namespace,
          metricName: metric.MetricName ?? filter.metricName,
          dimensions: Object.fromEntries((metric.Dimensions ?? []).map((dimension) => [dimension.Name ?? '', dimension.Value ?? ''])),
        }));
        return { items, next: output.NextToken };
      });
    },

    async describeAlarms(region, names) {
      const alarms: AlarmView[] = [];
      // AlarmNames takes at most 100 names a call.
      for (let index = 0; index < names.length; index += 100) {
        const batch = names.slice(index, index + 100);
        alarms.push(...(await allPages(async (NextToken) => {
          const output = await invoke<DescribeAlarmsOutput>(pool, {
            service,
            region,
            operation: 'DescribeAlarms',
            resource: `alarms ${batch.join(', ')}`,
            input: { AlarmNames: batch, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(NextToken ? { NextToken } : {}) },
          });
          const items = [
            ...(output.MetricAlarms ?? []).map((alarm) => toAlarm(alarm, 'metric')),
            ...(output.CompositeAlarms ?? []).map((alarm) => toAlarm(alarm, 'composite')),
          ];
          return { items, next: output.NextToken };
        })));
      }
      return alarms;
    },
  };
}

const ALARM_STATES: readonly string[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] satisfies AlarmState[];

interface WireAlarm {
  AlarmName?: string;
  StateValue?: string;
  StateReason?: string;
  StateTransitionedTimestamp?: Date;
  StateUpdatedTimestamp?: Date;
}

function toAlarm(alarm: WireAlarm, kind: AlarmView['kind']): AlarmView {
  // An unknown state is no evidence of health: read it as no data.
  const state = ALARM_STATES.includes(alarm.StateValue ?? '') ? (alarm.StateValue as AlarmState) : 'INSUFFICIENT_DATA';
  // StateTransitionedTimestamp is when StateValue last changed; older services only send StateUpdated.
  const transitionedAt = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp;
  return { name: alarm.AlarmName ?? '', kind, state, ...(alarm.StateReason ? { reason: alarm.StateReason } : {}), ...(transitionedAt ? { transitionedAt } : {}) };
}

function toDimensions(dimensions: Record<string, string>) {
  return Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value }));
}

export function metricDataInput(query: MetricQuery, nextToken: string | undefined): object {
  return {
    MetricDataQueries: [
      {
        Id: QUERY_ID,
        MetricStat: {
          Metric: {
            Namespace: query.namespace,
            MetricName: query.metricName,
            // GetMetricData matches the exact dimension set: no more and no fewer than these.
            Dimensions: toDimensions(query.dimensions),
          },
          Period: query.periodSeconds,
          Stat: query.stat,
        },
        ReturnData: true,
      },
    ],
    StartTime: query.start,
    EndTime: query.end,
    ScanBy: 'TimestampDescending',
    ...(nextToken === undefined ? {} : { NextToken: nextToken }),
  };
}

function toPoints(result: MetricDataResult, target: CallTarget): MetricPoint[] {
  // A per-query status is not an HTTP error: the call succeeded but this series could not be read.
  if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
    throw seriesStatusError(target, result.StatusCode);
  }
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  return timestamps.flatMap((timestamp, i) => {
    const value = values[i];
    return value === undefined ? [] : [{ timestamp, value }];
  });
}

function describeDimensions(dimensions: Record<string, string>): string {
  const entries = Object.entries(dimensions);
  return entries.length ? ` (${entries.map(([name, value]) => `${name}=${value}`).join(', ')})` : '';
}
