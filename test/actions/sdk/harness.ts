// The actions over the REAL ports (createAwsPorts) with aws-sdk-client-mock answering the SDK commands.
// The test/actions suites run the actions over a stateful fake of the ports and test/aws the ports alone;
// these suites join the two, so a port and an action that disagree on a shape or a region fail here.
// Actions run through the engine's real step attempt on the virtual clock: nothing sleeps for real.
import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { RegisteredAction } from '../../../src/core/define-action';
import type { ActionContext, MetricReading } from '../../../src/core/action';
import { createAwsPorts } from '../../../src/aws';
import type { Resource } from '../../../src/core/resources';
import { inputOf, regionOfCall } from '../../aws/helpers';
import { ACTION_TEST_EPOCH } from '../../helpers/action-context';
import { runAction as runAttemptOf, type ActionRun } from '../../helpers/action-harness';
import { FakeClock } from '../../helpers/fake-clock';

export { inputOf, regionOfCall };

export const ACCOUNT = '123456789012';
export const clusterArn = (region: string, id: string) => `arn:aws:rds:${region}:${ACCOUNT}:cluster:${id}`;

/** $metadata as the SDK fills it on a service error. */
export const errorMetadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'f3f0c2d4-0000-4000-8000-000000000001', attempts: 1, totalRetryDelay: 0 });

export type SdkPorts = ReturnType<typeof createAwsPorts>;

export interface SdkContext extends ActionContext {
  ports: SdkPorts;
  clock: FakeClock;
  observed: string[];
  metrics: MetricReading[];
}

/** The real ports exactly as the CLI builds them for a run (static credentials, region us-east-1). */
export function realPorts(region = 'us-east-1'): SdkPorts {
  return createAwsPorts({ readOnly: false, credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' }, region });
}

export function sdkContext(resources: Record<string, Resource>, ports: SdkPorts = realPorts()): SdkContext {
  const observed: string[] = [];
  const metrics: MetricReading[] = [];
  return {
    ports,
    resources: { ...resources },
    clock: new FakeClock(ACTION_TEST_EPOCH),
    signal: new AbortController().signal,
    dryRun: false,
    stepId: 'step',
    observe: (message) => observed.push(message),
    requestApproval: async () => ({ approved: true, by: 'test' }),
    recordMetric: (reading) => metrics.push(reading),
    observed,
    metrics,
  };
}

/** The action through the engine's real step attempt, over the real ports and the mocked SDK. */
export function runAction(action: RegisteredAction, ctx: SdkContext, params: Record<string, unknown>): Promise<ActionRun> {
  return runAttemptOf(action, ctx, params);
}

interface MockedCall {
  args: unknown[];
  thisValue: unknown;
}

/** [operation, region of the client it went through] for every call a mock answered, in order. */
export async function callsOf(mock: { calls(): MockedCall[] }): Promise<Array<[string, string]>> {
  return Promise.all(
    mock.calls().map(async (call): Promise<[string, string]> => {
      const command = call.args[0] as { constructor: { name: string } };
      return [command.constructor.name.replace(/Command$/, ''), await regionOfCall(call)];
    }),
  );
}

/** The mutating calls among them (not Describe*, Get*, List*). */
export async function mutatingCallsOf(mock: { calls(): MockedCall[] }): Promise<Array<[string, string]>> {
  return (await callsOf(mock)).filter(([operation]) => !/^(Describe|Get|List)/.test(operation));
}

/**
 * Answers GetMetricData like CloudWatch: a short series (newest value last written first) for the
 * metrics named in `series` (by metric name and the value of their one dimension), no data otherwise.
 * Lag metrics exist only in the secondary's region: a query to another region gets no data.
 */
export function answerMetrics(
  mock: AwsClientStub<CloudWatchClient>,
  region: string,
  series: Record<string, number>,
): void {
  mock.on(GetMetricDataCommand).callsFake(async (input: GetMetricDataInputShape, getClient) => {
    const calledRegion = await (getClient() as unknown as { config: { region: () => Promise<string> } }).config.region();
    const query = input.MetricDataQueries?.[0];
    const metric = query?.MetricStat?.Metric;
    const key = `${metric?.MetricName}/${metric?.Dimensions?.[0]?.Value}`;
    const value = calledRegion === region ? series[key] : undefined;
    const end = input.EndTime instanceof Date ? input.EndTime.getTime() : Date.now();
    if (value === undefined) {
      return { MetricDataResults: [{ Id: query?.Id, Label: metric?.MetricName, Timestamps: [], Values: [], StatusCode: 'Complete' }], Messages: [] };
    }
    // Minute points, newest first (ScanBy TimestampDescending), a minute or two late like real metrics.
    const timestamps = [2, 3, 4].map((minutes) => new Date(end - minutes * 60_000));
    return {
      MetricDataResults: [{ Id: query?.Id, Label: metric?.MetricName, Timestamps: timestamps, Values: [value, value * 1.5, value * 0.5], StatusCode: 'Complete' }],
      Messages: [],
    };
  });
}

interface GetMetricDataInputShape {
  MetricDataQueries?: Array<{ Id?: string; MetricStat?: { Metric?: { MetricName?: string; Dimensions?: Array<{ Name?: string; Value?: string }> } } }>;
  EndTime?: Date;
}
