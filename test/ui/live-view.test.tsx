// Frames of the live view, drawn by ink-testing-library on a still clock (run time) and a still spinner.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { summarizeRun } from '../../src/engine/summary';
import { replay } from '../../src/engine/state';
import { summaryText } from '../../src/ui/plain-reporter';
import { plainStyle, styleFor } from '../../src/core/style';
import { lines, renderView } from './harness';
import { FAILS, RUNNING, stamp, SUCCEEDS, runStarted } from './scenario';

afterEach(() => cleanup());

const running = stamp(RUNNING);
const succeeded = stamp([...RUNNING, ...SUCCEEDS]);
const failed = stamp([...RUNNING, ...FAILS]);

describe('the live view', () => {
  it('shows a running step with its spinner, time and the latest observation from AWS', async () => {
    const view = renderView();
    view.clock.set(25);
    const frame = lines(await view.feed(running));
    expect(frame).toContain('shop-region-failover · run · planned · us-east-1 -> us-west-2');
    expect(frame).toContain('elapsed 25s · RTO 25s / 5m (8%) · █░░░░░░░░░░░ · 1/5 done');
    expect(frame).toContain('┌ ⠋ orders    switch over shop-orders us-east-1 -> us-west-2                 16s');
    expect(frame).toContain('│     shop-orders: switching-over us-east-1 -> us-west-2');
    expect(frame.at(-1)).toBe('Ctrl-C stop after calls in flight · Ctrl-C again to force');
  });

  it('draws parallel steps side by side in one bracket, and what the next step waits for', async () => {
    const view = renderView();
    view.clock.set(25);
    expect(lines(await view.feed(running)).join('\n')).toMatchInlineSnapshot(`
      "✓ preflight healthy: api-west is healthy (3 of 3 checkers)
      ✓ approve   approved by alice                                               8.0s
      shop-region-failover · run · planned · us-east-1 -> us-west-2
      elapsed 25s · RTO 25s / 5m (8%) · █░░░░░░░░░░░ · 1/5 done
      ┌ ⠋ orders    switch over shop-orders us-east-1 -> us-west-2                 16s
      │     shop-orders: switching-over us-east-1 -> us-west-2
      ├ ⠋ catalog   switch over shop-catalog (us-east-1 -> us-west-2)              16s
      │     shop-catalog: switching-over us-east-1 -> us-west-2
      └ ⠋ sessions  fail over ldgnf-shop-sessions to us-west-2 (us-east-1 -> us-w… 16s
        · traffic   waits for orders, catalog, sessions
      Ctrl-C stop after calls in flight · Ctrl-C again to force"
    `);
  });

  it('prints finished steps once, above the live area', async () => {
    const view = renderView();
    view.clock.set(80);
    await view.feed(running);
    const frame = lines(await view.feed(succeeded.slice(running.length, running.length + 1)));
    expect(frame.slice(0, 3)).toEqual([
      '✓ preflight healthy: api-west is healthy (3 of 3 checkers)',
      '✓ approve   approved by alice                                               8.0s',
      '✓ sessions  fail over ldgnf-shop-sessions to us-west-2 (us-east-1 -> us-we… 1m1s',
    ]);
    expect(frame.filter((line) => line.includes('sessions  fail over'))).toHaveLength(1);
    // the bracket now spans the two steps still running
    expect(frame.filter((line) => /^[┌└] ⠋/.test(line))).toHaveLength(2);
  });

  it('shows a failure with its code and hint', async () => {
    const view = renderView();
    view.clock.set(360);
    const frame = lines(await view.feed(failed.slice(0, -1)));
    const at = frame.findIndex((line) => line.startsWith('✗ orders'));
    expect(frame.slice(at, at + 5)).toEqual([
      '✗ orders    switch over shop-orders us-east-1 -> us-west-2                 5m51s',
      '    error SwitchoverGlobalCluster refused: shop-orders is already failing over',
      '      [aws.invalid-state]',
      '      hint: Wait for the operation under way to finish (drctl status), then',
      '        resume the run with drctl resume.',
    ]);
    expect(frame).toContain('⊘ traffic   cancelled: a step it needs failed (orders)');
  });

  it('ends with the summary: steps, durations, RTO met; the same text the plain reporter prints', async () => {
    const view = renderView();
    view.clock.set(130);
    const frame = lines(await view.feed(succeeded));
    expect(frame).toContain('took 2m10s · RTO 2m10s / 5m (43%) · █████░░░░░░░ · 5/5 done');
    const summary = summarizeRun(replay(succeeded));
    expect(summary).toMatchObject({ withinRto: true, elapsedMs: 130_000 });
    const shared = lines(summaryText(summary, plainStyle));
    expect(frame.slice(-shared.length)).toEqual(shared);
    expect(shared.join('\n')).toMatch(/orders +succeeded +1m31s/);
    expect(frame.join('\n')).not.toContain('Ctrl-C');
  });

  it('ends with the summary: RTO missed, and the error that ended the run', async () => {
    const view = renderView();
    view.clock.set(360);
    const frame = lines(await view.feed(failed));
    expect(frame).toContain('took 6m · RTO 6m / 5m (120%) · ████████████ · 3/5 done · 1 failed · 1 cancelled');
    const summary = summarizeRun(replay(failed));
    expect(summary).toMatchObject({ withinRto: false, elapsedMs: 360_000, rtoMs: 300_000 });
    const start = frame.findIndex((line) => line.startsWith('Summary of'));
    const rows = frame.slice(start + 1, start + 6);
    expect(rows.map((row) => row.split(/ +/)[1])).toEqual(['approve', 'orders', 'catalog', 'sessions', 'traffic']);
    // a step row is cut to the width; the error below it is wrapped whole, with its code and hint
    expect(rows[1]).toMatch(/^  orders +failed +5m51s +SwitchoverGlobalCluster refused.*…$/);
    expect(rows[1]).toHaveLength(80);
    expect(frame.slice(start).join('\n')).toContain('[aws.invalid-state]');
    expect(frame.slice(start).some((line) => line.includes('hint: Wait for the operation under way'))).toBe(true);
  });

  it('shows the summary the command gives, with what to do next', async () => {
    const view = renderView();
    view.clock.set(360);
    await view.feed(failed);
    view.store.setSummary(summarizeRun(replay(failed)), 'fix the cause, then: drctl resume r-20250301-0300');
    expect(lines(await view.frame())).toContain('  next: fix the cause, then: drctl resume r-20250301-0300');
  });

  it('stays readable at 50 columns: no line wider, nothing wrapped into the next row', async () => {
    const view = renderView({ columns: 50 });
    view.clock.set(25);
    const frame = lines(await view.feed(running));
    for (const line of frame) expect([...line].length).toBeLessThanOrEqual(50);
    expect(frame.join('\n')).toMatchInlineSnapshot(`
      "✓ preflight healthy: api-west is healthy (3 of 3 …
      ✓ approve   approved by alice                 8.0s
      shop-region-failover · us-east-1 -> us-west-2
      elapsed 25s · RTO 25s / 5m (8%) · 1/5 done
      ┌ ⠋ orders    switch over shop-orders us-east… 16s
      │     shop-orders: switching-over us-east-1 -> us…
      ├ ⠋ catalog   switch over shop-catalog (us-ea… 16s
      │     shop-catalog: switching-over us-east-1 -> u…
      └ ⠋ sessions  fail over ldgnf-shop-sessions t… 16s
        · traffic   waits for orders, catalog, sessions
      Ctrl-C stop · again: force"
    `);
    view.clock.set(360);
    const end = lines(await view.feed(failed.slice(running.length)));
    for (const line of end) expect([...line].length).toBeLessThanOrEqual(50);
    expect(end).toContain('shop-region-failover · us-east-1 -> us-west-2');
  });

  it('keeps the live area within a short terminal: observations go first', async () => {
    const view = renderView({ rows: 9 });
    view.clock.set(25);
    const frame = lines(await view.feed(running));
    expect(frame.filter((line) => line.includes('switching-over'))).toEqual([]);
    expect(frame.filter((line) => line.includes(' ⠋ '))).toHaveLength(3);
    const tiny = renderView({ rows: 6 });
    tiny.clock.set(25);
    expect(lines(await tiny.feed(running))).toContain('  … 2 more (the terminal is too short to show them)');
  });

  it('fits 80 columns exactly', async () => {
    const view = renderView({ columns: 80 });
    view.clock.set(25);
    const frame = lines(await view.feed(running));
    expect(Math.max(...frame.map((line) => [...line].length))).toBe(80);
  });

  it('names the command when it says more than "run"', async () => {
    const view = renderView({ header: { command: 'drill' } });
    expect(lines(await view.feed(stamp([[0, runStarted()]])))[0]).toBe('shop-region-failover · drill · planned · us-east-1 -> us-west-2');
  });

  it('says DRY RUN at the top of a dry run', async () => {
    const view = renderView({ header: { dryRun: true } });
    const frame = lines(await view.feed(stamp([[0, runStarted({ mode: 'dry-run' })]])));
    expect(frame[0]).toBe('DRY RUN · read-only: nothing in AWS will change');
    expect(frame[1]).toBe('shop-region-failover · dry run · planned · us-east-1 -> us-west-2');
  });

  it('says SIMULATED at the top of a run against the simulator', async () => {
    const view = renderView();
    const frame = lines(await view.feed(stamp([[0, runStarted({ simulated: true })]])));
    expect(frame[0]).toBe('SIMULATED · drctl simulator: simulated time, no real AWS changes');
    expect(frame[1]).toBe('shop-region-failover · run · planned · us-east-1 -> us-west-2');
  });

  it('shows "stopping..." after the first Ctrl-C, and what the second one does', async () => {
    const view = renderView();
    view.clock.set(30);
    const frame = lines(await view.feed([...running, ...stamp([[30, { type: 'run.interrupted', signal: 'SIGINT', forced: false }]], 100)]));
    expect(frame).toContain('stopping… no new calls; waiting for calls in flight');
    expect(frame.at(-1)).toBe('Ctrl-C again to force (stops waiting for calls in flight)');
  });

  it('hands Ctrl-C to the command (raw mode turns it into a key press)', async () => {
    const view = renderView();
    await view.feed(running);
    await view.press('\u0003');
    expect(view.interrupts).toBe(1);
  });

  it('honours NO_COLOR: not one escape code', async () => {
    const coloured = renderView({ style: styleFor({ isTTY: true }, {}) });
    coloured.clock.set(360);
    expect(await coloured.feed(failed)).toMatch(/\u001b\[/);
    const plain = renderView({ style: styleFor({ isTTY: true }, { NO_COLOR: '1' }) });
    plain.clock.set(360);
    await plain.feed(failed);
    expect(plain.frames.join('')).not.toMatch(/\u001b/);
  });
});

describe('a resumed run', () => {
  it('shows the earlier session as finished, says resume, and keeps the RTO clock from the first start', async () => {
    const view = renderView();
    view.store.replay(failed);
    view.clock.set(400);
    // Nothing from the earlier session's end is shown as this session's summary.
    expect(await view.frame()).not.toContain('Summary of');
    const resumed = stamp(
      [
        [400, runStarted({ session: 'resume' })],
        [400, { type: 'step.started', stepId: 'orders', attempt: 1 }],
        [410, { type: 'step.observation', stepId: 'orders', message: 'shop-orders: writer already in us-west-2' }],
      ],
      failed.length + 1,
    );
    const frame = lines(await view.feed(resumed));
    expect(frame).toContain('shop-region-failover · resume · planned · us-east-1 -> us-west-2');
    expect(frame.some((line) => line.startsWith('✗ orders'))).toBe(true);
    expect(frame.some((line) => line.startsWith('✓ catalog'))).toBe(true);
    expect(frame).toContain('elapsed 6m40s · RTO 6m40s / 5m (133%) · ████████████ · 3/5 done · 1 cancelled');
    expect(frame.some((line) => /^ {2}⠋ orders .* 0ms$/.test(line))).toBe(true);
  });
});
