// ARC routing controls through the real SDK over HTTP against the simulator: drctl's port (its rotation
// over the five cluster endpoints, under --sim all on the simulator's address, told apart by their
// signing regions), with one endpoint down, all five down and a safety rule blocking; and the
// RECOVERY_CONTROL health checks that follow the controls.
import { ConflictException, GetRoutingControlStateCommand, ListRoutingControlsCommand, Route53RecoveryClusterClient } from '@aws-sdk/client-route53-recovery-cluster';
import { GetHealthCheckCommand } from '@aws-sdk/client-route-53';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsPorts } from '../../src/aws';
import { isAwsError } from '../../src/aws/aws-error';
import type { Resource } from '../../src/core/resources';
import { ManualClock } from '../../src/sim/clock';
import { SIM_CREDENTIALS, startSimulator, type RunningSimulator } from '../../src/sim/index';
import { mulberry32 } from '../../src/sim/random';
import { FaultSpec, type FaultSpecInput } from '../../src/sim/world-faults-spec';
import { generateWorld } from '../../src/sim/world-generate';
import { FAKE_ARC } from '../helpers/fake-shop';
import { advance, clients, failure, SECOND, START } from './helpers';

const RESOURCES: Record<string, Resource> = {
  'shop-arc': { type: 'arc-cluster', clusterArn: FAKE_ARC.cluster, endpoints: FAKE_ARC.endpoints },
  'east-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', routingControlArn: FAKE_ARC.east, region: 'us-east-1' },
  'west-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', routingControlArn: FAKE_ARC.west, region: 'us-west-2' },
};
const ONE_ON = 'arn:aws:route53-recovery-control::111122223333:controlpanel/shop/safetyrule/one-region-on';

let sim: RunningSimulator & { clock: ManualClock };
let ports: ReturnType<typeof createAwsPorts>;

async function start(faults: FaultSpecInput[] = [], seed = 3): Promise<void> {
  const clock = new ManualClock(START);
  const world = generateWorld(RESOURCES, { seed });
  const running = await startSimulator({ world: { ...world, spec: { ...world.spec, faults: faults.map((fault) => FaultSpec.parse(fault)) } }, clock });
  sim = { ...running, clock };
  ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, region: 'us-east-1', readOnly: false, random: mulberry32(seed) });
}

afterEach(async () => {
  ports.close();
  await sim.close();
});

describe('ARC over HTTP', () => {
  it('reads and sets routing controls in one transaction, through the SDK', async () => {
    await start();
    const before = await ports.arc.getRoutingControlStates(FAKE_ARC.endpoints, [FAKE_ARC.east, FAKE_ARC.west]);
    expect(before.value).toEqual([
      { arn: FAKE_ARC.east, state: 'On', name: 'east-traffic' },
      { arn: FAKE_ARC.west, state: 'Off', name: 'west-traffic' },
    ]);
    const set = await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.east, state: 'Off' }, { arn: FAKE_ARC.west, state: 'On' }], []);
    expect(set.failed).toEqual([]);
    expect([sim.world.parts.arc.stateAt(FAKE_ARC.east), sim.world.parts.arc.stateAt(FAKE_ARC.west)]).toEqual(['Off', 'On']);
    // The endpoint that answered is the one the request was signed for.
    expect(sim.world.requests.filter((request) => request.service === 'arc' && request.operation === 'UpdateRoutingControlStates').map((request) => request.region)).toEqual([set.answeredBy.region]);
  });

  it('moves on when one endpoint is down, and says so', async () => {
    await start([{ type: 'arc-endpoint-down', region: 'us-east-1' }]);
    const probes = await ports.arc.getStateFromEachEndpoint(FAKE_ARC.endpoints, FAKE_ARC.east);
    expect(probes.map((probe) => [probe.endpoint.region, probe.state ?? probe.error])).toEqual([
      ['us-east-1', 'EndpointTemporarilyUnavailableException'],
      ['us-west-2', 'On'],
      ['eu-west-1', 'On'],
      ['ap-northeast-1', 'On'],
      ['ap-southeast-2', 'On'],
    ]);
    const down = { region: 'us-east-1', endpoint: FAKE_ARC.endpoints[0]!.endpoint, error: 'EndpointTemporarilyUnavailableException' };
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt++) answers.push(await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.west, state: 'On' }], []));
    expect(answers.every((answer) => answer.answeredBy.region !== 'us-east-1')).toBe(true);
    expect(answers.some((answer) => answer.failed.length === 1 && answer.failed[0]?.error === down.error)).toBe(true);
  });

  it('fails naming all five when every endpoint is down (a region outage takes its endpoint too)', async () => {
    await start([
      { type: 'region-outage', region: 'us-east-1' },
      ...['us-west-2', 'eu-west-1', 'ap-northeast-1'].map((region) => ({ type: 'arc-endpoint-down' as const, region })),
      { type: 'arc-endpoint-down', region: 'ap-southeast-2', mode: 'reset' },
    ]);
    const error = await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.west, state: 'On' }], []).catch((caught: unknown) => caught);
    expect(isAwsError(error, 'unreachable')).toBe(true);
    expect((error as Error).message).toMatch(/^No endpoint of the ARC cluster answered UpdateRoutingControlStates \(5 tried: /);
    expect((error as Error).message).toContain('us-west-2: EndpointTemporarilyUnavailableException');
    expect(sim.world.parts.arc.stateAt(FAKE_ARC.west)).toBe('Off');
  });

  it('refuses a change a safety rule forbids (409 ConflictException naming the rule), unless it is overridden', async () => {
    await start();
    const sdk = new Route53RecoveryClusterClient({ endpoint: sim.endpoint, region: 'us-west-2', credentials: SIM_CREDENTIALS, maxAttempts: 1 });
    const refused = await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.east, state: 'Off' }], []).catch((caught: unknown) => caught);
    expect(isAwsError(refused, 'invalid-state')).toBe(true);
    expect((refused as Error).message).toContain(`safety rule one-region-on (${ONE_ON}): it requires at least 1 of east-traffic, west-traffic On`);
    const { UpdateRoutingControlStatesCommand } = await import('@aws-sdk/client-route53-recovery-cluster');
    const raw = await failure(sdk.send(new UpdateRoutingControlStatesCommand({ UpdateRoutingControlStateEntries: [{ RoutingControlArn: FAKE_ARC.east, RoutingControlState: 'Off' }] })));
    expect(raw).toBeInstanceOf(ConflictException);
    expect(raw.$metadata?.httpStatusCode).toBe(409);
    expect((raw as unknown as ConflictException).resourceId).toBe(ONE_ON);
    await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.east, state: 'Off' }], [ONE_ON]);
    expect(sim.world.parts.arc.stateAt(FAKE_ARC.east)).toBe('Off');
    sdk.destroy();
  });

  it('answers ListRoutingControls and a 404 for a control no endpoint of that region serves', async () => {
    await start();
    const sdk = new Route53RecoveryClusterClient({ endpoint: `${sim.endpoint}/v1`, region: 'eu-west-1', credentials: SIM_CREDENTIALS, maxAttempts: 1 });
    const listed = await sdk.send(new ListRoutingControlsCommand({}));
    expect(listed.RoutingControls?.map((control) => [control.RoutingControlName, control.RoutingControlState])).toEqual([['east-traffic', 'On'], ['west-traffic', 'Off']]);
    const elsewhere = new Route53RecoveryClusterClient({ endpoint: sim.endpoint, region: 'sa-east-1', credentials: SIM_CREDENTIALS, maxAttempts: 1 });
    const missing = await failure(elsewhere.send(new GetRoutingControlStateCommand({ RoutingControlArn: FAKE_ARC.east })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toContain('has no endpoint in sa-east-1');
    sdk.destroy();
    elsewhere.destroy();
  });

  it("serves ARC's control plane to drctl's signed restJson1 client: the cluster's endpoints as declared, its panel, controls and rule; 404 for another", async () => {
    await start();
    const config = ports['arc-config'];
    const cluster = await config.describeCluster(FAKE_ARC.cluster);
    expect(cluster).toMatchObject({ arn: FAKE_ARC.cluster, name: 'shop', status: 'DEPLOYED', endpoints: FAKE_ARC.endpoints });
    const [panel, ...others] = await config.listControlPanels(FAKE_ARC.cluster);
    expect(others).toEqual([]);
    expect((await config.listRoutingControls(panel!.arn)).map((control) => [control.name, control.arn])).toEqual([['east-traffic', FAKE_ARC.east], ['west-traffic', FAKE_ARC.west]]);
    expect(await config.listSafetyRules(panel!.arn)).toMatchObject([{ arn: ONE_ON, kind: 'ASSERTION', rule: { type: 'ATLEAST', threshold: 1 }, controls: [FAKE_ARC.east, FAKE_ARC.west] }]);
    // Signed for us-west-2, where the control plane lives, though the CLI's region is us-east-1.
    expect(sim.world.requests.filter((request) => request.service === 'arc-config').map((request) => request.region)).toEqual(['us-west-2', 'us-west-2', 'us-west-2', 'us-west-2']);

    const missing = await config.describeCluster(`${FAKE_ARC.cluster}-gone`).catch((caught: unknown) => caught);
    expect(isAwsError(missing, 'not-found')).toBe(true);
    expect(missing).toMatchObject({ details: { awsCode: 'ResourceNotFoundException', httpStatus: 404 } });
  });

  it('RECOVERY_CONTROL health checks follow their routing controls', async () => {
    await start();
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const check = await route53.send(new GetHealthCheckCommand({ HealthCheckId: 'rc-west-traffic' }));
    expect(check.HealthCheck?.HealthCheckConfig).toMatchObject({ Type: 'RECOVERY_CONTROL', RoutingControlArn: FAKE_ARC.west });
    expect([sim.world.isHealthy('rc-east-traffic'), sim.world.isHealthy('rc-west-traffic')]).toEqual([true, false]);
    await ports.arc.updateRoutingControlStates(FAKE_ARC.endpoints, [{ arn: FAKE_ARC.east, state: 'Off' }, { arn: FAKE_ARC.west, state: 'On' }], []);
    await advance(sim.clock, sim.world, 10 * SECOND);
    expect([sim.world.isHealthy('rc-east-traffic'), sim.world.isHealthy('rc-west-traffic')]).toEqual([false, true]);
  });
});
