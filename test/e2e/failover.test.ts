// drctl failover, the real binary against the simulator: a one-resource runbook built in memory and run
// by the same session as `drctl run` (journal, lock, confirmation, reporter, summary, resume), and the
// errors for a wrong id, region, type or a missing --yes, given before any run is journaled.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shopWorldFile } from '../helpers/shop-world';
import { hasTmux, Pane, start } from '../status/e2e-helpers';
import { drctl } from './drctl';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-failover-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const runs = () => (existsSync(path.join(dir, '.drctl/runs')) ? readdirSync(path.join(dir, '.drctl/runs')) : []);
const snapshot = (runId: string) => JSON.parse(readFileSync(path.join(dir, '.drctl/runs', runId, 'runbook.json'), 'utf8')) as { file: string; document: { metadata: { name: string } }; inputs: Record<string, unknown> };
type Line = { type: string; outcome?: string; call?: { operation: string; region: string; mutating: boolean } };
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Line);

describe('drctl failover (real binary, simulator)', () => {
  it('switches an Aurora writer over with --yes, journaled like any run under a per-resource name', async () => {
    const result = await drctl(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--sim', '--yes'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/run failover-aurora-shop-orders \(run \S+, 2 steps, SIMULATED: simulated time on the drctl simulator\)/);
    expect(result.stdout).toContain('ok   preflight available');
    expect(result.stdout).toContain('approve    approved by --yes');
    expect(result.stdout).toContain('switchover call rds SwitchoverGlobalCluster in us-east-1 (intent journaled)');
    expect(result.stdout).toContain('Summary of failover-aurora-shop-orders');
    expect(result.stdout).toMatch(/succeeded, elapsed/);
    const [runId] = runs();
    expect(runId).toMatch(/failover-aurora-shop-orders/);
    expect(snapshot(runId!)).toMatchObject({
      file: 'drctl failover aurora shop-orders --to us-west-2 --mode planned',
      document: { metadata: { name: 'failover-aurora-shop-orders' } },
      inputs: { from: 'us-east-1', to: 'us-west-2', mode: 'planned' },
    });
    // The journal is the same as drctl run's: drctl report reads it.
    const report = await drctl(['report', runId!], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('failover-aurora-shop-orders');
  }, 30_000);

  it('fails DocumentDB over unplanned (AllowDataLoss, sent to the target) with JSON lines', async () => {
    const result = await drctl(['failover', 'docdb', 'shop-catalog', '--to', 'us-west-2', '--mode', 'unplanned', '--max-lag', '5s', '--sim', '--yes', '-o', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines[0]?.type).toBe('run.started');
    expect(lines.filter((line) => line.call?.mutating).map((line) => [line.call?.operation, line.call?.region])).toEqual([['FailoverGlobalCluster', 'us-west-2']]);
    expect(lines.at(-1)).toMatchObject({ type: 'run.summary', outcome: 'succeeded' });
  }, 30_000);

  it('promotes an ElastiCache secondary (planned and unplanned are the same call)', async () => {
    const result = await drctl(['failover', 'elasticache', 'ldgnf-shop-sessions', '--to', 'us-west-2', '--sim', '--yes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/failover\s+call elasticache FailoverGlobalReplicationGroup in us-west-2/);
  }, 30_000);

  it('--dry-run shows the plan of a detach and changes nothing', async () => {
    const result = await drctl(['failover', 'elasticache', 'ldgnf-shop-sessions', '--to', 'us-west-2', '--mode', 'detach', '--sim', '--dry-run'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Plan for failover-elasticache-ldgnf-shop-sessions (drctl failover elasticache ldgnf-shop-sessions --to us-west-2 --mode detach): dry run, nothing is changed');
    expect(result.stdout).toContain('call elasticache DisassociateGlobalReplicationGroup in us-west-2');
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });

  it('a second failover of the same resource is refused by the lock while the first runs', async () => {
    const first = start(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--sim', '--pace', '1', '--yes'], { cwd: dir });
    await first.waitFor(/waiting for completion/);
    const second = await drctl(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--sim', '--yes'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/runbook "failover-aurora-shop-orders" is already being run by run \S+ \(pid \d+/);
    expect(second.stderr).toContain('[engine.locked]');
    first.interrupt();
    expect(await first.exit).toBe(3);
    // Stopped mid-flight, it resumes like any run, from its journal, without repeating the switchover.
    const [runId] = runs();
    const resumed = await drctl(['resume', runId!, '--sim', '--yes'], { cwd: dir });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`resume failover-aurora-shop-orders (run ${runId}`);
  }, 45_000);

  it.skipIf(!hasTmux)(`asks to type the target region on a terminal${hasTmux ? '' : ' (SKIPPED: tmux is not installed)'}`, async () => {
    const pane = new Pane(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--sim'], dir, { columns: 100, rows: 40 });
    try {
      const asked = await pane.waitFor(/type us-west-2 and press Enter to approve/);
      expect(asked).toContain('Move Aurora global cluster shop-orders to us-west-2 (planned: no data loss)?');
      expect(asked).toContain('us-east-1 -> us-west-2');
      pane.keys('us-west-2', 'Enter');
      const done = await pane.waitFor(/\[drctl exited \d+\]/);
      expect(pane.exitCode(done), done).toBe(0);
      expect(done).toContain('Summary of failover-aurora-shop-orders');
    } finally {
      pane.close();
    }
  }, 45_000);
});

describe('drctl failover: errors before anything starts', () => {
  it('refuses a region that is not a member, listing the members and their regions (exit 2, nothing journaled)', async () => {
    const result = await drctl(['failover', 'aurora', 'shop-orders', '--to', 'eu-west-1', '--sim', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error shop-orders (Aurora global cluster shop-orders) has no member in eu-west-1. Members: shop-orders-use1 in us-east-1 (writer); shop-orders-usw2 in us-west-2 [failover.region-not-a-member]');
    expect(result.stderr).toContain('hint: Pass --to us-west-2 (the secondary), or add a secondary in eu-west-1 first.');
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });

  it('refuses an id that does not exist, saying where it looked and listing what does', async () => {
    writeFileSync(path.join(dir, 'world.yaml'), shopWorldFile());
    const result = await drctl(['failover', 'docdb', 'shop-catalogue', '--to', 'us-west-2', '--sim', 'world.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error DocumentDB global cluster shop-catalogue was not found in us-west-2, us-east-1. DocumentDB global clusters there: shop-catalog (us-east-1, us-west-2) [failover.not-found]');
    expect(result.stderr).toContain('hint: Did you mean "shop-catalog"?');
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });

  it.each([
    [['redshift', 'x', '--to', 'us-west-2'], '[failover.bad-argument]', 'Pass one of aurora, docdb, elasticache.'],
    [['aurora', 'x', '--to', 'us-west-2', '--mode', 'planed'], '[failover.bad-argument]', 'Did you mean "planned"?'],
    [['aurora', 'x', '--to', 'us-wst-2'], '[failover.bad-region]', 'e.g. --to us-west-2'],
    [['aurora', 'x', '--to', 'us-west-2', '--max-lag', '5s'], '[failover.max-lag-planned]', '--mode unplanned'],
    [['aurora', 'x', '--to', 'us-west-2'], '[cli.needs-yes]', '--yes'],
  ])('gives a clear error (exit 2) for %j', async (args, code, hint) => {
    const result = await drctl(['failover', ...args, '--sim'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain(hint);
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
  });

  it('needs --to', async () => {
    const result = await drctl(['failover', 'aurora', 'shop-orders', '--sim'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--to <region>' not specified");
  });
});
