import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drctl, ROOT } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/aurora-global-failover.yaml');

describe('drctl run (real binary, simulator)', () => {
  it('exits 0 when the run recovers within its objectives', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drctl-run-'));
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes'], { cwd: dir });
    expect(result.stdout).toMatch(/succeeded, elapsed \d+m?\d*s of RTO 3m: within the RTO/);
    expect(result.code).toBe(0);
  });

  it('exits 4 and names the shortfall when the outage began long enough ago to miss the RTO', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drctl-run-'));
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes', '--incident-start', '10m ago'], { cwd: dir });
    expect(result.stderr).toMatch(/objective missed: RTO 1\dm\d+s missed the 3m objective by \dm\d+s/);
    expect(result.code).toBe(4);
  });

  it('refuses an incident start it cannot read, before anything runs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drctl-run-'));
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes', '--incident-start', 'soon'], { cwd: dir });
    expect(result.stderr).toContain('[cli.bad-incident-start]');
    expect(result.code).toBe(2);
  });
});
