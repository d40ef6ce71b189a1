import { describe, expect, it } from 'vitest';
import { route53Family } from '../../src/actions/route53/family';
import { judgeHealth } from '../../src/actions/route53/health';
import type { HealthCheckView } from '../../src/core/services/route53';
import { actionNamed, runAction } from '../helpers/action-context';
import { observations } from '../helpers/fake-aws/route53';
import { fakeShop } from '../helpers/fake-shop';

const waitHealthy = actionNamed(route53Family.actions, 'route53.wait-healthy');
const assertHealthy = actionNamed(route53Family.actions, 'route53.assert-healthy');
const invert = actionNamed(route53Family.actions, 'route53.invert-health-check');
const check: HealthCheckView = { id: 'hc', version: 1, type: 'HTTPS', inverted: false, disabled: false };

describe('judging health like Route 53', () => {
  it('is healthy only when MORE than 18% of checkers report success', () => {
    expect(judgeHealth(check, observations(3, 16))).toMatchObject({ healthy: true, healthyCheckers: 3, totalCheckers: 16 });
    expect(judgeHealth(check, observations(2, 16)).healthy).toBe(false);
    expect(judgeHealth(check, observations(9, 50)).healthy).toBe(false); // exactly 18%
    expect(judgeHealth(check, observations(10, 50)).healthy).toBe(true);
  });

  it('turns the verdict around when inverted, and a disabled check is always healthy', () => {
    expect(judgeHealth({ ...check, inverted: true }, observations(16, 16))).toMatchObject({ healthy: false, reason: '16/16 checkers healthy (100%), inverted' });
    expect(judgeHealth({ ...check, inverted: true }, observations(0, 16)).healthy).toBe(true);
    expect(judgeHealth({ ...check, disabled: true }, observations(0, 16)).healthy).toBe(true);
  });

  it('is not healthy before any checker has reported', () => {
    expect(judgeHealth(check, [])).toMatchObject({ healthy: false, reason: 'no checker has reported yet' });
  });
});

describe('route53.wait-healthy', () => {
  it('waits, polling no faster than every 10 s, until the check turns healthy', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.setCheckers('hc-west', 0);
    const plan = await waitHealthy.plan(ctx, { resource: 'api-west' });
    expect(plan).toMatchObject({ status: 'ready', calls: [], estimateMs: 100_000 }); // 30 s x 3 + one poll
    expect(waitHealthy.pollIntervalMs).toBe(10_000);
    expect(await waitHealthy.poll(ctx, { resource: 'api-west' }, plan)).toMatchObject({ done: false, observation: 'api-west: unhealthy (0/16 checkers healthy (0%))' });
    ctx.aws.route53.setCheckers('hc-west', 4);
    const done = await waitHealthy.poll(ctx, { resource: 'api-west' }, plan);
    expect(done).toMatchObject({ done: true, outputs: { healthy: true, healthyShare: 0.25, healthyCheckers: 4, totalCheckers: 16 } });
    expect(ctx.aws.calls.map((c) => c.operation)).toEqual(Array(3).fill(['GetHealthCheck', 'GetHealthCheckStatus']).flat());
  });

  it('is done at once when already healthy, and can wait for unhealthy too', async () => {
    const ctx = fakeShop();
    expect((await waitHealthy.plan(ctx, { resource: 'api-west' })).status).toBe('done');
    ctx.aws.route53.editHealthCheck('hc-east', { inverted: true });
    expect((await waitHealthy.plan(ctx, { resource: 'api-east', expect: 'unhealthy' })).status).toBe('done');
  });

  it('refuses a CALCULATED health check, which has no checker status', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.addHealthCheck({ id: 'hc-calc', type: 'CALCULATED' });
    ctx.resources.calc = { type: 'route53-health-check', healthCheckId: 'hc-calc' };
    await expect(waitHealthy.plan(ctx, { resource: 'calc' })).rejects.toMatchObject({ code: 'action.health-check-unsupported' });
  });

  it('names the healthCheckId when Route 53 does not know it', async () => {
    const ctx = fakeShop();
    ctx.resources['api-west'] = { type: 'route53-health-check', healthCheckId: 'hc-typo' };
    await expect(waitHealthy.plan(ctx, { resource: 'api-west' })).rejects.toMatchObject({
      code: 'aws.not-found',
      hint: expect.stringContaining('healthCheckId "hc-typo" of resource api-west'),
    });
  });
});

describe('route53.assert-healthy', () => {
  it('passes with one read when healthy, fails with a hint when not', async () => {
    const ctx = fakeShop();
    const ok = await runAction(assertHealthy, ctx, { resource: 'api-west' });
    expect(ok.plan.status).toBe('done');
    ctx.aws.route53.setCheckers('hc-west', 1);
    const plan = await assertHealthy.plan(ctx, { resource: 'api-west' });
    expect(plan.status).toBe('ready'); // the plan never fails: in a dry run earlier steps have not acted yet
    await expect(assertHealthy.poll(ctx, { resource: 'api-west' }, plan)).rejects.toMatchObject({
      code: 'action.health-assertion-failed',
      message: 'api-west is unhealthy, expected healthy (1/16 checkers healthy (6%))',
    });
  });
});

describe('route53.invert-health-check', () => {
  it('reads the version, then updates with it', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.editHealthCheck('hc-east'); // version 2
    const run = await runAction(invert, ctx, { resource: 'api-east' });
    expect(run.plan.calls).toEqual([
      { service: 'route53', region: 'us-east-1', operation: 'UpdateHealthCheck', params: { HealthCheckId: 'hc-east', HealthCheckVersion: 2, Inverted: true } },
    ]);
    expect(ctx.aws.mutatingCalls()[0]?.params).toEqual({ HealthCheckId: 'hc-east', HealthCheckVersion: 2, inverted: true });
    expect(run.outputs).toEqual({ inverted: true, healthCheckVersion: 3 });
  });

  it('is done without a call when already inverted', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.editHealthCheck('hc-east', { inverted: true });
    const plan = await invert.plan(ctx, { resource: 'api-east' });
    expect(plan).toMatchObject({ status: 'done', calls: [] });
  });

  it('refuses clearly when someone else changed the health check since the plan', async () => {
    const ctx = fakeShop();
    const plan = await invert.plan(ctx, { resource: 'api-east' });
    ctx.aws.route53.editHealthCheck('hc-east', { disabled: false });
    await expect(invert.apply(ctx, { resource: 'api-east' }, plan)).rejects.toMatchObject({
      code: 'action.health-check-changed',
      message: expect.stringContaining('changed by someone else after drctl read it (version 1, now 2)'),
    });
    expect(ctx.aws.route53.healthCheck('hc-east').inverted).toBe(false);
  });

  it('accepts a concurrent edit that already did the same thing', async () => {
    const ctx = fakeShop();
    const plan = await invert.plan(ctx, { resource: 'api-east' });
    ctx.aws.route53.editHealthCheck('hc-east', { inverted: true });
    expect(await invert.apply(ctx, { resource: 'api-east' }, plan)).toMatchObject({ done: true, observation: expect.stringContaining('someone else') });
  });

  it('restores with inverted: false, and warns that a disabled check ignores Inverted', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.editHealthCheck('hc-east', { inverted: true, disabled: true });
    const plan = await invert.plan(ctx, { resource: 'api-east', inverted: false });
    expect(plan.calls[0]?.params).toMatchObject({ Inverted: false });
    expect(plan.observations.join('\n')).toContain('disabled: Route 53 treats it as healthy');
  });
});
