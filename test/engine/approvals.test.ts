import { describe, expect, it } from 'vitest';
import type { StepDecision } from '../../src/core/events';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, harness, operator, runbook, start, step } from './harness';

const move = (id: string, extra = {}) => step(id, 'fake.move', { resource: 'db', to: '${{ inputs.to }}', durationMs: 10_000 }, extra);
const world = () => new FakeWorld(new FakeClock(), { db: 'us-east-1' });
const inputs = { to: 'us-west-2' };

describe('approvals', () => {
  it('asks with resolved expressions and the target region to type, then goes on', async () => {
    const ops = operator();
    const h = harness(runbook([step('approve', 'approval', { message: 'Fail over to ${{ inputs.to }}?' }), move('move', { needs: 'approve' })]), {
      world: world(),
      operator: ops,
      options: { inputs, confirmRun: true },
    });
    const result = await start(h);
    expect(result.outcome).toBe('succeeded');
    // the approval stands before every mutating step, so the run does not ask a second time
    expect(ops.asked).toHaveLength(1);
    expect(ops.asked[0]).toMatchObject({ stepId: 'approve', message: 'Fail over to us-west-2?', confirmText: 'us-west-2' });
    expect(result.state.steps.approve?.outputs).toEqual({ approvedBy: 'tester' });
    const answered = h.sink.of('approval.answered')[0];
    expect(answered).toMatchObject({ approved: true, by: 'tester', gate: 'approval' });
  });

  it('shows waiting-approval while the question is open', async () => {
    const h = harness(runbook([step('approve', 'approval', { message: 'ok?' })]));
    const seen: string[] = [];
    const original = h.deps.operator.approve;
    h.deps.operator.approve = async (request, signal) => {
      seen.push(h.sink.events.length ? (stateOf(h.sink.events) ?? '') : '');
      return original(request, signal);
    };
    await start(h);
    expect(seen).toEqual(['waiting-approval']);
  });

  it('denied: nothing after it starts, no rollback, exit 3', async () => {
    const w = world();
    const h = harness(
      runbook([step('approve', 'approval', { message: 'go?' }), move('move', { needs: 'approve' })], {
        rollback: [step('undo', 'fake.sleep', { ms: 1 })],
      }),
      { world: w, operator: operator(() => ({ approved: false, by: 'alice', reason: 'denied' })), options: { inputs } },
    );
    const result = await start(h);
    expect(result.outcome).toBe('aborted');
    expect(result.exitCode).toBe(3);
    expect(result.error?.code).toBe('engine.approval-denied');
    expect(result.state.steps.move?.state).toBe('cancelled');
    expect(h.sink.of('rollback.started')).toEqual([]);
    expect(w.applies).toEqual([]);
  });

  it('times out with its own timeout: the step fails with a clear code, and nothing changed, so nothing is rolled back', async () => {
    const h = harness(
      runbook([step('approve', 'approval', { message: 'go?', timeout: '5m' }), move('move', { needs: 'approve' })], {
        rollback: [step('undo', 'fake.sleep', { ms: 1 })],
      }),
      { world: world(), operator: operator(() => 'never'), options: { inputs } },
    );
    const result = await start(h);
    expect(result.outcome).toBe('failed');
    expect(result.exitCode).toBe(1);
    expect(result.state.steps.approve?.error?.code).toBe('engine.approval-timeout');
    const approve = result.state.steps.approve!;
    expect(approve.finishedAt! - approve.startedAt!).toBe(5 * 60_000);
    expect(result.state.steps.undo?.state).toBe('pending');
    expect(h.sink.types()).not.toContain('rollback.started');
    expect(h.clock.pending()).toBe(0);
  });

  it('a step timeout on an approval is reported as an approval timeout', async () => {
    const h = harness(runbook([step('approve', 'approval', { message: 'go?' }, { timeout: '2m' })]), { operator: operator(() => 'never') });
    const result = await start(h);
    expect(result.state.steps.approve?.error?.code).toBe('engine.approval-timeout');
    expect(h.clock.elapsed()).toBe(2 * 60_000);
  });

  it('confirms a mutating run before the first change by typing the target region', async () => {
    const ops = operator();
    const h = harness(runbook([move('move')]), { world: world(), operator: ops, options: { inputs, confirmRun: true } });
    await start(h);
    expect(ops.asked).toEqual([expect.objectContaining({ stepId: '(run)', confirmText: 'us-west-2' })]);
    expect(h.sink.of('approval.requested')[0]?.gate).toBe('run');
    expect(h.sink.types().indexOf('approval.answered')).toBeLessThan(h.sink.types().indexOf('step.started'));
  });

  it('a refused start confirmation changes nothing and exits 3', async () => {
    const w = world();
    const h = harness(runbook([move('move')]), { world: w, operator: operator(() => ({ approved: false, by: 'operator' })), options: { inputs, confirmRun: true } });
    const result = await start(h);
    expect(result).toMatchObject({ outcome: 'aborted', exitCode: 3 });
    expect(w.applies).toEqual([]);
    expect(result.state.steps.move?.state).toBe('cancelled');
  });
});

describe('--step mode', () => {
  const three = () => runbook([step('a', 'fake.sleep', { ms: 1 }), step('b', 'fake.sleep', { ms: 1 }, { needs: 'a' }), step('c', 'fake.sleep', { ms: 1 }, { needs: 'b' })]);
  const answers = (...decisions: StepDecision[]) => {
    const queue = [...decisions];
    return operator(undefined, () => queue.shift() ?? 'run');
  };

  it('asks before every step and skips the ones the operator declines', async () => {
    const ops = answers('run', 'skip', 'run');
    const h = harness(three(), { operator: ops, options: { stepMode: true } });
    const result = await start(h);
    expect(ops.stepQuestions.map((question) => question.stepId)).toEqual(['a', 'b', 'c']);
    expect(result.state.steps.b).toMatchObject({ state: 'skipped', reason: 'skipped by the operator (--step)' });
    expect(result.state.steps.c?.state).toBe('succeeded');
  });

  it('"continue" stops asking; "quit" stops the run cleanly (exit 3)', async () => {
    const continuing = answers('continue');
    const h1 = harness(three(), { operator: continuing, options: { stepMode: true } });
    expect((await start(h1)).outcome).toBe('succeeded');
    expect(continuing.stepQuestions).toHaveLength(1);

    const quitting = answers('run', 'quit');
    const h2 = harness(three(), { operator: quitting, options: { stepMode: true } });
    const result = await start(h2);
    expect(result).toMatchObject({ outcome: 'aborted', exitCode: 3 });
    expect(result.state.steps.a?.state).toBe('succeeded');
    expect(result.state.steps.b?.state).toBe('cancelled');
    expect(result.state.steps.c?.state).toBe('cancelled');
  });
});

describe('--step questions, as the operator reads them', () => {
  const answers = (...decisions: StepDecision[]) => {
    const queue = [...decisions];
    return operator(undefined, () => queue.shift() ?? 'run');
  };

  it('say what the step will do in words: the action once, its parameters as key value, no JSON', async () => {
    const ops = answers('run');
    await start(harness(runbook([move('move')]), { world: world(), operator: ops, options: { inputs, stepMode: true } }));
    expect(ops.stepQuestions[0]).toMatchObject({ stepId: 'move', uses: 'fake.move', summary: 'resource db, to us-west-2, durationMs 10000' });
    const asked = questionWords(ops);
    expect(asked).not.toContain('{');
    expect(asked.split('fake.move')).toHaveLength(2);
  });

  // A DNS flip that needs a switchover the operator skipped: the flip is asked about, with a warning,
  // even after "run all remaining"; and answering "s" there too leaves traffic where the data is.
  const flip = () => runbook([move('switchover'), step('wait', 'fake.sleep', { ms: 1 }, { needs: 'switchover' }), step('dns', 'fake.sleep', { ms: 1 }, { needs: 'wait' })]);

  it('warn before a step that depends on a change the operator skipped, even after "run all remaining"', async () => {
    const ops = answers('skip', 'continue', 'skip');
    const result = await start(harness(flip(), { world: world(), operator: ops, options: { inputs, stepMode: true } }));
    expect(ops.stepQuestions.map((question) => [question.stepId, question.warning])).toEqual([
      ['switchover', undefined],
      ['wait', 'it depends on switchover, which was skipped at a --step question: that change was not made'],
      ['dns', 'it depends on switchover, which was skipped at a --step question: that change was not made'],
    ]);
    expect(result.state.steps.dns).toMatchObject({ state: 'skipped' });
  });

  it('do not warn about a step skipped by its condition, or a read-only one skipped', async () => {
    const ops = answers('run', 'skip', 'run');
    const chain = runbook([step('a', 'fake.sleep', { ms: 1 }), step('b', 'fake.sleep', { ms: 1 }, { needs: 'a' }), step('c', 'fake.sleep', { ms: 1 }, { needs: 'b' })]);
    await start(harness(chain, { operator: ops, options: { stepMode: true } }));
    expect(ops.stepQuestions.map((question) => question.warning)).toEqual([undefined, undefined, undefined]);
  });
});

/** Every question's words, as the journal keeps them. */
function questionWords(ops: { stepQuestions: Array<{ uses: string; summary: string }> }): string {
  return ops.stepQuestions.map((question) => `(${question.uses}): ${question.summary}`).join('\n');
}

describe('steps an if: on inputs decides', () => {
  it('are marked at the start, with the reason they will be skipped when reached', async () => {
    const steps = [step('planned', 'fake.sleep', { ms: 1 }, { if: "inputs.mode == 'planned'" }), step('unplanned', 'fake.sleep', { ms: 1 }, { if: "inputs.mode == 'unplanned'" }), step('after', 'fake.sleep', { ms: 1 }, { if: "steps.planned.outcome == 'success'" })];
    const h2 = harness(runbook(steps, { inputs: { mode: { type: 'string', default: 'planned' } } }), { options: { inputs: { mode: 'planned' } } });
    const result = await start(h2);
    const started = h2.sink.of('run.started')[0];
    expect(started?.steps.map((info) => [info.id, info.decidedSkip])).toEqual([['planned', undefined], ['unplanned', "condition is false: inputs.mode == 'unplanned'"], ['after', undefined]]);
    expect(result.state.steps.unplanned).toMatchObject({ state: 'skipped', reason: "condition is false: inputs.mode == 'unplanned'" });
  });
});

function stateOf(events: readonly { type: string; stepId?: string }[]): string | undefined {
  const last = [...events].reverse().find((event) => event.stepId === 'approve');
  return last?.type === 'approval.requested' ? 'waiting-approval' : last?.type;
}
