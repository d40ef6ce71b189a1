// A real full disk (a tiny tmpfs; only where this user may mount one, e.g. root in a container):
// a run is refused before it starts when the journal has too little room, and a disk that fills up
// mid-run stops the run with journal.disk-full (exit 1, no stack trace), leaving a journal that reads
// back and a run that resumes once there is room. test/journal/full-disk.test.ts covers every byte
// boundary with an injected file system; this is the same promise on a real file system.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drctl, ROOT, SEVERAL_RUNS_TIMEOUT_MS, start } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/aurora-global-failover.yaml');

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'drctl-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Writes until the disk is full: what is left for drctl is nothing at all. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
}

let dir: string;
let mounted: string | undefined;
const mount = (size: string) => {
  mounted = path.join(dir, `disk-${size}`);
  mkdirSync(mounted);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mounted]);
  return mounted;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-full-disk-'));
});
afterEach(() => {
  if (mounted) execFileSync('umount', [mounted]);
  mounted = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(canMountTmpfs())('a real full disk (tmpfs)', { timeout: SEVERAL_RUNS_TIMEOUT_MS }, () => {
  it('a journal directory with too little room refuses the run before it starts', async () => {
    const disk = mount('128k');
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes', '--journal-dir', path.join(disk, 'j')], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[journal.disk-full]');
    expect(result.stderr).toMatch(/only \d+ KiB free for the run journal/);
    expect(result.stderr).not.toMatch(/hit a bug|\n\s+at /);
    expect(result.stdout).not.toContain('intent journaled');
  });

  it('a disk that fills up mid-run stops it (exit 1, journal.disk-full); the journal reads back, and the run resumes once there is room', async () => {
    const disk = mount('2m');
    const journalDir = path.join(disk, 'j');
    const run = start(['run', RUNBOOK, '--sim', '--pace', '10', '--yes', '--journal-dir', journalDir], { cwd: dir });
    await run.waitFor(/waiting for completion/);
    fill(path.join(disk, 'filler'));
    const stopped = await run.done;
    expect(stopped.signal ?? null).toBeNull();
    expect(stopped.code).toBe(1);
    expect(stopped.stdout + stopped.stderr).toContain('[journal.disk-full]');
    expect(stopped.stdout + stopped.stderr).not.toMatch(/hit a bug|\n\s+at /);
    const [runId] = readdirSync(path.join(journalDir, 'runs'));
    const report = await drctl(['report', runId!, '--journal-dir', journalDir], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('did not finish');
    unlinkSync(path.join(disk, 'filler'));
    const resumed = await drctl(['resume', runId!, '--sim', '--yes', '--journal-dir', journalDir], { cwd: dir });
    expect(resumed.code).toBe(0);
  });
});
