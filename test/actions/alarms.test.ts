// cloudwatch.wait-alarms and the alarm-ok check over the fake CloudWatch: OK, OK for long enough (from the
// last state change), a composite read like a metric alarm, and a name AWS does not return said plainly.
import { describe, expect, it } from 'vitest';
import { alarmsFamily } from '../../src/actions/alarms/family';
import { runAction } from '../helpers/action-harness';
import { actionNamed, checkNamed, makeContext } from '../helpers/action-context';

const wait = actionNamed(alarmsFamily.actions, 'cloudwatch.wait-alarms');
const alarmOk = checkNamed(alarmsFamily.checks, 'alarm-ok');

function context() {
  return makeContext({ 'app-west': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-usw2', region: 'us-west-2' } });
}

describe('cloudwatch.wait-alarms', () => {
  it('waits until the alarm is OK in its region, then for stableFor counted from its last change', async () => {
    const ctx = context();
    ctx.aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'ALARM', { kind: 'composite', reason: 'api-5xx-usw2 is in ALARM' });
    let polls = 0;
    const run = await runAction(wait, {
      ...ctx,
      // The application recovers at the third poll: OK since that moment.
      beforePoll: () => void (++polls === 3 && ctx.aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'OK', { kind: 'composite', forMs: 0 })),
    }, { resource: 'app-west', stableFor: '1m' });
    expect(run.plan).toMatchObject({ status: 'ready', summary: 'wait until app-west (shop-healthy-usw2 in us-west-2) is OK for 1m', target: { resource: 'app-west' } });
    expect(run.plan.observations).toEqual(['app-west: shop-healthy-usw2 (composite) in us-west-2 is ALARM since 2026-11-22T02:50:00Z: api-5xx-usw2 is in ALARM']);
    expect(run.polls.at(-1)).toMatchObject({ done: true, observation: expect.stringMatching(/^app-west: shop-healthy-usw2 \(composite\) in us-west-2 is OK for 1m\d*s?$/) });
    expect(run.polls.some((poll) => / is OK since \S+ \(needs 1m\)$/.test(poll.observation ?? ''))).toBe(true);
    expect(run.outputs).toMatchObject({ state: 'OK', signal: 'shop-healthy-usw2 OK in us-west-2' });
    expect(ctx.aws.callsTo('DescribeAlarms').every((call) => call.region === 'us-west-2')).toBe(true);
  });

  it('is done at once, with no wait, when the alarm is already OK long enough', async () => {
    const ctx = context();
    ctx.aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'OK', { forMs: 5 * 60_000 });
    const run = await runAction(wait, ctx, { resource: 'app-west', stableFor: '2m' });
    expect(run.plan.status).toBe('done');
    expect(run.outputs).toMatchObject({ state: 'OK', okForMs: 300_000 });
  });

  it('says plainly that the region has no such alarm (DescribeAlarms leaves unknown names out)', async () => {
    const ctx = context();
    await expect(runAction(wait, ctx, { resource: 'app-west' })).rejects.toMatchObject({
      code: 'action.alarm-not-found',
      message: 'app-west: CloudWatch in us-west-2 has no alarm named "shop-healthy-usw2" (metric or composite)',
    });
  });
});

describe('alarm-ok', () => {
  it('passes on OK and fails on ALARM or INSUFFICIENT_DATA, quoting the state', async () => {
    const ctx = context();
    ctx.aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'INSUFFICIENT_DATA');
    await expect(alarmOk.run(ctx, { resource: 'app-west' })).resolves.toMatchObject({ ok: false, message: 'app-west: shop-healthy-usw2 in us-west-2 is INSUFFICIENT_DATA since 2026-11-22T02:50:00Z' });
    ctx.aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'OK');
    await expect(alarmOk.run(ctx, { resource: 'app-west' })).resolves.toMatchObject({ ok: true });
  });
});
