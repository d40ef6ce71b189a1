import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/core/events';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, harness, lookup, resume, runbook, start, step } from './harness';

const doc = () =>
  runbook([
    step('first', 'fake.sleep', { ms: 1_000, output: 'one' }),
    step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 60_000 }, { needs: 'first' }),
    step('last', 'fake.sleep', { ms: 1_000, output: '${{ steps.first.outputs.value }}-${{ steps.move.outputs.region }}' }, { needs: 'move' }),
  ]);

async function cutAfter(type: RunEvent['type'], stepId?: string) {
  const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
  const h = harness(doc(), { world });
  await start(h);
  const index = h.sink.events.findIndex((event) => event.type === type && (!stepId || ('stepId' in event && event.stepId === stepId)));
  return { h, world, prior: h.sink.events.slice(0, index + 1) };
}

describe('resume', () => {
  it('keeps finished steps and their outputs, and re-plans the one with an intent from live state', async () => {
    const { h, world, prior } = await cutAfter('step.intent', 'move');
    // the crash came before the call: the world still has db in us-east-1
    const fresh = new FakeWorld(h.clock, { db: 'us-east-1' });
    const again = harness(doc(), { world: fresh, clock: h.clock });
    const result = await resume(again, prior);
    expect(result.outcome).toBe('succeeded');
    expect(again.sink.of('step.started').map((event) => event.stepId)).toEqual(['move', 'last']);
    expect(again.sink.of('run.started')[0]).toMatchObject({ session: 'resume', resumedFrom: 'run-1' });
    expect(result.state.steps.last?.outputs).toEqual({ value: 'one-us-west-2' });
    expect(fresh.appliesTo('db')).toBe(1);
    expect(world.appliesTo('db')).toBe(1);
  });

  it('a change that already happened is not made again (plan says done)', async () => {
    const { h, world, prior } = await cutAfter('step.applied', 'move');
    const again = harness(doc(), { world, clock: h.clock });
    await h.clock.sleep(10 * 60_000);
    const result = await resume(again, prior);
    expect(result.state.steps.move).toMatchObject({ state: 'succeeded', alreadyDone: true, outputs: { region: 'us-west-2' } });
    expect(world.appliesTo('db')).toBe(1);
  });

  it('a change under way to the same target is joined (plan says in progress)', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(doc(), { world });
    await start(h);
    const prior = h.sink.events.slice(0, h.sink.events.findIndex((event) => event.type === 'step.applied') + 1);
    const replayWorld = new FakeWorld(h.clock, { db: 'us-east-1' });
    replayWorld.resources.get('db')!.operation = { to: 'us-west-2', doneAt: h.clock.now() + 30_000 };
    const result = await resume(harness(doc(), { world: replayWorld, clock: h.clock }), prior);
    expect(result.state.steps.move).toMatchObject({ state: 'succeeded', joined: true });
    expect(replayWorld.applies).toEqual([]);
  });

  it('says there is nothing to do for a run that already succeeded', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(doc(), { world });
    await start(h);
    const again = harness(doc(), { world, clock: h.clock });
    const result = await resume(again, h.sink.events);
    expect(result).toMatchObject({ outcome: 'succeeded', exitCode: 0, nothingToDo: 'this run already succeeded' });
    expect(again.sink.events).toEqual([]);
  });

  it('retries the failed steps of a run that failed without rollback', async () => {
    const h = harness(runbook([step('flaky', 'fake.sleep', { ms: 1, fail: 'fatal', times: 1 })]), { options: { noRollback: true } });
    const attempts = new Map<string, number>();
    h.deps.actions = lookup(h.world, [], [], attempts);
    expect((await start(h)).outcome).toBe('failed');
    const result = await resume(h, h.sink.events.slice());
    expect(result.outcome).toBe('succeeded');
    expect(result.state.sessions).toBe(2);
  });

  it('marks steps cut off by a crash as interrupted when the next session starts', async () => {
    const { h, prior } = await cutAfter('step.polling', 'move');
    const again = harness(doc(), { world: new FakeWorld(h.clock, { db: 'us-west-2' }), clock: h.clock });
    const result = await resume(again, prior);
    const cancelledThenRerun = again.sink.of('step.started').some((event) => event.stepId === 'move');
    expect(cancelledThenRerun).toBe(true);
    expect(result.state.steps.move).toMatchObject({ state: 'succeeded', alreadyDone: true });
  });
});
