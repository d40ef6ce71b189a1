// http.probe and the endpoint-answers check through the engine's step attempt on the virtual clock, over a
// scripted probe port: answers in a row, the wait between attempts and each attempt's limit on the step's clock.
import { describe, expect, it } from 'vitest';
import { httpProbeFamily } from '../../src/actions/http-probe/family';
import { actionNamed, checkNamed, makeContext, runAction, type TestContext } from '../helpers/action-context';
import { FakeProbe, ok, unavailable } from '../helpers/fake-probe';

const probe = actionNamed(httpProbeFamily.actions, 'http.probe');
const answers = checkNamed(httpProbeFamily.checks, 'endpoint-answers');
const URL = 'https://api.shop.example.com/health';

function context(): TestContext & { http: FakeProbe } {
  const ctx = makeContext({ api: { type: 'http-endpoint', url: URL }, west: { type: 'http-endpoint', url: 'https://api-west.shop.example.com/health', region: 'us-west-2' } });
  return Object.assign(ctx, { http: new FakeProbe(() => ctx.clock.now()) });
}

describe('http.probe', () => {
  it('succeeds after N matching answers in a row, the wait between attempts on the step clock', async () => {
    const ctx = context();
    // The plan's look, then: down, down, up, down (the streak starts again), up x3.
    ctx.http.script(URL, unavailable(), unavailable(), unavailable(), ok(), unavailable(), ok());
    const start = ctx.clock.now();
    const run = await runAction(probe, ctx, { resource: 'api', consecutive: 3, interval: '10s' });
    expect(run.plan).toMatchObject({ status: 'ready', observations: ['api: now 503, expected 200'], estimateMs: 20_000 });
    const attempts = ctx.http.requests.slice(1);
    expect(attempts).toHaveLength(7);
    expect(attempts.map((request) => request.at - start)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(run.outputs).toMatchObject({ status: 200, attempts: 7, signal: `api (${URL}) answering 200, 3 times in a row` });
    // Said when the answer changes, not on every attempt.
    expect(ctx.observed.filter((line) => line.startsWith('api: 503'))).toHaveLength(2);
  });

  it('matches the body against a pattern and names the region of a regional endpoint', async () => {
    const ctx = context();
    const east = ok('{"region":"us-east-1"}');
    ctx.http.script('https://api-west.shop.example.com/health', east, east, ok('{"region":"us-west-2"}'));
    const run = await runAction(probe, ctx, { resource: 'west', body: '"region":"us-west-2"', consecutive: 2, interval: '1s' });
    expect(ctx.observed[0]).toBe('west: 200, but the body does not match /"region":"us-west-2"/ from https://api-west.shop.example.com/health in us-west-2');
    expect(run.outputs?.signal).toBe('west (https://api-west.shop.example.com/health in us-west-2) answering 200, 2 times in a row');
  });

  it('gives up on an attempt after attemptTimeout of the step clock and tries again', async () => {
    const ctx = context();
    ctx.http.script(URL, ok(), 'hang', ok());
    const start = ctx.clock.now();
    const run = await runAction(probe, ctx, { resource: 'api', consecutive: 1, interval: '5s', attemptTimeout: '3s' });
    expect(ctx.observed).toContain(`api: no answer within 3.0s from ${URL}`);
    expect(ctx.http.requests.map((request) => request.at - start)).toEqual([0, 0, 8_000]);
    expect(ctx.http.requests[1]?.timeoutMs).toBe(3_000);
    expect(run.outputs?.attempts).toBe(2);
  });

  it('accepts a list of statuses', async () => {
    const ctx = context();
    ctx.http.script(URL, { status: 204, body: '' });
    await expect(runAction(probe, ctx, { resource: 'api', status: [200, 204], consecutive: 1 })).resolves.toMatchObject({ outputs: { status: 204 } });
  });
});

describe('endpoint-answers', () => {
  it('passes on N good answers in a row and fails on the first bad one, saying which', async () => {
    const ctx = context();
    ctx.http.script(URL, ok());
    await expect(answers.run(ctx, { resource: 'api', consecutive: 2, interval: '1s' })).resolves.toMatchObject({ ok: true });
    ctx.http.script(URL, ok(), { body: '', error: 'connection reset' });
    await expect(answers.run(ctx, { resource: 'api', consecutive: 3 })).resolves.toMatchObject({
      ok: false,
      message: `api: connection reset from ${URL} (after 1 good answers)`,
    });
  });

  it('refuses a pattern that is not a regular expression', () => {
    expect(answers.params.safeParse({ resource: 'api', body: '(' }).success).toBe(false);
  });
});
