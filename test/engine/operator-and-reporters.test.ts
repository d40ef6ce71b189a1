import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/core/io';
import { summarizeRun } from '../../src/engine/summary';
import { JsonReporter } from '../../src/ui/json-reporter';
import { PlainReporter } from '../../src/ui/plain-reporter';
import { chooseOperator, TerminalPrompt } from '../../src/ui/prompt';
import { plainStyle } from '../../src/core/style';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, harness, runbook, start, step } from './harness';

function terminal(tty = true) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const io: CliIO = { stdin, stdout, stderr, env: { USER: 'alice', NO_COLOR: '1' }, cwd: '/' };
  return { io, stdin, out: () => out, err: () => err };
}

const answerLater = (stdin: PassThrough, ...lines: string[]) => setTimeout(() => lines.forEach((line) => stdin.write(`${line}\n`)), 5);

describe('operator', () => {
  it('approves only when the operator types the target region', async () => {
    const t = terminal();
    const prompt = new TerminalPrompt(t.io, plainStyle);
    const signal = new AbortController().signal;
    answerLater(t.stdin, 'us-west-2');
    expect(await prompt.approve({ stepId: 'approve', message: 'Fail over?', confirmText: 'us-west-2', timeoutMs: 60_000 }, signal)).toEqual({ approved: true, by: 'alice', reason: undefined });
    expect(t.err()).toContain('Type us-west-2 to approve');
    answerLater(t.stdin, 'us-east-1');
    expect(await prompt.approve({ stepId: 'approve', message: 'Fail over?', confirmText: 'us-west-2' }, signal)).toMatchObject({ approved: false, reason: 'denied' });
    answerLater(t.stdin, 'y');
    expect(await prompt.approve({ stepId: 'approve', message: 'Read-only check?' }, signal)).toMatchObject({ approved: true });
  });

  it('asks --step questions until it gets a known answer', async () => {
    const t = terminal();
    const prompt = new TerminalPrompt(t.io, plainStyle);
    answerLater(t.stdin, 'maybe', 'n');
    expect(await prompt.confirmStep({ stepId: 'orders', uses: 'aurora.switchover', summary: 'aurora.switchover {}', phase: 'main' }, new AbortController().signal)).toBe('skip');
  });

  it('closes the question when it is no longer needed', async () => {
    const t = terminal();
    const controller = new AbortController();
    const question = new TerminalPrompt(t.io, plainStyle).approve({ stepId: 'a', message: 'go?' }, controller.signal);
    controller.abort(new Error('interrupted'));
    await expect(question).rejects.toThrowError('interrupted');
  });

  it('never prompts without a terminal: --yes approves, otherwise it fails at once naming --yes', async () => {
    const { io } = terminal(false);
    const signal = new AbortController().signal;
    expect(await chooseOperator(io, true, { interactive: false, style: plainStyle }).approve({ stepId: 'a', message: 'go?' }, signal)).toEqual({ approved: true, by: '--yes' });
    await expect(chooseOperator(io, false, { interactive: false, style: plainStyle }).approve({ stepId: 'a', message: 'go?' }, signal)).rejects.toMatchObject({ code: 'cli.needs-yes', hint: expect.stringContaining('--yes') });
    await expect(chooseOperator(io, true, { interactive: false, style: plainStyle }).confirmStep({ stepId: 'a', uses: 'wait', summary: '', phase: 'main' }, signal)).rejects.toMatchObject({ code: 'cli.needs-tty' });
  });
});

describe('reporters', () => {
  async function scenario() {
    const world = new FakeWorld(new FakeClock(), { db: 'us-east-1' });
    const h = harness(
      runbook(
        [
          step('approve', 'approval', { message: 'go?' }),
          step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 30_000 }, { needs: 'approve' }),
          step('boom', 'fake.sleep', { ms: 1_000, fail: 'fatal' }, { needs: 'move' }),
        ],
        { rollback: [step('back', 'fake.move', { resource: 'db', to: 'us-east-1', durationMs: 30_000 })], objectives: { rto: '5m' } },
      ),
      { world },
    );
    const result = await start(h);
    return { events: h.sink.events, summary: summarizeRun(result.state) };
  }

  it('plain lines tell the story of a failed run and its rollback, then the summary', async () => {
    const { events, summary } = await scenario();
    const t = terminal(false);
    const reporter = new PlainReporter(t.io);
    for (const event of events) reporter.emit(event);
    reporter.summary(summary, 'drctl resume run-1');
    const text = t.out();
    expect(text).toContain('[00:00] run test-runbook (run run-1, 4 steps)');
    expect(text).toContain('approve  approved by tester');
    expect(text).toContain('move     call rds FakeMove in us-east-1 (intent journaled)');
    expect(text).toMatch(/boom {5}FAILED\n\s+error attempt 1 failed \[fake\.fatal\]/);
    expect(text).toContain('rollback started: step "boom" failed');
    expect(text).toMatch(/move\s+rolled-back/);
    expect(text).toContain('failed, elapsed');
    expect(text).toContain('RTO not met');
    expect(text).toContain('next: drctl resume run-1');
  });

  it('JSON lines carry every event as journaled, then the summary', async () => {
    const { events, summary } = await scenario();
    const t = terminal(false);
    const reporter = new JsonReporter(t.io);
    for (const event of events) reporter.emit(event);
    reporter.summary(summary);
    const lines = t.out().trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines.slice(0, -1)).toEqual(JSON.parse(JSON.stringify(events)));
    expect(lines.at(-1)).toMatchObject({ type: 'run.summary', outcome: 'failed', rtoMs: 300_000, withinRto: false });
  });
});
