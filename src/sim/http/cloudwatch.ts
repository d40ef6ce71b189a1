// The CloudWatch endpoint (GetMetricData, ListMetrics, PutMetricData, DescribeAlarms): AWS JSON 1.0 with
// awsQueryCompatible (x-amz-target GraniteServiceVersion20100801.<Op>), timestamps in epoch seconds both
// ways, errors as `__type` plus the x-amzn-query-error header the SDK reads the query-era code from
// (AWS-API.md section 1.3).
import type { SimFrontEnd } from './front-end';
import { faults, SimFault } from '../sim-fault';
import type { SimWorld } from '../world';
import { dimensionsKey } from '../world-metrics';
import { queryStat } from '../world-metrics-query';
import { asArray, asRecord, asString, type Json, jsonBody } from './json';
import { handlerFor, type Reply, type Routed, type SimRequest } from './wire';
import { describeAlarms } from './cloudwatch-alarms';

export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801.';

/** Query-era codes -> the JSON shape names of the CloudWatch model. */
const SHAPE_NAMES: Record<string, string> = {
  InvalidParameterValue: 'InvalidParameterValueException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  MissingParameter: 'MissingRequiredParameterException',
  InternalServiceError: 'InternalServiceFault',
  LimitExceeded: 'LimitExceededException',
};

type Handler = (input: Json, request: SimRequest, world: SimWorld) => Json;


function dimensionsOf(value: unknown): Record<string, string> {
  return Object.fromEntries(asArray(value).map((dimension) => [asString(asRecord(dimension).Name) ?? '', asString(asRecord(dimension).Value) ?? '']));
}

/** Epoch seconds (what the SDK sends) or an ISO string, to epoch ms. */
function timeOf(value: unknown, name: string): number {
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw faults.missingParameter(name);
  return ms;
}

const handlers: Record<string, Handler> = {
  GetMetricData(input, request, world) {
    const queries = asArray(input.MetricDataQueries).map(asRecord);
    if (queries.length === 0) throw faults.missingParameter('MetricDataQueries');
    // Every answer fits in one page, so no token was ever handed out: any NextToken is unknown.
    if (input.NextToken !== undefined) throw faults.invalidNextToken();
    const start = timeOf(input.StartTime, 'StartTime');
    const end = timeOf(input.EndTime, 'EndTime');
    const descending = input.ScanBy !== 'TimestampAscending';
    const results = queries.filter((query) => query.ReturnData !== false).map((query) => {
      const id = asString(query.Id) ?? '';
      if (!/^[a-z][A-Za-z0-9_]*$/.test(id)) {
        throw faults.invalidParameterValue(`The value ${id} for parameter MetricDataQueries.member.1.Id is not valid.`);
      }
      const stat = asRecord(query.MetricStat);
      if (query.Expression !== undefined || !query.MetricStat) {
        const unsupported = { Code: 'Unsupported', Value: 'The drctl simulator does not evaluate metric math or SEARCH expressions.' };
        return { Id: id, Label: asString(query.Label) ?? id, Timestamps: [], Values: [], StatusCode: 'Complete', Messages: [unsupported] };
      }
      const metric = asRecord(stat.Metric);
      const metricName = asString(metric.MetricName) ?? '';
      const series = world.metrics.find(request.region, asString(metric.Namespace) ?? '', metricName, dimensionsOf(metric.Dimensions));
      const points = queryStat(series, {
        periodSeconds: Number(stat.Period),
        stat: asString(stat.Stat) ?? '',
        start,
        end,
        now: world.now(),
        descending,
      });
      const timestamps = points.timestamps.map((t) => t / 1000);
      return { Id: id, Label: asString(query.Label) ?? metricName, Timestamps: timestamps, Values: points.values, StatusCode: 'Complete' };
    });
    return { MetricDataResults: results, Messages: [] };
  },

  DescribeAlarms: (input, request, world) => describeAlarms(input, request.region, world),

  ListMetrics(input, request, world) {
    const wanted = asArray(input.Dimensions).map(asRecord);
    const metrics = world.metrics
      .seriesIn(request.region)
      .filter((series) => input.Namespace === undefined || series.namespace === input.Namespace)
      .filter((series) => input.MetricName === undefined || series.metricName === input.MetricName)
      .filter((series) => wanted.every((filter) => {
        const value = series.dimensions[asString(filter.Name) ?? ''];
        return value !== undefined && (filter.Value === undefined || filter.Value === value);
      }));
    const unique = new Map(metrics.map((series) => [`${series.namespace}|${series.metricName}|${dimensionsKey(series.dimensions)}`, series]));
    return {
      Metrics: [...unique.values()].map((series) => ({
        Namespace: series.namespace,
        MetricName: series.metricName,
        Dimensions: Object.entries(series.dimensions).map(([Name, Value]) => ({ Name, Value })),
      })),
    };
  },

  PutMetricData(input, request, world) {
    const namespace = asString(input.Namespace);
    if (!namespace) throw faults.missingParameter('Namespace');
    for (const datum of asArray(input.MetricData).map(asRecord)) {
      const t = datum.Timestamp === undefined ? world.now() : timeOf(datum.Timestamp, 'Timestamp');
      const values = datum.Value !== undefined ? [Number(datum.Value)] : asArray(datum.Values).map(Number);
      for (const v of values) world.metrics.put(request.region, namespace, asString(datum.MetricName) ?? '', dimensionsOf(datum.Dimensions), { t, v });
    }
    return {};
  },
};

export function cloudWatchError(fault: SimFault, requestId: string): Reply {
  const shape = SHAPE_NAMES[fault.code] ?? fault.code;
  return {
    status: fault.httpStatus,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${fault.code};${fault.type}` },
    body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${shape}`, message: fault.message }),
  };
}

/** JSON 1.0, X-Amz-Target GraniteServiceVersion20100801.<Operation>. */
export const cloudWatchFrontEnd: SimFrontEnd = {
  accepts: (_request, facts) => facts.target.startsWith(CLOUDWATCH_TARGET_PREFIX),
  route: (request, facts, world) => routeCloudWatch(request, facts.target, world),
};

export function routeCloudWatch(request: SimRequest, target: string, world: SimWorld): Routed {
  const operation = target.slice(CLOUDWATCH_TARGET_PREFIX.length);
  const { input, malformed } = jsonBody(request);
  const firstDimensions = dimensionsOf(asRecord(asRecord(asRecord(asArray(input.MetricDataQueries)[0]).MetricStat).Metric).Dimensions);
  return {
    service: 'cloudwatch',
    operation,
    resource: Object.values(firstDimensions).join(',') || '*',
    error: cloudWatchError,
    handle() {
      if (malformed) throw new SimFault('SerializationException', 'The request body is not valid JSON.');
      const handler = handlerFor(handlers, operation);
      if (!handler) throw new SimFault('UnknownOperationException', `The drctl simulator does not implement CloudWatch ${operation}.`);
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(handler(input, request, world)) };
    },
  };
}
