import { describe, expect, it } from 'vitest';
import { harness, runbook, start, step, FakeWorld } from './harness';
import { FakeClock } from '../helpers/fake-clock';
import { nextPollInterval } from '../../src/engine/poll';
import { ApiCallFeed } from '../../src/engine/api-call-feed';
import { defineAction } from '../../src/core/define-action';
import { NO_DEPENDENCIES } from '../../src/core/dependencies';
import { z } from 'zod';

describe('step lifecycle', () => {
  it('goes running -> polling -> succeeded for a mutating step, with the intent durable before apply', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(runbook([step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 30_000 })]), { world });
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    const types = h.sink.types().filter((type) => type.startsWith('step.'));
    expect(types.slice(0, 5)).toEqual(['step.started', 'step.planned', 'step.intent', 'step.applied', 'step.polling']);
    expect(types.at(-1)).toBe('step.succeeded');
    expect(h.sink.commits).toBe(1);
    expect(result.state.steps.move).toMatchObject({ state: 'succeeded', outputs: { region: 'us-west-2' } });
    expect(world.appliesTo('db')).toBe(1);
  });

  it('notices completion within one poll interval and backs off gently', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(runbook([step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 15 * 60_000 })]), { world });
    await start(h);
    const polls = h.sink.events.filter((event) => event.type === 'step.observation');
    expect(polls.length).toBeGreaterThan(0);
    // finished 15 minutes in; noticed within the largest interval (15 s)
    expect(h.clock.elapsed()).toBeGreaterThanOrEqual(15 * 60_000);
    expect(h.clock.elapsed()).toBeLessThanOrEqual(15 * 60_000 + 15_000);
    // never more than 20 describe calls in any minute (about 4 a minute at steady state)
    const busiestMinute = Math.max(...world.polls.map((at) => world.polls.filter((other) => other >= at && other < at + 60_000).length));
    expect(busiestMinute).toBeLessThanOrEqual(20);
    expect(world.polls.length).toBeLessThan(15 * 6);
    expect(nextPollInterval(2_000, 2_000)).toBe(3_000);
    expect(nextPollInterval(14_000, 2_000)).toBe(15_000);
  });

  it('succeeds without a call when the plan says done, and joins an operation under way', async () => {
    const clock = new FakeClock();
    const world = new FakeWorld(clock, { done: 'us-west-2', moving: 'us-east-1' });
    world.resources.get('moving')!.operation = { to: 'us-west-2', doneAt: clock.now() + 20_000 };
    const h = harness(
      runbook([step('a', 'fake.move', { resource: 'done', to: 'us-west-2' }), step('b', 'fake.move', { resource: 'moving', to: 'us-west-2' })]),
      { world },
    );
    const result = await start(h);
    expect(result.state.steps.a).toMatchObject({ state: 'succeeded', alreadyDone: true, outputs: { region: 'us-west-2' } });
    expect(result.state.steps.b).toMatchObject({ state: 'succeeded', joined: true });
    expect(world.applies).toEqual([]);
    expect(h.sink.of('step.intent')).toEqual([]);
  });

  it('times a step out on the default timeout of its action, or its own timeout:', async () => {
    const h = harness(runbook([step('slow', 'fake.sleep', { ms: 60 * 60_000 }), step('slower', 'fake.sleep', { ms: 60 * 60_000 }, { timeout: '90s' })]));
    const result = await start(h);
    expect(result.outcome).toBe('failed');
    expect(result.state.steps.slower?.error?.code).toBe('engine.step-timeout');
    expect(result.state.steps.slower?.error?.message).toContain('1m30s');
    // the other step was running: it finishes or times out (10 minutes, the action's default)
    expect(result.state.steps.slow?.error?.code).toBe('engine.step-timeout');
    expect(h.clock.elapsed()).toBe(10 * 60_000);
    expect(h.clock.pending()).toBe(0);
  });

  it('retries retryable errors with exponential backoff and jitter', async () => {
    const h = harness(runbook([step('flaky', 'fake.sleep', { ms: 1_000, fail: 'retryable', times: 2 }, { retry: { attempts: 3, backoff: '2s' } })]), {
      deps: { random: () => 0 },
    });
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    const retries = h.sink.of('step.retrying');
    // equal jitter with random 0: half of 2s, then half of 4s
    expect(retries.map((event) => [event.attempt, event.delayMs])).toEqual([
      [2, 1_000],
      [3, 2_000],
    ]);
    expect(retries[0]?.error.code).toBe('fake.retryable');
    expect(h.clock.elapsed()).toBe(3_000 + 1_000 + 2_000);
    expect(result.state.steps.flaky?.attempts).toBe(3);
  });

  it('gives up after the retries run out, and never retries a non-retryable error', async () => {
    const h = harness(
      runbook([
        step('always', 'fake.sleep', { ms: 1_000, fail: 'retryable' }, { retry: 1 }),
        step('fatal', 'fake.sleep', { ms: 1_000, fail: 'fatal' }),
      ]),
    );
    const result = await start(h);
    expect(result.state.steps.always).toMatchObject({ state: 'failed', attempts: 2 });
    expect(result.state.steps.fatal).toMatchObject({ state: 'failed', attempts: 1 });
    expect(h.sink.of('step.retrying').map((event) => event.stepId)).toEqual(['always']);
  });

  it('stops at the run deadline: running steps fail, nothing new starts', async () => {
    const h = harness(
      runbook([step('long', 'fake.sleep', { ms: 5 * 60_000 }), step('next', 'fake.sleep', { ms: 1_000 }, { needs: 'long' })]),
      { options: { deadlineMs: 60_000 } },
    );
    const result = await start(h);
    expect(result.outcome).toBe('failed');
    expect(result.error?.code).toBe('engine.run-deadline');
    expect(result.state.steps.long?.error?.code).toBe('engine.run-deadline');
    expect(result.state.steps.next).toMatchObject({ state: 'cancelled' });
    expect(h.clock.elapsed()).toBe(60_000);
  });

  it('never calls apply when the intent cannot be made durable', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(runbook([step('move', 'fake.move', { resource: 'db', to: 'us-west-2' })]), { world });
    h.sink.commit = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const result = await start(h);
    expect(result.state.steps.move?.error?.code).toBe('engine.journal-failed');
    expect(world.applies).toEqual([]);
  });

  it('records every AWS call reported by the ports as an api.call event', async () => {
    const feed = new ApiCallFeed();
    const call = { service: 'rds' as const, region: 'us-east-1', operation: 'DescribeGlobalClusters', mutating: false, startedAt: 0, durationMs: 12, ok: true };
    feed.push(call); // before the engine listens: kept
    const h = harness(runbook([step('a', 'fake.sleep', { ms: 1_000 })]), { deps: { apiCalls: feed } });
    h.clock.at(500, () => feed.push({ ...call, operation: 'SwitchoverGlobalCluster', mutating: true }));
    const result = await start(h);
    expect(h.sink.of('api.call').map((event) => event.call.operation)).toEqual(['DescribeGlobalClusters', 'SwitchoverGlobalCluster']);
    expect(result.state).toMatchObject({ apiCalls: 2, mutatingCalls: 1 });
    feed.push(call); // after the run: dropped
    expect(h.sink.of('api.call')).toHaveLength(2);
  });

  it('reports an action that crashes as a bug, with its stack in the journal, and carries on failing cleanly', async () => {
    const broken = defineAction({
      uses: 'fake.broken',
      description: 'throws a TypeError',
      params: z.strictObject({}),
      outputs: [],
      mutating: false,
      defaultTimeoutMs: 60_000,
      permissions: () => [],
      dependencies: () => NO_DEPENDENCIES,
      plan: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'members')");
      },
    });
    const h = harness(runbook([step('x', 'fake.broken')]), { extra: [broken] });
    const result = await start(h);
    expect(result.state.steps.x?.error).toMatchObject({ code: 'engine.action-crashed', hint: expect.stringContaining('bug in drctl') });
    expect(h.sink.of('step.observation')[0]?.data?.stack).toContain('TypeError');
    expect(h.sink.of('step.retrying')).toEqual([]);
  });
});
