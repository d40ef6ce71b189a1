// Signals and closed pipes, with the real binary: SIGTERM (CI cancellation, systemd, Kubernetes) and
// SIGHUP (a dropped SSH session) stop a run as the first Ctrl-C does; a second signal forces, and the
// exit code stays 3; a reader that goes away (`| head`) never stops a run or crashes a command.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, start } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/aurora-global-failover.yaml');
// Virtual time runs a failover in a moment; a signal that must land mid-run needs it watched at real time.
const FAST = ['--sim'];
const REAL_TIME = ['--sim', '--pace', '1'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-signals-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function journal(): Array<{ type: string; signal?: string; forced?: boolean; outcome?: string }> {
  const runs = readdirSync(path.join(dir, '.drctl/runs'));
  expect(runs).toHaveLength(1);
  const text = readFileSync(path.join(dir, '.drctl/runs', runs[0]!, 'journal.jsonl'), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
}

function lockHeld(): boolean {
  const lockDir = path.join(dir, '.drctl/locks/aurora-global-failover.lock');
  const records = readdirSync(lockDir).filter((name) => name.endsWith('.json')).sort();
  return !JSON.parse(readFileSync(path.join(lockDir, records.at(-1)!), 'utf8')).released;
}

describe('signals', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s while polling stops cleanly: journaled, summary, resume hint, exit 3', async (signal) => {
    const run = start(['run', RUNBOOK, '--yes', ...REAL_TIME], { cwd: dir });
    await run.waitFor(/waiting for completion/);
    run.signal(signal);
    const result = await run.done;
    expect(result.signal ?? null).toBeNull();
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/next: continue with `drctl resume \S+`/);
    const events = journal();
    expect(events.find((event) => event.type === 'run.interrupted')).toMatchObject({ signal, forced: false });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'aborted' });
    expect(lockHeld()).toBe(false);
  });

  it('a second signal forces the stop and still exits 3, also when it lands while drctl is finishing', async () => {
    const run = start(['run', RUNBOOK, '--yes', ...REAL_TIME], { cwd: dir });
    await run.waitFor(/waiting for completion/);
    run.signal('SIGTERM');
    await run.waitFor(/stopping: no new calls/);
    run.signal('SIGINT');
    await run.waitFor(/run aborted/);
    run.signal('SIGINT'); // the summary and the clean-up are under way
    const result = await run.done;
    expect(result.signal ?? null).toBeNull();
    expect(result.code).toBe(3);
    expect(journal().at(-1)).toMatchObject({ type: 'run.finished', outcome: 'aborted' });
  });
});

describe('closed output pipes', () => {
  it('`drctl schema | head -1`: no crash, exit 0', async () => {
    const run = start(['schema']);
    run.closeStdout(); // gone before the first line, as `| head -1` is before the last

    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('`drctl run ... --yes | head -1`: the run goes on to the end, journaled, lock released, exit 0', async () => {
    const run = start(['run', RUNBOOK, '--yes', ...FAST], { cwd: dir });
    // Closed before the first line: under virtual time the whole run may fit in the pipe's buffer before a
    // reader that left after one line is gone, so only a reader gone from the start meets every write.
    run.closeStdout();
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = journal();
    expect(events.filter((event) => event.type === 'step.succeeded').length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'succeeded' });
    expect(lockHeld()).toBe(false);
  });

  it('a run whose stdout and stderr are both gone (a dropped session) still ends in its journal, exit 0', async () => {
    const run = start(['run', RUNBOOK, '--yes', '--output', 'json', ...FAST], { cwd: dir });
    run.closeStdout();
    run.closeStderr();
    expect(await run.done).toMatchObject({ code: 0, signal: null });
    expect(journal().at(-1)).toMatchObject({ type: 'run.finished', outcome: 'succeeded' });
  });
});
