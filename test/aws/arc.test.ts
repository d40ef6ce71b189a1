// RoutingControlPort over the real SDK client, mocked: each call goes to one cluster endpoint, signed for
// its region, with one SDK attempt; endpoints are tried in the order the injected random shuffles them;
// an unavailable endpoint is skipped, a request error (a safety rule) stops the rotation.
import {
  ConflictException,
  EndpointTemporarilyUnavailableException,
  GetRoutingControlStateCommand,
  Route53RecoveryClusterClient,
  UpdateRoutingControlStatesCommand,
} from '@aws-sdk/client-route53-recovery-cluster';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAwsError } from '../../src/aws/aws-error';
import { inputOf, metadata, regionOfCall, testPorts } from './helpers';

const mock = mockClient(Route53RecoveryClusterClient);
afterAll(() => mock.restore());

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];
const ENDPOINTS = REGIONS.map((region) => ({ region, endpoint: `https://host-abc.${region}.example.com/v1` }));
const EAST = 'arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/east';
const WEST = 'arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/west';
const RULE = 'arn:aws:route53-recovery-control::111122223333:controlpanel/p/safetyrule/one-on';

const unavailable = () => new EndpointTemporarilyUnavailableException({ message: "The cluster endpoint isn't available. Try another cluster endpoint.", $metadata: metadata(503) });

/** A random that always picks the last candidate: Fisher-Yates then keeps the declared order. */
const keepOrder = () => 0.999;

describe('ARC routing control port', () => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    mock.reset();
    ports = testPorts({ random: keepOrder, maxAttempts: 3 });
  });
  afterEach(() => ports.close());

  it('calls one endpoint, at its own URL and region, with one SDK attempt', async () => {
    mock.on(GetRoutingControlStateCommand).resolves({ RoutingControlArn: EAST, RoutingControlState: 'On', RoutingControlName: 'east' });
    const answer = await ports.arc.getRoutingControlStates(ENDPOINTS, [EAST]);
    expect(answer).toEqual({ value: [{ arn: EAST, state: 'On', name: 'east' }], answeredBy: ENDPOINTS[0], failed: [] });
    const call = mock.commandCalls(GetRoutingControlStateCommand)[0]!;
    expect(await regionOfCall(call)).toBe('us-east-1');
    const config = (call.thisValue as { config: { endpoint: () => Promise<{ hostname: string; path: string }>; maxAttempts: () => Promise<number> } }).config;
    expect(await config.endpoint()).toMatchObject({ hostname: 'host-abc.us-east-1.example.com', path: '/v1' });
    expect(await config.maxAttempts()).toBe(1);
  });

  it('skips an endpoint that is unavailable and reports it', async () => {
    mock.on(UpdateRoutingControlStatesCommand).rejectsOnce(unavailable()).resolves({});
    const answer = await ports.arc.updateRoutingControlStates(ENDPOINTS, [{ arn: EAST, state: 'Off' }, { arn: WEST, state: 'On' }], []);
    expect(answer.answeredBy.region).toBe('us-west-2');
    expect(answer.failed).toEqual([{ ...ENDPOINTS[0], error: 'EndpointTemporarilyUnavailableException' }]);
    const calls = mock.commandCalls(UpdateRoutingControlStatesCommand);
    expect(await Promise.all(calls.map(regionOfCall))).toEqual(['us-east-1', 'us-west-2']);
    expect(inputOf(calls[1]!)).toEqual({
      UpdateRoutingControlStateEntries: [
        { RoutingControlArn: EAST, RoutingControlState: 'Off' },
        { RoutingControlArn: WEST, RoutingControlState: 'On' },
      ],
    });
  });

  it('tries the endpoints in the order the injected random shuffles them', async () => {
    const draws = [0, 0, 0, 0];
    const shuffled = testPorts({ random: () => draws.shift() ?? 0 });
    mock.on(GetRoutingControlStateCommand).rejects(unavailable());
    await shuffled.arc.getRoutingControlStates(ENDPOINTS, [EAST]).catch(() => undefined);
    const regions = await Promise.all(mock.commandCalls(GetRoutingControlStateCommand).map(regionOfCall));
    // Fisher-Yates with every draw 0: each position swaps with the first.
    expect(regions).toEqual(['us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2', 'us-east-1']);
    shuffled.close();
  });

  it('fails as unreachable, naming every endpoint, when none answers', async () => {
    mock.on(GetRoutingControlStateCommand).rejects(unavailable());
    const error = await ports.arc.getRoutingControlStates(ENDPOINTS, [EAST]).catch((caught: unknown) => caught);
    expect(isAwsError(error, 'unreachable')).toBe(true);
    expect((error as Error).message).toBe(
      'No endpoint of the ARC cluster answered GetRoutingControlState (5 tried: us-east-1: EndpointTemporarilyUnavailableException, us-west-2: EndpointTemporarilyUnavailableException, ' +
        'eu-west-1: EndpointTemporarilyUnavailableException, ap-northeast-1: EndpointTemporarilyUnavailableException, ap-southeast-2: EndpointTemporarilyUnavailableException)',
    );
  });

  it('stops at a safety rule: it is the cluster\'s answer, not an endpoint\'s', async () => {
    const conflict = new ConflictException({ message: `Blocked by safety rule ${RULE}`, resourceId: RULE, resourceType: 'SafetyRule', $metadata: metadata(409) });
    mock.on(UpdateRoutingControlStatesCommand).rejects(conflict);
    const error = await ports.arc.updateRoutingControlStates(ENDPOINTS, [{ arn: EAST, state: 'Off' }], [RULE]).catch((caught: unknown) => caught);
    expect(isAwsError(error, 'invalid-state')).toBe(true);
    expect((error as Error).message).toContain(RULE);
    expect(mock.commandCalls(UpdateRoutingControlStatesCommand)).toHaveLength(1);
    expect(inputOf(mock.commandCalls(UpdateRoutingControlStatesCommand)[0]!)).toMatchObject({ SafetyRulesToOverride: [RULE] });
  });

  it('asks every endpoint once to say which answer', async () => {
    mock.on(GetRoutingControlStateCommand).rejectsOnce(unavailable()).resolves({ RoutingControlArn: EAST, RoutingControlState: 'Off' });
    const probes = await ports.arc.getStateFromEachEndpoint(ENDPOINTS, EAST);
    expect(probes.map((probe) => [probe.endpoint.region, probe.state ?? probe.error])).toEqual([
      ['us-east-1', 'EndpointTemporarilyUnavailableException'],
      ['us-west-2', 'Off'],
      ['eu-west-1', 'Off'],
      ['ap-northeast-1', 'Off'],
      ['ap-southeast-2', 'Off'],
    ]);
  });
});
