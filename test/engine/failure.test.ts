import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/core/define-action';
import { z } from 'zod';
import { displayState } from '../../src/engine/state';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, harness, lookup, resume, runbook, start, step } from './harness';

const failing = step('boom', 'fake.sleep', { ms: 5_000, fail: 'fatal' });

describe('failure and rollback', () => {
  it('starts nothing new after a failure, lets running steps finish, then runs rollback steps in their own dependency order', async () => {
    const h = harness(
      runbook(
        [
          // a change that happened (so there is something to roll back) and takes 30 s to complete
          step('long', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 30_000 }),
          failing,
          step('after', 'fake.sleep', { ms: 1_000 }, { needs: ['boom'] }),
          step('other', 'fake.sleep', { ms: 1_000 }, { needs: ['long'] }),
        ],
        {
          rollback: [
            step('undo-dns', 'fake.sleep', { ms: 2_000 }),
            step('undo-db', 'fake.sleep', { ms: 2_000 }, { needs: 'undo-dns' }),
            step('notify', 'fake.sleep', { ms: 1_000 }, { needs: 'undo-dns' }),
          ],
        },
      ),
      { world: new FakeWorld(new FakeClock(), { db: 'us-east-1' }) },
    );
    const result = await start(h);
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 1 });
    expect(result.error?.code).toBe('fake.fatal');
    const states = Object.fromEntries(Object.values(result.state.steps).map((record) => [record.id, record.state]));
    expect(states).toEqual({ long: 'succeeded', boom: 'failed', after: 'cancelled', other: 'cancelled', 'undo-dns': 'succeeded', 'undo-db': 'succeeded', notify: 'succeeded' });
    const order = h.sink.events.filter((event) => event.type === 'step.started').map((event) => ('stepId' in event ? event.stepId : ''));
    expect(order).toEqual(['long', 'boom', 'undo-dns', 'undo-db', 'notify']);
    // rollback waits for the running step (a 30 s change) to finish first
    const rollbackAt = h.sink.of('rollback.started')[0]!.at;
    expect(rollbackAt - h.sink.events[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect(rollbackAt).toBe(result.state.steps.long!.finishedAt);
    expect(h.sink.of('rollback.started')[0]?.reason).toBe('step "boom" failed');
    expect(h.sink.of('rollback.finished')[0]?.outcome).toBe('succeeded');
  });

  it('shows succeeded mutating steps as rolling back, then rolled back', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(
      runbook([step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 1_000 }), step('boom', 'fake.sleep', { ms: 1, fail: 'fatal' }, { needs: 'move' })], {
        rollback: [step('back', 'fake.move', { resource: 'db', to: 'us-east-1', durationMs: 1_000 }, { if: "steps.move.outcome == 'success'" })],
      }),
      { world },
    );
    const result = await start(h);
    expect(result.state.rollback?.state).toBe('succeeded');
    expect(displayState(result.state.steps.move!, result.state)).toBe('rolled-back');
    expect(world.view('db').region).toBe('us-east-1');
    expect(world.applies.map((apply) => apply.to)).toEqual(['us-west-2', 'us-east-1']);
  });

  it('--no-rollback leaves the rollback steps alone', async () => {
    const h = harness(runbook([failing], { rollback: [step('undo', 'fake.sleep', { ms: 1 })] }), { options: { noRollback: true } });
    const result = await start(h);
    expect(result.outcome).toBe('failed');
    expect(h.sink.of('rollback.started')).toEqual([]);
    expect(result.state.steps.undo?.state).toBe('pending');
  });

  it('a failing rollback step fails the rollback, and drctl rollback runs it again', async () => {
    const attempts = new Map<string, number>();
    const changed = step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 1_000 });
    const boom = { ...failing, needs: 'move' };
    const h = harness(runbook([changed, boom], { rollback: [step('undo', 'fake.sleep', { ms: 1, fail: 'fatal', times: 1 })] }), { world: new FakeWorld(new FakeClock(), { db: 'us-east-1' }) });
    h.deps.actions = lookup(h.world, [], [], attempts);
    const first = await start(h);
    expect(first.state.rollback?.state).toBe('failed');
    expect(first.state.steps.undo?.state).toBe('failed');
    const again = await resume(h, h.sink.events.slice(), 'rollback');
    expect(again.state.rollback?.state).toBe('succeeded');
    expect(again.state.steps.undo?.state).toBe('succeeded');
    // the main phase still failed, so the run stays failed
    expect(again.outcome).toBe('failed');
  });
});

describe('preflight', () => {
  const check = (name: string, ok: boolean) =>
    defineCheck({
      check: name,
      description: name,
      params: z.strictObject({ resource: z.string().optional() }),
      resourceParams: {},
      permissions: () => [],
      dependencies: () => [],
      run: async (_ctx, params) => ({ ok, message: `${name} ${ok ? 'ok' : 'not ok'} ${params.resource ?? ''}`.trim() }),
    });

  it('runs every check before the first step; one failure stops the run before any change', async () => {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(
      runbook([step('move', 'fake.move', { resource: 'db', to: 'us-west-2' })], {
        preflight: [{ check: 'good', with: { resource: '${{ inputs.to }}' } }, { check: 'bad', name: 'lag is low' }],
        rollback: [step('undo', 'fake.sleep', { ms: 1 })],
      }),
      { world, checks: [check('good', true), check('bad', false)], options: { inputs: { to: 'us-west-2' } } },
    );
    const result = await start(h);
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 1 });
    expect(result.error?.code).toBe('engine.preflight-failed');
    expect(result.error?.message).toContain('lag is low');
    expect(h.sink.of('preflight.passed')[0]?.message).toBe('good ok us-west-2');
    expect(world.applies).toEqual([]);
    expect(result.state.steps.move).toMatchObject({ state: 'cancelled', reason: 'not started: preflight failed' });
    expect(h.sink.of('rollback.started')).toEqual([]);
  });

  it('an unknown check fails preflight with its own code', async () => {
    const h = harness(runbook([step('a', 'fake.sleep', { ms: 1 })], { preflight: [{ check: 'nope' }] }));
    const result = await start(h);
    expect(h.sink.of('preflight.failed')[0]?.error?.code).toBe('engine.unknown-check');
    expect(result.outcome).toBe('failed');
  });
});
