// `drctl plan` says how often each change may be sent: the step's attempts (its `retry:`), each one send
// with no SDK retries, and never again before a read shows the last one did not take. The planned run
// into a dead region once sent one switchover nine times (3 step attempts x 3 SDK attempts) unannounced.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-plan-attempts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan shows the effective attempts of every change', () => {
  it("the runbook's retry, one send per attempt; nothing for steps that change nothing", async () => {
    const runbook = readFileSync(path.join(ROOT, 'runbooks/aurora-global-failover.yaml'), 'utf8');
    const once = runbook.replace(/(- id: switchover\n(?: {6}.*\n)*? {6}timeout: 15m\n)/, '$1      retry: 0\n');
    expect(once).not.toBe(runbook);
    writeFileSync(path.join(dir, 'once.yaml'), once);
    for (const [file, attempts] of [[path.join(ROOT, 'runbooks/aurora-global-failover.yaml'), 'up to 3 (retry: 2)'], ['once.yaml', 'up to 1 (retry: 0)']] as const) {
      const plan = await drctl(['plan', file, '--sim'], { cwd: dir });
      expect(plan.code, plan.stderr).toBe(0);
      const shown = plan.stdout.split('\n').filter((line) => line.includes('attempts:')).map((line) => line.trim());
      expect(shown).toEqual([`attempts: ${attempts}, each sent once per attempt (no SDK retries), and never again before a read shows the last one did not take`]);
    }
  });
});
