import { describe, expect, it } from 'vitest';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, harness, operator, resume, runbook, start, step, type Harness } from './harness';

function withSignals(h: Harness) {
  const stop = new AbortController();
  const force = new AbortController();
  h.deps.stopSignal = stop.signal;
  h.deps.forceSignal = force.signal;
  return { stop, force };
}

const moveDoc = (applyMs = 0) =>
  runbook(
    [
      step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 10 * 60_000, applyMs }),
      step('after', 'fake.sleep', { ms: 1_000 }, { needs: 'move' }),
      step('side', 'fake.sleep', { ms: 5 * 60_000 }),
    ],
    { rollback: [step('undo', 'fake.sleep', { ms: 1 })] },
  );

describe('Ctrl-C', () => {
  it('the first stops cleanly: no new calls, steps cancelled, no rollback, exit 3; resume joins without a second call', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(moveDoc(), { world });
    const { stop } = withSignals(h);
    h.clock.at(60_000, () => stop.abort());
    const result = await start(h);
    expect(result).toMatchObject({ outcome: 'aborted', exitCode: 3 });
    expect(result.error?.code).toBe('engine.interrupted');
    expect(h.clock.elapsed()).toBe(60_000);
    expect(h.sink.of('run.interrupted')).toEqual([expect.objectContaining({ signal: 'SIGINT', forced: false })]);
    expect(result.state.steps.move?.state).toBe('cancelled');
    expect(result.state.steps.side?.state).toBe('cancelled');
    expect(result.state.steps.after).toMatchObject({ state: 'cancelled', reason: 'not started: the run was stopped' });
    expect(h.sink.of('rollback.started')).toEqual([]);
    expect(h.sink.types().at(-1)).toBe('run.finished');
    expect(h.clock.pending()).toBe(0);

    const again = harness(moveDoc(), { world, clock: h.clock });
    const resumed = await resume(again, h.sink.events);
    expect(resumed.outcome).toBe('succeeded');
    expect(resumed.state.steps.move).toMatchObject({ joined: true });
    expect(world.appliesTo('db')).toBe(1);
  });

  it('lets a call in flight finish and records it before stopping', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(moveDoc(4_000), { world });
    const { stop } = withSignals(h);
    h.clock.at(1_000, () => stop.abort());
    const result = await start(h);
    expect(result.outcome).toBe('aborted');
    // the apply took 4 s and was waited for; then nothing more
    expect(h.clock.elapsed()).toBe(4_000);
    expect(h.sink.of('step.applied').map((event) => event.stepId)).toEqual(['move']);
    expect(h.sink.of('step.polling')).toEqual([]);
    expect(world.appliesTo('db')).toBe(1);
  });

  it('the second stops at once, abandoning the call in flight; resume still makes no second call', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(moveDoc(10_000), { world });
    const { stop, force } = withSignals(h);
    h.clock.at(1_000, () => stop.abort());
    h.clock.at(2_000, () => force.abort());
    const result = await start(h);
    expect(result.outcome).toBe('aborted');
    expect(h.sink.of('run.interrupted').map((event) => event.forced)).toEqual([false, true]);
    expect(h.sink.of('run.finished')[0]!.at - h.sink.events[0]!.at).toBe(2_000);
    expect(h.sink.of('step.applied')).toEqual([]);
    // the request was on the wire and lands anyway
    await h.clock.sleep(20_000);
    expect(world.appliesTo('db')).toBe(1);

    const again = harness(moveDoc(10_000), { world, clock: h.clock });
    const resumed = await resume(again, h.sink.events);
    expect(resumed.outcome).toBe('succeeded');
    expect(world.appliesTo('db')).toBe(1);
  });

  it('closes an open approval question', async () => {
    let closed = false;
    const ops = operator(() => 'never');
    ops.approve = (_request, signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          closed = true;
          reject(signal.reason);
        });
      });
    const h = harness(runbook([step('approve', 'approval', { message: 'go?' })]), { operator: ops });
    const { stop } = withSignals(h);
    h.clock.at(5_000, () => stop.abort());
    const result = await start(h);
    expect(closed).toBe(true);
    expect(result.outcome).toBe('aborted');
    expect(result.state.steps.approve?.state).toBe('cancelled');
  });
});
