// createLiveReporter on fake terminal streams: what the command wires in. The view draws to io.stdout,
// takes keys from io.stdin, and close() leaves the final frame (the summary) on the terminal.
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/core/io';
import { summarizeRun } from '../../src/engine/summary';
import { replay } from '../../src/engine/state';
import { createLiveReporter } from '../../src/ui/live-reporter';
import { FAILS, RUNNING, stamp, SUCCEEDS, T0 } from './scenario';

function fakeTerminal(columns = 80) {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let written = '';
  stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const io: CliIO = { stdout, stdin, stderr, env: { USER: 'bob', NO_COLOR: '1' }, cwd: '/' };
  // What a terminal would show, near enough: escape sequences dropped.
  const text = () => written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return { io, stdin, stdout, text, raw: () => written };
}

const options = (now: () => number) => ({ runbook: 'shop-region-failover', dryRun: false, from: 'us-east-1', to: 'us-west-2', rtoMs: 300_000, clock: { now } });

describe('createLiveReporter', () => {
  it('draws the run on the terminal and leaves the summary on screen when closed', async () => {
    const terminal = fakeTerminal();
    const now = T0 + 130_000;
    const reporter = createLiveReporter(terminal.io, { ...options(() => now), spinnerIntervalMs: 20 });
    const events = stamp([...RUNNING, ...SUCCEEDS]);
    for (const event of events) reporter.sink.emit(event);
    reporter.summary(summarizeRun(replay(events)), 'drctl report r-20250301-0300');
    await reporter.close();
    await reporter.close(); // twice is harmless
    const screen = terminal.text();
    expect(screen).toContain('shop-region-failover · run · planned · us-east-1 -> us-west-2');
    expect(screen).toContain('✓ orders ');
    expect(screen).toContain('Summary of shop-region-failover (run r-20250301-0300)');
    expect(screen).toContain('next: drctl report r-20250301-0300');
    expect(terminal.raw()).not.toMatch(/\u001b\[[0-9;]*m/); // NO_COLOR
  });

  it('answers approvals from key presses on io.stdin, recorded with the operator name', async () => {
    const terminal = fakeTerminal();
    const reporter = createLiveReporter(terminal.io, { ...options(() => T0), spinnerIntervalMs: 0 });
    for (const event of stamp(RUNNING.slice(0, 5))) reporter.emit(event);
    const answer = reporter.operator.approve({ stepId: 'approve', message: 'Go?', confirmText: 'us-west-2' }, new AbortController().signal);
    // No pause between the keys: stdin buffers them until ink reads, and a burst is read key by key.
    terminal.stdin.write('us-west-2');
    terminal.stdin.write('\r');
    await expect(answer).resolves.toEqual({ approved: true, by: 'bob' });
    await reporter.close();
  });

  it('sends Ctrl-C to the command instead of exiting, and shows notices inside the view', async () => {
    const terminal = fakeTerminal();
    let interrupts = 0;
    const reporter = createLiveReporter(terminal.io, { ...options(() => T0), spinnerIntervalMs: 0, interrupt: () => (interrupts += 1) });
    for (const event of stamp(RUNNING)) reporter.emit(event);
    terminal.stdin.write('\u0003');
    // Ink reads stdin on its own schedule: wait for the key however slow the machine, not for a set time.
    await vi.waitFor(() => expect(interrupts).toBe(1), { timeout: 30_000, interval: 5 });
    reporter.notice('engine.nothing-to-do', 'stopping after the calls in flight');
    for (const event of stamp(FAILS, 100)) reporter.emit(event);
    await reporter.close();
    expect(terminal.text()).toContain('stopping after the calls in flight');
  });

  it('follows the terminal when it is resized', async () => {
    const terminal = fakeTerminal(100);
    const reporter = createLiveReporter(terminal.io, { ...options(() => T0 + 25_000), spinnerIntervalMs: 0 });
    for (const event of stamp(RUNNING)) reporter.emit(event);
    terminal.stdout.columns = 50;
    terminal.stdout.emit('resize');
    await reporter.close();
    const last = terminal.text().split('\n').filter((line) => line.includes('orders') && line.includes('16s')).at(-1) ?? '';
    expect(last.trimEnd()).toBe('┌ ⠋ orders    switch over shop-orders us-east… 16s');
  });
});
