// ARC routing controls through the engine's step attempt, on the fake AWS: one transaction through the
// first endpoint that answers, read back; a safety rule's refusal named with its ARN and the override to
// write; the preflight check counting endpoints.
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { runAction } from '../helpers/action-context';
import { FAKE_ARC, fakeShop } from '../helpers/fake-shop';

const setControls = actionCatalogue.getAction('arc.set-routing-controls')!;
const waitControls = actionCatalogue.getAction('arc.wait-routing-controls')!;
const check = actionCatalogue.getCheck('routing-controls')!;
const FAIL_OVER = { off: ['east-traffic'], on: ['west-traffic'] };

describe('arc.set-routing-controls', () => {
  it('sets east Off and west On in one UpdateRoutingControlStates, then reads them back', async () => {
    const ctx = fakeShop();
    const run = await runAction(setControls, ctx, FAIL_OVER);
    expect(run.plan).toMatchObject({ status: 'ready', summary: 'set west-traffic On, east-traffic Off (cluster shop-arc)' });
    expect(run.plan.calls[0]).toMatchObject({ service: 'arc', operation: 'UpdateRoutingControlStates', region: 'any of us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-2' });
    expect(ctx.aws.mutatingCalls().map((call) => [call.operation, call.region])).toEqual([['UpdateRoutingControlStates', 'us-east-1']]);
    expect(ctx.aws.mutatingCalls()[0]?.params.updates).toEqual([{ arn: FAKE_ARC.west, state: 'On' }, { arn: FAKE_ARC.east, state: 'Off' }]);
    expect([ctx.aws.arc.state(FAKE_ARC.east), ctx.aws.arc.state(FAKE_ARC.west)]).toEqual(['Off', 'On']);
    expect(run.outputs).toEqual({ answeredBy: 'us-east-1', endpointsTried: 1 });
  });

  it('goes on to the next endpoint when one is down, and says which answered', async () => {
    const ctx = fakeShop();
    ctx.aws.setUnreachable('us-east-1');
    const run = await runAction(setControls, ctx, FAIL_OVER);
    expect(run.plan.observations).toEqual(['now: west-traffic Off, east-traffic On (answered by the endpoint in us-west-2; 1 before it did not (us-east-1: unreachable))']);
    expect(ctx.observed).toContain(`west On, east Off: answered by the endpoint in us-west-2; 1 before it did not (us-east-1: unreachable)`);
    expect(run.outputs).toEqual({ answeredBy: 'us-west-2', endpointsTried: 2 });
  });

  it('fails, naming every endpoint tried, when none of the five answers', async () => {
    const ctx = fakeShop();
    for (const { region } of FAKE_ARC.endpoints) ctx.aws.setUnreachable(region);
    await expect(runAction(setControls, ctx, FAIL_OVER)).rejects.toMatchObject({ code: 'aws.unreachable' });
    expect(ctx.aws.calls.map((call) => call.region)).toEqual(FAKE_ARC.endpoints.map((endpoint) => endpoint.region));
  });

  it('reports a blocking safety rule by its ARN and overrides it only when the step names it', async () => {
    const ctx = fakeShop();
    ctx.aws.arc.addAssertion({ arn: FAKE_ARC.oneOn, controls: [FAKE_ARC.east, FAKE_ARC.west], atLeast: 1 });
    await expect(runAction(setControls, ctx, { off: ['east-traffic'] })).rejects.toMatchObject({
      code: 'action.safety-rule-blocked',
      message: expect.stringContaining(`safety rule ${FAKE_ARC.oneOn} blocks it`),
      hint: expect.stringContaining(`overrideSafetyRules: [${FAKE_ARC.oneOn}]`),
    });
    expect(ctx.aws.arc.state(FAKE_ARC.east)).toBe('On');
    await runAction(setControls, ctx, { off: ['east-traffic'], overrideSafetyRules: [FAKE_ARC.oneOn] });
    expect(ctx.aws.arc.state(FAKE_ARC.east)).toBe('Off');
  });

  it('is done, with no call, when the controls are already as wanted', async () => {
    const ctx = fakeShop();
    const run = await runAction(setControls, ctx, { on: ['east-traffic'], off: ['west-traffic'] });
    expect(run.plan).toMatchObject({ status: 'done', calls: [] });
    expect(ctx.aws.mutatingCalls()).toEqual([]);
  });

  it('refuses controls of two clusters in one step', async () => {
    const ctx = fakeShop();
    ctx.resources['other-arc'] = { type: 'arc-cluster', clusterArn: 'arn:aws:route53-recovery-control::111122223333:cluster/other', endpoints: FAKE_ARC.endpoints };
    ctx.resources['other-control'] = { type: 'arc-routing-control', cluster: 'other-arc', routingControlArn: FAKE_ARC.west.replace('shop', 'other') };
    await expect(runAction(setControls, ctx, { on: ['west-traffic', 'other-control'] })).rejects.toMatchObject({ code: 'action.routing-controls-in-clusters' });
  });

  it('needs any one of the five endpoints, and leaves the region it turns Off', () => {
    const { needs, leaves } = setControls.dependencies(FAIL_OVER, fakeShop().resources);
    expect(needs).toEqual([expect.objectContaining({ service: 'arc', plane: 'data', anyOf: FAKE_ARC.endpoints.map((endpoint) => endpoint.region) })]);
    expect(leaves).toEqual(['us-east-1']);
  });
});

describe('arc.wait-routing-controls', () => {
  it('waits until the controls read as wanted', async () => {
    const ctx = fakeShop();
    const params = { on: ['west-traffic'], off: [] };
    const plan = await waitControls.plan(ctx, params);
    expect(plan).toMatchObject({ status: 'ready', summary: 'wait until west-traffic is On' });
    expect(await waitControls.poll(ctx, params, plan)).toMatchObject({ done: false, observation: 'west-traffic Off (answered by the endpoint in us-east-1)' });
    ctx.aws.arc.setState(FAKE_ARC.west, 'On');
    expect(await waitControls.poll(ctx, params, plan)).toMatchObject({ done: true, outputs: { answeredBy: 'us-east-1' } });
  });
});

describe('the routing-controls preflight check', () => {
  it('says how many endpoints answered and what the controls read', async () => {
    const ctx = fakeShop();
    ctx.aws.setUnreachable('us-east-1');
    ctx.aws.setUnreachable('eu-west-1');
    const result = await check.run(ctx, { on: ['east-traffic'], off: ['west-traffic'] });
    expect(result).toMatchObject({ ok: true, message: '3 of 5 endpoints of shop-arc answered (us-west-2, ap-northeast-1, ap-southeast-2); east-traffic On, west-traffic Off' });
    expect(result.observations).toEqual(['did not answer: us-east-1: unreachable, eu-west-1: unreachable']);
  });

  it('fails when no endpoint answers, or a control is not as expected', async () => {
    const ctx = fakeShop();
    expect(await check.run(ctx, { on: ['west-traffic'] })).toMatchObject({ ok: false, message: expect.stringContaining('expected west-traffic On') });
    for (const { region } of FAKE_ARC.endpoints) ctx.aws.setUnreachable(region);
    expect(await check.run(ctx, { controls: ['east-traffic'] })).toMatchObject({ ok: false, message: '0 of 5 endpoints of shop-arc answered' });
  });
});
