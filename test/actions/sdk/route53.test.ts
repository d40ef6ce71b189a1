// route53.invert-health-check, route53.set-records and route53.wait-healthy through the real Route 53 port,
// with aws-sdk-client-mock answering GetHealthCheck, GetHealthCheckStatus, ListResourceRecordSets,
// GetChange and the mutating calls. Route 53 is global: every call goes to a client for us-east-1, even
// when the run's region is another one.
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHealthCheckCommand,
  GetHealthCheckStatusCommand,
  type HealthCheck,
  type HealthCheckObservation,
  type HealthCheckRegion,
  HealthCheckVersionMismatch,
  InvalidChangeBatch,
  ListResourceRecordSetsCommand,
  NoSuchHealthCheck,
  PriorRequestNotComplete,
  type ResourceRecordSet,
  Route53Client,
  UpdateHealthCheckCommand,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { route53Family } from '../../../src/actions/route53/family';
import { DrctlError } from '../../../src/core/errors';
import type { Resource } from '../../../src/core/resources';
import { actionNamed } from '../../helpers/action-context';
import { FAKE_SHOP_RESOURCES } from '../../helpers/fake-shop';
import { callsOf, errorMetadata, inputOf, mutatingCallsOf, realPorts, regionOfCall, runAction, sdkContext, type SdkContext } from './harness';

const mock = mockClient(Route53Client);
afterAll(() => mock.restore());

const HC_WEST = 'f1a6e0c4-3b2d-4e8f-9a71-0c5d2b8e4a10';
const HC_EAST = '7d2c9b1e-5a4f-4c3d-8e2b-1f0a9c8d7e61';
const ZONE = 'Z0348512ABCDEFSHOP';
const SHOP: Record<string, Resource> = {
  ...FAKE_SHOP_RESOURCES,
  'api-west': { type: 'route53-health-check', healthCheckId: HC_WEST },
  'api-east': { type: 'route53-health-check', healthCheckId: HC_EAST },
  'api-record': { type: 'route53-record-set', hostedZoneId: ZONE, name: 'api.shop.example.com', recordType: 'A' },
};

const CHECKER_REGIONS: HealthCheckRegion[] = ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];

function healthCheck(options: { version?: number; inverted?: boolean; disabled?: boolean; type?: 'HTTPS' | 'CALCULATED' } = {}): HealthCheck {
  return {
    Id: HC_WEST,
    CallerReference: 'drctl-shop-api-west-2026',
    HealthCheckVersion: options.version ?? 3,
    HealthCheckConfig: {
      Type: options.type ?? 'HTTPS',
      FullyQualifiedDomainName: 'api-west.shop.example.com',
      Port: 443,
      ResourcePath: '/healthz',
      RequestInterval: 10,
      FailureThreshold: 3,
      MeasureLatency: false,
      Inverted: options.inverted ?? false,
      Disabled: options.disabled ?? false,
      EnableSNI: true,
      Regions: CHECKER_REGIONS,
    },
  };
}

/** GetHealthCheckStatus: one observation per checker region, the first `healthy` of them succeeding. */
function checkerStatus(healthy: number): { HealthCheckObservations: HealthCheckObservation[] } {
  return {
    HealthCheckObservations: CHECKER_REGIONS.map((region, i) => ({
      Region: region,
      IPAddress: `15.177.${i}.${10 + i}`,
      StatusReport: {
        Status:
          i < healthy
            ? 'Success: HTTP Status Code 200, OK. Resolved IP: 192.0.2.20'
            : 'Failure: HTTP Status Code 503, Service Temporarily Unavailable. Resolved IP: 192.0.2.20',
        CheckedTime: new Date('2026-11-22T02:59:50Z'),
      },
    })),
  };
}

let ctx: SdkContext;
beforeEach(() => {
  mock.reset();
  ctx = sdkContext(SHOP);
});
afterEach(() => ctx.ports.close());

/** Every call went through a client for us-east-1. */
async function allInUsEast1(): Promise<void> {
  const regions = (await callsOf(mock)).map(([, region]) => region);
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(['us-east-1']));
}

describe('route53.invert-health-check', () => {
  const invert = actionNamed(route53Family.actions, 'route53.invert-health-check');
  const params = { resource: 'api-west' };

  it('reads the version, then sends UpdateHealthCheck with it to us-east-1', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck() });
    mock.on(UpdateHealthCheckCommand).resolves({ HealthCheck: healthCheck({ version: 4, inverted: true }) });

    const run = await runAction(invert, ctx, params);

    expect(run.plan.status).toBe('ready');
    expect(run.plan.calls).toEqual([
      { service: 'route53', region: 'us-east-1', operation: 'UpdateHealthCheck', params: { HealthCheckId: HC_WEST, HealthCheckVersion: 3, Inverted: true } },
    ]);
    const [call, ...more] = mock.commandCalls(UpdateHealthCheckCommand);
    expect(more).toHaveLength(0);
    expect(inputOf(call!)).toStrictEqual({ HealthCheckId: HC_WEST, HealthCheckVersion: 3, Inverted: true });
    expect(await regionOfCall(call!)).toBe('us-east-1');
    expect(await callsOf(mock)).toEqual([
      ['GetHealthCheck', 'us-east-1'],
      ['UpdateHealthCheck', 'us-east-1'],
    ]);
    expect(run.applied).toMatchObject({ done: true, observation: 'api-west: Inverted=true (version 4)' });
    expect(run.outputs).toStrictEqual({ inverted: true, healthCheckVersion: 4 });
  });

  it('restores with inverted: false the same way', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck({ version: 7, inverted: true }) });
    mock.on(UpdateHealthCheckCommand).resolves({ HealthCheck: healthCheck({ version: 8, inverted: false }) });
    const run = await runAction(invert, ctx, { resource: 'api-west', inverted: false });
    expect(inputOf(mock.commandCalls(UpdateHealthCheckCommand)[0]!)).toStrictEqual({ HealthCheckId: HC_WEST, HealthCheckVersion: 7, Inverted: false });
    expect(run.outputs).toStrictEqual({ inverted: false, healthCheckVersion: 8 });
  });

  it('is done, with no UpdateHealthCheck, when the check is already inverted', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck({ version: 4, inverted: true }) });
    const run = await runAction(invert, ctx, params);
    expect(run.plan).toMatchObject({ status: 'done', calls: [] });
    expect(mock.commandCalls(UpdateHealthCheckCommand)).toHaveLength(0);
    expect(await mutatingCallsOf(mock)).toEqual([]);
  });

  it('refuses with a hint on HealthCheckVersionMismatch when someone else changed the check differently', async () => {
    mock
      .on(GetHealthCheckCommand)
      .resolvesOnce({ HealthCheck: healthCheck({ version: 3 }) })
      .resolves({ HealthCheck: healthCheck({ version: 4, inverted: false }) }); // someone changed the port, say
    mock.on(UpdateHealthCheckCommand).rejects(
      new HealthCheckVersionMismatch({
        message: 'The value of HealthCheckVersion in the request doesn\u2019t match the value of HealthCheckVersion in the health check.',
        $metadata: errorMetadata(409),
      }),
    );
    const plan = await invert.plan(ctx, params);
    const error = await invert.apply(ctx, params, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrctlError);
    expect(error).toMatchObject({
      code: 'action.health-check-changed',
      message: expect.stringContaining('version 3, now 4'),
      hint: expect.stringContaining('re-reads the current version'),
    });
    // One update, then a re-read; never a second update with a guessed version.
    expect(await callsOf(mock)).toEqual([
      ['GetHealthCheck', 'us-east-1'],
      ['UpdateHealthCheck', 'us-east-1'],
      ['GetHealthCheck', 'us-east-1'],
    ]);
  });

  it('accepts a HealthCheckVersionMismatch when the concurrent edit already inverted it', async () => {
    mock
      .on(GetHealthCheckCommand)
      .resolvesOnce({ HealthCheck: healthCheck({ version: 3 }) })
      .resolves({ HealthCheck: healthCheck({ version: 4, inverted: true }) });
    mock.on(UpdateHealthCheckCommand).rejects(new HealthCheckVersionMismatch({ message: 'version mismatch', $metadata: errorMetadata(409) }));
    const run = await runAction(invert, ctx, params);
    expect(run.applied).toMatchObject({ done: true, observation: expect.stringContaining('changed by someone else') });
    expect(run.outputs).toStrictEqual({ inverted: true, healthCheckVersion: 4 });
    expect(mock.commandCalls(UpdateHealthCheckCommand)).toHaveLength(1);
  });

  it('raises aws.not-found, naming the healthCheckId, when Route 53 does not know the check', async () => {
    mock.on(GetHealthCheckCommand).rejects(new NoSuchHealthCheck({ message: `No health check exists with the specified ID ${HC_WEST}`, $metadata: errorMetadata(404) }));
    await expect(invert.plan(ctx, params)).rejects.toMatchObject({
      code: 'aws.not-found',
      hint: expect.stringContaining(`Check healthCheckId "${HC_WEST}" of resource api-west`),
      details: { awsCode: 'NoSuchHealthCheck', region: 'us-east-1', operation: 'GetHealthCheck' },
    });
    expect(mock.commandCalls(UpdateHealthCheckCommand)).toHaveLength(0);
  });
});

describe('route53.set-records', () => {
  const setRecords = actionNamed(route53Family.actions, 'route53.set-records');
  const params = {
    resource: 'api-record',
    comment: 'drctl: fail over api to us-west-2',
    records: [
      { setIdentifier: 'west', failover: 'PRIMARY', values: ['192.0.2.20'], healthCheck: 'api-west' },
      { setIdentifier: 'east', failover: 'SECONDARY', values: ['192.0.2.10'], ttl: 60, healthCheck: 'api-east' },
    ],
  };
  const record = (setIdentifier: string, failover: 'PRIMARY' | 'SECONDARY', value: string, healthCheckId: string): ResourceRecordSet => ({
    Name: 'api.shop.example.com.',
    Type: 'A',
    SetIdentifier: setIdentifier,
    Failover: failover,
    TTL: 60,
    ResourceRecords: [{ Value: value }],
    HealthCheckId: healthCheckId,
  });
  // What Route 53 lists from api.shop.example.com. A on: ours, then the next name's records.
  const listing = (records: ResourceRecordSet[]) => ({
    ResourceRecordSets: [...records, { Name: 'api.shop.example.com.', Type: 'AAAA' as const, TTL: 300, ResourceRecords: [{ Value: '2001:db8::10' }] }],
    IsTruncated: false,
    MaxItems: 300,
  });
  const BEFORE = listing([record('east', 'PRIMARY', '192.0.2.10', HC_EAST), record('west', 'SECONDARY', '192.0.2.20', HC_WEST)]);
  const AFTER = listing([record('east', 'SECONDARY', '192.0.2.10', HC_EAST), record('west', 'PRIMARY', '192.0.2.20', HC_WEST)]);
  const changeInfo = (Status: 'PENDING' | 'INSYNC') => ({
    ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status, SubmittedAt: new Date('2026-11-22T03:00:00Z'), Comment: params.comment },
  });

  it('UPSERTs the records that differ in one batch to us-east-1 (whatever the run region), then polls GetChange to INSYNC', async () => {
    ctx.ports.close();
    ctx = sdkContext(SHOP, realPorts('eu-central-1'));
    mock.on(ListResourceRecordSetsCommand).resolves(BEFORE);
    mock.on(ChangeResourceRecordSetsCommand).resolves(changeInfo('PENDING'));
    mock.on(GetChangeCommand).resolvesOnce(changeInfo('PENDING')).resolves(changeInfo('INSYNC'));

    const run = await runAction(setRecords, ctx, params);

    expect(run.plan.status).toBe('ready');
    expect(inputOf(mock.commandCalls(ListResourceRecordSetsCommand)[0]!)).toStrictEqual({
      HostedZoneId: ZONE,
      StartRecordName: 'api.shop.example.com.',
      StartRecordType: 'A',
    });
    const [call, ...more] = mock.commandCalls(ChangeResourceRecordSetsCommand);
    expect(more).toHaveLength(0);
    expect(inputOf(call!)).toStrictEqual({
      HostedZoneId: ZONE,
      ChangeBatch: {
        Comment: 'drctl: fail over api to us-west-2',
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: { Name: 'api.shop.example.com.', Type: 'A', SetIdentifier: 'west', Failover: 'PRIMARY', HealthCheckId: HC_WEST, TTL: 60, ResourceRecords: [{ Value: '192.0.2.20' }] },
          },
          {
            Action: 'UPSERT',
            ResourceRecordSet: { Name: 'api.shop.example.com.', Type: 'A', SetIdentifier: 'east', Failover: 'SECONDARY', HealthCheckId: HC_EAST, TTL: 60, ResourceRecords: [{ Value: '192.0.2.10' }] },
          },
        ],
      },
    });
    expect(await regionOfCall(call!)).toBe('us-east-1');
    expect(run.plan.calls).toEqual([{ service: 'route53', region: 'us-east-1', operation: 'ChangeResourceRecordSets', params: inputOf(call!) }]);
    expect(mock.commandCalls(GetChangeCommand).map(inputOf)).toEqual([{ Id: 'C2682N5HXP0BZ4' }, { Id: 'C2682N5HXP0BZ4' }]);
    expect(run.applied).toMatchObject({ done: false, observation: 'api-record: change C2682N5HXP0BZ4 PENDING' });
    expect(run.polls.map((poll) => poll.observation)).toEqual(['api-record: change C2682N5HXP0BZ4 PENDING', 'api-record: change C2682N5HXP0BZ4 INSYNC']);
    expect(run.outputs).toStrictEqual({ changeId: 'C2682N5HXP0BZ4' });
    await allInUsEast1();
  });

  it('UPSERTs only the records that differ', async () => {
    mock.on(ListResourceRecordSetsCommand).resolves(listing([record('east', 'SECONDARY', '192.0.2.10', HC_EAST), record('west', 'SECONDARY', '192.0.2.20', HC_WEST)]));
    mock.on(ChangeResourceRecordSetsCommand).resolves(changeInfo('INSYNC'));
    const run = await runAction(setRecords, ctx, params);
    const changes = (inputOf(mock.commandCalls(ChangeResourceRecordSetsCommand)[0]!) as { ChangeBatch: { Changes: Array<{ ResourceRecordSet: ResourceRecordSet }> } }).ChangeBatch.Changes;
    expect(changes.map((change) => change.ResourceRecordSet.SetIdentifier)).toEqual(['west']);
    // INSYNC in the answer itself: done without a GetChange.
    expect(run.polls).toEqual([]);
    expect(mock.commandCalls(GetChangeCommand)).toHaveLength(0);
  });

  it('is done, with no ChangeResourceRecordSets, when Route 53 already holds the records', async () => {
    mock.on(ListResourceRecordSetsCommand).resolves(AFTER);
    const run = await runAction(setRecords, ctx, params);
    expect(run.plan).toMatchObject({ status: 'done', calls: [], summary: 'set api.shop.example.com. A: already as desired' });
    expect(mock.commandCalls(ChangeResourceRecordSetsCommand)).toHaveLength(0);
    // The plan's read, and the engine's read of a done step's outputs: no ChangeResourceRecordSets.
    expect(await callsOf(mock)).toEqual([['ListResourceRecordSets', 'us-east-1'], ['ListResourceRecordSets', 'us-east-1']]);
  });

  it('raises aws.invalid-request with a hint when Route 53 rejects the batch (InvalidChangeBatch)', async () => {
    mock.on(ListResourceRecordSetsCommand).resolves(BEFORE);
    mock.on(ChangeResourceRecordSetsCommand).rejects(
      new InvalidChangeBatch({
        message: "[Tried to create resource record set [name='api.shop.example.com.', type='A', set-identifier='west'] but it already exists]",
        $metadata: errorMetadata(400),
      }),
    );
    const plan = await setRecords.plan(ctx, params);
    const error = await setRecords.apply(ctx, params, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrctlError);
    expect(error).toMatchObject({
      code: 'aws.invalid-request',
      message: expect.stringContaining('api-record: ChangeResourceRecordSets'),
      hint: expect.stringContaining('Route 53 rejected the whole batch, so nothing changed'),
      details: { awsCode: 'InvalidChangeBatch', httpStatus: 400, region: 'us-east-1', operation: 'ChangeResourceRecordSets' },
    });
    expect(mock.commandCalls(GetChangeCommand)).toHaveLength(0);
  });

  it('keeps PriorRequestNotComplete retryable, with a hint that resuming is safe', async () => {
    mock.on(ListResourceRecordSetsCommand).resolves(BEFORE);
    mock.on(ChangeResourceRecordSetsCommand).rejects(
      new PriorRequestNotComplete({ message: 'The request was rejected because Route 53 was still processing a prior request.', $metadata: errorMetadata(400) }),
    );
    const plan = await setRecords.plan(ctx, params);
    await expect(setRecords.apply(ctx, params, plan)).rejects.toMatchObject({
      code: 'aws.throttled',
      retryable: true,
      hint: expect.stringContaining('does not repeat a call AWS already accepted'),
    });
  });
});

describe('route53.wait-healthy', () => {
  const waitHealthy = actionNamed(route53Family.actions, 'route53.wait-healthy');
  const params = { resource: 'api-west' };

  it('plans from one read, then polls GetHealthCheck + GetHealthCheckStatus in us-east-1 until more than 18% succeed', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck() });
    mock
      .on(GetHealthCheckStatusCommand)
      .resolvesOnce(checkerStatus(0)) // plan
      .resolvesOnce(checkerStatus(1)) // 12.5%: still unhealthy
      .resolves(checkerStatus(6));

    const run = await runAction(waitHealthy, ctx, params);

    expect(run.plan).toMatchObject({ status: 'ready', calls: [], observations: ['api-west: unhealthy (0/8 checkers healthy (0%))'] });
    // About RequestInterval x FailureThreshold, plus one poll.
    expect(run.plan.estimateMs).toBe(40_000);
    expect(run.polls.map((poll) => poll.observation)).toEqual([
      'api-west: unhealthy (1/8 checkers healthy (13%))',
      'api-west: healthy (6/8 checkers healthy (75%))',
    ]);
    expect(run.outputs).toStrictEqual({ healthy: true, healthyShare: 0.75, healthyCheckers: 6, totalCheckers: 8 });
    expect(mock.commandCalls(GetHealthCheckStatusCommand).map(inputOf)).toEqual(Array.from({ length: 3 }, () => ({ HealthCheckId: HC_WEST })));
    expect(await mutatingCallsOf(mock)).toEqual([]);
    await allInUsEast1();
  });

  it('is done at plan when the check is already healthy: one read of each, and one more for its outputs', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck() });
    mock.on(GetHealthCheckStatusCommand).resolves(checkerStatus(8));
    const run = await runAction(waitHealthy, ctx, params);
    expect(run.plan).toMatchObject({ status: 'done', estimateMs: 0 });
    // The engine reads a step found done once more, for the outputs later steps may use.
    expect(await callsOf(mock)).toEqual([
      ['GetHealthCheck', 'us-east-1'],
      ['GetHealthCheckStatus', 'us-east-1'],
      ['GetHealthCheck', 'us-east-1'],
      ['GetHealthCheckStatus', 'us-east-1'],
    ]);
  });

  it('waits for unhealthy too: an inverted check whose checkers all succeed is unhealthy', async () => {
    mock.on(GetHealthCheckCommand).resolvesOnce({ HealthCheck: healthCheck() }).resolves({ HealthCheck: healthCheck({ version: 4, inverted: true }) });
    mock.on(GetHealthCheckStatusCommand).resolves(checkerStatus(8));
    const run = await runAction(waitHealthy, ctx, { resource: 'api-west', expect: 'unhealthy' });
    expect(run.plan.status).toBe('ready');
    expect(run.polls.at(-1)?.observation).toBe('api-west: unhealthy (8/8 checkers healthy (100%), inverted)');
    expect(run.outputs).toMatchObject({ healthy: false, healthyCheckers: 8 });
  });

  it('refuses a CALCULATED health check without asking for checker status', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck({ type: 'CALCULATED' }) });
    await expect(waitHealthy.plan(ctx, params)).rejects.toMatchObject({ code: 'action.health-check-unsupported' });
    expect(mock.commandCalls(GetHealthCheckStatusCommand)).toHaveLength(0);
  });

  it('raises aws.not-found with a hint when the status read fails with NoSuchHealthCheck', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck() });
    mock.on(GetHealthCheckStatusCommand).rejects(new NoSuchHealthCheck({ message: `No health check exists with the specified ID ${HC_WEST}`, $metadata: errorMetadata(404) }));
    await expect(waitHealthy.plan(ctx, params)).rejects.toMatchObject({
      code: 'aws.not-found',
      message: expect.stringContaining(`api-west: reading status of health check ${HC_WEST}`),
      hint: expect.stringContaining(`Check healthCheckId "${HC_WEST}"`),
      details: { region: 'us-east-1', operation: 'GetHealthCheckStatus' },
    });
  });
});
