// The live view never misleads: a stopped run does not read "5/5 finished", a step its inputs skip is
// not shown waiting, a skip is not a failure mark, a denial is said once, a step stopped after AWS took
// its change says the change goes on, and a --step question warns when a change it needs was skipped.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { RunEventBody } from '../../src/core/events';
import { replay } from '../../src/engine/state';
import { summarizeRun } from '../../src/engine/summary';
import { PlainReporter, summaryText } from '../../src/ui/plain-reporter';
import { plainStyle } from '../../src/core/style';
import { teeSink } from '../../src/journal/tee';
import { memoryIO } from '../helpers/memory-io';
import { lines, renderView } from './harness';
import { RUNNING, SHOP_STEPS, runStarted, stamp } from './scenario';

afterEach(() => cleanup());

const intent = (stepId: string, operation: string): RunEventBody => ({ type: 'step.intent', stepId, calls: [{ service: 'rds', region: 'us-east-1', operation, params: {} }], state: {} });

/** Ctrl-C after AWS accepted the orders and catalog switchovers: three steps end cancelled. */
const STOPPED: Array<[number, RunEventBody]> = [
  ...RUNNING,
  [11, intent('orders', 'SwitchoverGlobalCluster')],
  [11, { type: 'step.applied', stepId: 'orders' }],
  [12, intent('catalog', 'SwitchoverGlobalCluster')],
  [12, { type: 'step.applied', stepId: 'catalog' }],
  [30, { type: 'step.succeeded', stepId: 'sessions', outputs: {} }],
  [40, { type: 'run.interrupted', signal: 'SIGINT', forced: false }],
  [40, { type: 'step.cancelled', stepId: 'orders', reason: 'stopped by the operator' }],
  [40, { type: 'step.cancelled', stepId: 'catalog', reason: 'stopped by the operator' }],
  [40, { type: 'step.cancelled', stepId: 'traffic', reason: 'not started: the run was stopped' }],
  [40, { type: 'run.finished', outcome: 'aborted', durationMs: 40_000 }],
];

describe('a run stopped with Ctrl-C', () => {
  it('counts what was done apart from what was cancelled', async () => {
    const view = renderView();
    view.clock.set(40);
    const frame = lines(await view.feed(stamp(STOPPED)));
    expect(frame.some((line) => line.endsWith('· 2/5 done · 3 cancelled'))).toBe(true);
    expect(frame.join('\n')).not.toMatch(/5\/5/);
  });

  it('says that a switchover AWS accepted is still under way there, on its line and in the summary', async () => {
    const view = renderView();
    view.clock.set(40);
    const frame = lines(await view.feed(stamp(STOPPED)));
    const at = frame.findIndex((line) => line.startsWith('⊘ orders'));
    expect(frame[at + 1]).toBe('    its SwitchoverGlobalCluster was accepted and is still under way in AWS');
    expect(frame.find((line) => line.startsWith('⊘ traffic'))).toBeDefined();
    expect(frame[frame.findIndex((line) => line.startsWith('⊘ traffic')) + 1]).not.toContain('under way');
    const summary = summaryText(summarizeRun(replay(stamp(STOPPED))), plainStyle);
    expect(summary).toMatch(/orders +cancelled +\d+s +stopped by the operator; still under way in AWS/);
    expect(summary).toContain('still under way in AWS, though drctl stopped watching: orders (SwitchoverGlobalCluster), catalog (SwitchoverGlobalCluster).');
    expect(summarizeRun(replay(stamp(STOPPED))).steps.find((step) => step.id === 'orders')?.underWayInAws).toEqual(['SwitchoverGlobalCluster']);
  });

  it('plain lines say it too', () => {
    const { io, out } = memoryIO();
    const reporter = new PlainReporter(io);
    for (const event of stamp(STOPPED)) reporter.emit(event);
    expect(out()).toMatch(/orders +cancelled: stopped by the operator; its change was accepted and is still under way in AWS\n/);
    expect(out()).toMatch(/traffic +cancelled: not started: the run was stopped\n/);
  });
});

describe('a step its inputs will skip', () => {
  const steps = [
    ...SHOP_STEPS.slice(0, 2),
    { id: 'orders-failover', uses: 'aurora.failover', needs: ['approve'], resource: 'orders-db', mutating: true, phase: 'main' as const, decidedSkip: "condition is false: inputs.mode == 'unplanned'" },
    { ...SHOP_STEPS[4]!, needs: ['orders', 'orders-failover'] },
  ];

  it('is shown as skipped from the start, and no step waits for it', async () => {
    const view = renderView({ columns: 100 });
    view.clock.set(1);
    const frame = lines(await view.feed(stamp([[0, runStarted({ steps })], [1, { type: 'step.started', stepId: 'approve', attempt: 1 }]])));
    expect(frame).toContainEqual(expect.stringMatching(/^. - orders-failover +will be skipped: condition is false: inputs\.mode == 'unplanned'$/));
    expect(frame).toContainEqual(expect.stringMatching(/^ {2}· traffic +waits for orders$/));
    expect(frame.join('\n')).not.toMatch(/orders-failover +waits for/);
  });
});

describe('answers, as the view prints them', () => {
  it('a --step skip is a dash, not a red cross; a denied approval is said once', async () => {
    const view = renderView();
    const frame = lines(
      await view.feed(
        stamp([
          [0, runStarted()],
          [1, { type: 'approval.answered', stepId: 'orders', approved: false, by: 'alice', gate: 'step', decision: 'skip' }],
          [2, { type: 'approval.answered', stepId: 'approve', approved: false, by: 'alice', reason: 'denied', gate: 'approval' }],
          [3, { type: 'approval.answered', stepId: 'catalog', approved: false, by: 'bob', reason: 'denied by the operator', gate: 'approval' }],
        ]),
      ),
    );
    expect(frame).toContain('- orders: skip (answered by alice)');
    expect(frame).toContain('✗ approve: denied by alice');
    expect(frame).toContain('✗ catalog: denied by bob');
    expect(frame.join('\n')).not.toContain('not approved');
  });

  it('plain lines say a denial once', () => {
    const { io, out } = memoryIO();
    const reporter = new PlainReporter(io);
    for (const event of stamp([[0, runStarted()], [2, { type: 'approval.answered', stepId: 'approve', approved: false, by: 'alice', reason: 'denied', gate: 'approval' }]])) reporter.emit(event);
    expect(out()).toMatch(/approve +denied by alice\n/);
  });

  it('a --step question warns in red when a change it depends on was skipped, and offers to run it anyway', async () => {
    const view = renderView();
    await view.feed(stamp(RUNNING.slice(0, 5)));
    const warning = 'it depends on orders, which was skipped at a --step question: that change was not made';
    const answer = view.operator.confirmStep({ stepId: 'traffic', uses: 'route53.set-records', summary: 'resource api-dns, records 2 items', phase: 'main', warning }, new AbortController().signal);
    const frame = lines(await view.frame());
    expect(frame).toContain('? run step traffic (route53.set-records): resource api-dns, records 2 items?');
    // Wrapped to the width, in full: it must be read.
    expect(frame).toContain('  ! it depends on orders, which was skipped at a --step question: that change');
    expect(frame).toContain('    was not made');
    expect(frame).toContain('  y run anyway · s skip · a run all remaining · q abort');
    await view.press('s');
    await expect(answer).resolves.toBe('skip');
  });
});

describe('plain lines, in the order they are printed', () => {
  it('never go back in time, though an intent is shown only once its fsync is done', async () => {
    const { io, out } = memoryIO();
    let made: () => void = () => undefined;
    // A journal whose fsync takes a while (a loaded disk): the intent reaches the reporter after the
    // observations other steps made meanwhile.
    const journal = { emit: () => undefined, commit: () => new Promise<void>((resolve) => (made = resolve)) };
    const sink = teeSink(journal, new PlainReporter(io));
    const events = stamp([
      [0, runStarted()],
      [11, intent('orders', 'SwitchoverGlobalCluster')],
      [13, { type: 'step.observation', stepId: 'catalog', message: 'shop-catalog: switching-over' }],
    ]);
    sink.emit(events[0]!);
    const committed = sink.commit!(events[1]!);
    sink.emit(events[2]!);
    made();
    await committed;
    const seconds = out()
      .split('\n')
      .map((line) => /^\[(\d\d):(\d\d)\]/.exec(line))
      .flatMap((match) => (match ? [Number(match[1]) * 60 + Number(match[2])] : []));
    expect(seconds).toHaveLength(3);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(out()).toContain('orders   call rds SwitchoverGlobalCluster in us-east-1 (intent journaled)');
  });
});
