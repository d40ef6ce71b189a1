import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/state';
import { harness, runbook, start, step } from './harness';
import { FAKE_EPOCH } from '../helpers/fake-clock';

describe('scheduling', () => {
  it('overlaps independent steps: the run takes its longest path, not the sum', async () => {
    const h = harness(
      runbook([
        step('a', 'fake.sleep', { ms: 60_000 }),
        step('b', 'fake.sleep', { ms: 120_000 }),
        step('c', 'fake.sleep', { ms: 90_000 }),
        step('d', 'fake.sleep', { ms: 30_000 }, { needs: ['a', 'b', 'c'] }),
      ]),
    );
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    // longest path b (120s) + d (30s) = 150s; the sum would be 300s
    expect(h.clock.elapsed()).toBe(150_000);
    const started = h.sink.of('step.started').map((event) => [event.stepId, event.at - h.sink.events[0]!.at]);
    expect(started).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 120_000],
    ]);
    expect(h.clock.pending()).toBe(0);
  });

  it('respects the parallelism limit', async () => {
    const steps = ['a', 'b', 'c', 'd', 'e'].map((id) => step(id, 'fake.sleep', { ms: 10_000 }));
    const h = harness(runbook(steps), { options: { maxParallel: 2 } });
    await start(h);
    // 5 steps of 10s, two at a time: 3 waves
    expect(h.clock.elapsed()).toBe(30_000);
    let running = 0;
    let peak = 0;
    for (const event of h.sink.events) {
      if (event.type === 'step.started') peak = Math.max(peak, ++running);
      if (event.type === 'step.succeeded') running--;
    }
    expect(peak).toBe(2);
  });

  it('skips a step whose if: is false, and its dependents still run', async () => {
    const h = harness(
      runbook(
        [
          step('planned', 'fake.sleep', { ms: 1_000 }, { if: "inputs.mode == 'planned'" }),
          step('unplanned', 'fake.sleep', { ms: 1_000 }, { if: "${{ inputs.mode == 'unplanned' }}" }),
          step('after', 'fake.sleep', { ms: 1_000 }, { needs: ['planned', 'unplanned'], if: "steps.unplanned.outcome == 'skipped'" }),
        ],
        { inputs: { mode: { type: 'string' } } },
      ),
      { options: { inputs: { mode: 'planned' } } },
    );
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    const states = Object.fromEntries(Object.values(result.state.steps).map((record) => [record.id, record.state]));
    expect(states).toEqual({ planned: 'succeeded', unplanned: 'skipped', after: 'succeeded' });
    expect(h.sink.of('step.skipped')[0]?.reason).toContain("inputs.mode == 'unplanned'");
  });

  it('skips a step whose if: is false at once, even when every slot of --max-parallel is taken', async () => {
    const h = harness(
      runbook(
        [step('long', 'fake.sleep', { ms: 60_000 }), step('unplanned-only', 'fake.sleep', { ms: 1_000 }, { if: "inputs.mode == 'unplanned'" })],
        { inputs: { mode: { type: 'string' } } },
      ),
      { options: { maxParallel: 1, inputs: { mode: 'planned' } } },
    );
    await start(h);
    // Waiting for a slot, the skip used to be recorded when the long step ended: its time depended on the parallelism.
    expect(h.sink.of('step.skipped').map((event) => event.at - FAKE_EPOCH)).toEqual([0]);
  });

  it('resolves expressions from inputs, resources and outputs of earlier steps', async () => {
    const h = harness(
      runbook(
        [
          step('first', 'fake.sleep', { ms: 1_000, output: 'from-${{ inputs.to }}' }),
          step('second', 'fake.sleep', { ms: 1_000, output: '${{ steps.first.outputs.value }}+${{ resources.db.globalClusterId }}' }, { needs: 'first' }),
          step('check', 'assert', { that: "${{ steps.second.outputs.value == 'from-us-west-2+shop' }}" }, { needs: ['second'] }),
        ],
        { resources: { db: { type: 'aurora-global', globalClusterId: 'shop' } } },
      ),
      { options: { inputs: { to: 'us-west-2' } } },
    );
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    expect(result.state.steps.second?.outputs).toEqual({ value: 'from-us-west-2+shop' });
  });

  it('fails a step whose expression has no value, naming the step', async () => {
    const h = harness(runbook([step('a', 'fake.sleep', { ms: 1, output: '${{ inputs.missing }}' })]));
    const result = await start(h);
    expect(result.outcome).toBe('failed');
    expect(result.exitCode).toBe(1);
    expect(result.state.steps.a?.error?.code).toBe('engine.expression-failed');
    expect(result.state.steps.a?.error?.message).toContain('step "a"');
  });

  it('fails with bad params after resolution, without calling the action', async () => {
    const h = harness(runbook([step('a', 'fake.sleep', { ms: 'soon' })]));
    const result = await start(h);
    expect(result.state.steps.a?.error?.code).toBe('engine.bad-params');
    expect(h.sink.of('step.planned')).toHaveLength(0);
  });

  it('fails an assert that does not hold, and cancels what needed it', async () => {
    const h = harness(
      runbook([
        step('check', 'assert', { that: '${{ inputs.n > 3 }}', message: 'need more than 3' }),
        step('after', 'fake.sleep', { ms: 1 }, { needs: 'check' }),
      ]),
      { options: { inputs: { n: 2 } } },
    );
    const result = await start(h);
    expect(result.state.steps.check?.error).toMatchObject({ code: 'assert.failed', message: 'need more than 3' });
    expect(result.state.steps.after?.state).toBe('cancelled');
    expect(result.state.steps.after?.reason).toBe('not started: step "check" failed');
  });

  it('continue-on-error lets the run go on and reports the outcome to expressions', async () => {
    const h = harness(
      runbook([
        step('flaky', 'fake.sleep', { ms: 1_000, fail: 'fatal' }, { 'continue-on-error': true }),
        step('after', 'fake.sleep', { ms: 1_000 }, { needs: 'flaky', if: "steps.flaky.outcome == 'failure'" }),
      ]),
    );
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    expect(result.state.steps.flaky).toMatchObject({ state: 'failed', continued: true });
    expect(result.state.steps.after?.state).toBe('succeeded');
  });

  it('waits with the core wait action on the clock', async () => {
    const h = harness(runbook([step('settle', 'wait', { duration: '1m30s', reason: 'let DNS TTLs expire' })]));
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    expect(h.clock.elapsed()).toBe(90_000);
    expect(h.sink.of('step.observation')[0]?.message).toBe('waiting 1m30s: let DNS TTLs expire');
  });

  it('keeps its state in the same reducer a journal replay uses', async () => {
    const h = harness(runbook([step('a', 'fake.sleep', { ms: 5 }), step('b', 'fake.sleep', { ms: 5 }, { needs: 'a' })]));
    const result = await start(h);
    const roundTripped = h.sink.events.map((event) => JSON.parse(JSON.stringify(event)));
    expect(replay(roundTripped)).toEqual(result.state);
    expect(h.sink.events.map((event) => event.seq)).toEqual(h.sink.events.map((_, index) => index + 1));
  });
});
