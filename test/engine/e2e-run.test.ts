// The real binary against the embedded simulator: run, Ctrl-C, resume, plan, and the refusal to run
// without a terminal or --yes. Simulated time is virtual, so a 3-minute failover takes well under a second;
// the run that is interrupted watches at real time (--pace 1), so Ctrl-C lands during its minute-long switchover.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, drctl, ROOT } from '../e2e/drctl';
import type { ReportFacts } from '../../src/report/facts-types';
import { formatDuration } from '../../src/core/duration';
import { actionCatalogue } from '../../src/actions/catalogue';
import { loadRunbookFile } from '../../src/runbook/load';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-e2e-'));
  cpSync(path.join(ROOT, 'runbooks'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const built = existsSync(path.join(ROOT, 'dist/cli.js'));
const FAST = ['--sim'];
const REAL_TIME = ['--sim', '--pace', '1'];

/** Runs the binary and presses Ctrl-C once `when` shows up on stdout. */
function runAndInterrupt(args: string[], when: RegExp): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', CI: 'true' } });
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && when.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

describe.skipIf(!built)('drctl run / resume / plan against the simulator', () => {
  it('runs the shop failover with --yes and JSON lines, and journals it', async () => {
    const result = await drctl(['run', 'shop-region-failover.yaml', '--yes', '--output', 'json', ...FAST], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; outcome?: string });
    expect(lines[0]?.type).toBe('run.started');
    expect(lines.at(-1)).toMatchObject({ type: 'run.summary', outcome: 'succeeded' });
    expect(lines.filter((line) => line.type === 'step.intent').length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(path.join(dir, '.drctl/runs'))).toHaveLength(1);
  });

  it('refuses a mutating run without a terminal or --yes (exit 2), naming --yes', async () => {
    const result = await drctl(['run', 'shop-region-failover.yaml', ...FAST], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[cli.needs-yes]');
    expect(result.stderr).toContain('--yes');
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });

  it('stops cleanly on Ctrl-C (exit 3) and resumes to the end (exit 0)', async () => {
    const first = await runAndInterrupt(['run', 'aurora-global-failover.yaml', '--yes', ...REAL_TIME], /waiting for completion/);
    expect(first.code).toBe(3);
    expect(first.stdout).toContain('stopping: no new calls');
    const runId = readdirSync(path.join(dir, '.drctl/runs'))[0]!;
    expect(first.stdout).toContain(`drctl resume ${runId}`);
    const second = await drctl(['resume', runId, '--yes', ...FAST], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`resume aurora-global-failover (run ${runId}`);
    expect(second.stdout).not.toMatch(/^\S+ approve\s+started/m);
    expect(second.stdout).toMatch(/succeeded, elapsed/);
  });

  it('a simulated run interrupted and resumed: its report and its summary agree, and its timeline respects needs', async () => {
    // Stopped once the ElastiCache failover is done (about a simulated minute in), while the databases
    // still switch over: at --pace 10 they have more than ten real seconds to go.
    const first = await runAndInterrupt(['run', 'shop-region-failover.yaml', '--yes', '--sim', '--pace', '10'], /sessions\s+succeeded/);
    expect(first.code).toBe(3);
    const runId = readdirSync(path.join(dir, '.drctl/runs'))[0]!;
    const resumed = await drctl(['resume', runId, '--yes', ...FAST], { cwd: dir });
    expect(resumed.code, resumed.stdout).toBe(0);
    const elapsed = /succeeded, elapsed (\S+) of RTO/.exec(resumed.stdout)?.[1];
    const report = await drctl(['report', runId, '-o', 'json'], { cwd: dir });
    const facts = JSON.parse(report.stdout) as ReportFacts;
    expect(facts.run.simulated).toBe(true);
    expect(facts.run.sessions.map((session) => session.session)).toEqual(['start', 'resume']);
    expect(formatDuration(facts.rto.valueMs ?? -1)).toBe(elapsed);
    // The switchovers the first session sent keep their regions; a switchover loses nothing, lag or not.
    for (const resource of ['orders-db', 'catalog-db']) {
      expect(facts.resources.find((fact) => fact.resource === resource)).toMatchObject({ from: 'us-east-1', to: 'us-west-2', cutover: true, rpo: { source: 'switchover', valueMs: 0 } });
    }
    const steps = new Map(facts.steps.map((step) => [step.id, step]));
    // Simulated time never runs backwards: the resume continues where the first session stopped.
    expect(facts.run.sessions[1]?.at).toBeGreaterThanOrEqual(steps.get('sessions')?.finishedAt ?? Infinity);
    const { document } = await loadRunbookFile(path.join(dir, 'shop-region-failover.yaml'), actionCatalogue);
    for (const step of document.spec.steps) {
      const started = steps.get(step.id)?.startOffsetMs;
      if (started === undefined) continue;
      for (const need of step.needs ?? []) {
        const ended = steps.get(need)?.endOffsetMs;
        if (ended !== undefined) expect(started, `${step.id} starts after ${need} ends`).toBeGreaterThanOrEqual(ended);
      }
    }
  });

  it('plans without acting', async () => {
    const result = await drctl(['plan', 'shop-region-failover.yaml', ...FAST], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('call rds SwitchoverGlobalCluster in us-east-1');
    expect(result.stdout).toContain('Critical path:');
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });
});
