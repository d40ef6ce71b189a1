// drctl status, the real binary against the simulator: the table, the flags that say why a resource is
// not ready, JSON, and clear errors for what does not exist.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shopWorldFile } from '../helpers/shop-world';
import { start, tooWide } from '../status/e2e-helpers';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RUNBOOK = path.join(ROOT, 'runbooks/shop-region-failover.yaml');

describe('drctl status (real binary, simulator)', () => {
  it("shows every resource of a runbook, its members, sync and lag, against the runbook's RPO", async () => {
    const result = await drctl(['status', RUNBOOK, '--sim']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^shop-region-failover at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, lag objective 1\.0s \(rpo\)$/m);
    expect(out).toMatch(/^RESOURCE \/ MEMBER\s+REGION\s+ROLE\s+STATUS\s+SYNC\s+LAG$/m);
    expect(out).toMatch(/^orders-db\s+aurora shop-orders: writer in us-east-1, available$/m);
    expect(out).toMatch(/^ {2}shop-orders-usw2\s+us-west-2\s+reader\s+available\s+connected\s+\d+ms$/m);
    expect(out).toMatch(/^catalog-db\s+docdb shop-catalog: writer in us-east-1, available$/m);
    expect(out).toMatch(/^ {2}shop-sessions-usw2\s+us-west-2\s+secondary\s+available\s+associated\s+\d+ms$/m);
    expect(out).toMatch(/^api-west\s+health check 0b1e7c42-\S+:$/m);
    expect(out).toContain('healthy, 16/16 checkers healthy (100%)');
    expect(out.match(/ready: can fail over to us-west-2/g)).toHaveLength(3);
    expect(out).toContain('3 of 3 ready for failover; 2 of 2 health checks healthy');
    expect(out).toContain('not shown (record sets, ARC): api-dns, catalog-dns, sessions-dns, shop-arc,');
    // Aurora's apps connect through the global writer endpoint, which follows the writer.
    expect(out).toMatch(/^ {2}writer endpoint shop-orders\.global-\S+\.global\.rds\.amazonaws\.com:\n {4}follows the writer, so apps using it need no DNS change$/m);
    expect(tooWide(out)).toEqual([]);
  });

  it('reads --resource type:id without a runbook, flags lag above --max-lag, and writes JSON', async () => {
    const result = await drctl(['status', '--sim', '-r', 'aurora:shop-orders', '--resource', 'elasticache:ldgnf-shop-sessions', '-r', 'health-check:hc-1', '--max-lag', '1ms', '-o', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { type: string; lagObjective: unknown; resources: Array<{ name: string; ready: boolean; writerRegion?: string; flags: Array<{ code: string }> }> };
    expect(report.type).toBe('status');
    expect(report.lagObjective).toEqual({ ms: 1, source: '--max-lag' });
    expect(report.resources.map((r) => [r.name, r.ready, r.flags.map((f) => f.code)])).toEqual([
      ['shop-orders', false, ['lag-above-objective']],
      ['ldgnf-shop-sessions', false, ['lag-above-objective']],
      ['hc-1', true, []],
    ]);
    expect(report.resources[0]?.writerRegion).toBe('us-east-1');
  });

  it('flags a headless secondary, an engine version mismatch and a lag spike, each with why', async () => {
    const world = path.join(dir, 'faults.yaml');
    writeFileSync(world, shopWorldFile([
      { type: 'headless-secondary', resource: 'shop-orders' },
      { type: 'engine-version-mismatch', resource: 'shop-catalog' },
      { type: 'lag-spike', resource: 'ldgnf-shop-sessions', value: '8s' },
    ]));
    const args = ['-r', 'aurora:shop-orders', '-r', 'docdb:shop-catalog', '-r', 'elasticache:ldgnf-shop-sessions', '--max-lag', '1s'];
    // CloudWatch publishes a minute once it has closed: at x10000 the spike's first minute is out by the read.
    const result = await drctl(['status', ...args, '--sim', world]);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.replace(/\n {4}/g, ' '); // join wrapped reasons
    expect(out).toContain('not ready: shop-orders-usw2 in us-west-2 is headless (no DB instance): it cannot be promoted [headless]');
    expect(out).toMatch(/not ready: engine versions differ \(shop-catalog-use1 5\.0\.0, shop-catalog-usw2 5\.0\.1\): AWS refuses a switchover or failover to shop-catalog-usw2 \[version-mismatch\]/);
    expect(out).toMatch(/not ready: shop-sessions-usw2 in us-west-2: replication lag 8\.\ds is above the objective 1\.0s \[lag-above-objective\]/);
    expect(result.stdout).toContain('0 of 3 ready for failover');
    expect(tooWide(result.stdout)).toEqual([]);
  });

  it('refuses an unknown id with exit 2, saying where it looked and listing what exists there', async () => {
    const world = path.join(dir, 'world.yaml');
    writeFileSync(world, shopWorldFile());
    const result = await drctl(['status', '--sim', world, '-r', 'aurora:shop-ordrs', '--region', 'us-west-2']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The simulator answers DescribeGlobalClusters with Aurora and DocumentDB alike: only Aurora is listed.
    expect(result.stderr).toContain('error Aurora global cluster shop-ordrs was not found in us-west-2. Aurora global clusters there: shop-orders (us-east-1, us-west-2) [status.not-found]');
    expect(result.stderr).toContain('hint: Did you mean "shop-orders"?');
    expect(result.stderr).not.toContain('aws rds describe-global-clusters');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('lists the global datastores for an unknown datastore id, knowing the region prefix was left out', async () => {
    const world = path.join(dir, 'world.yaml');
    writeFileSync(world, shopWorldFile());
    const result = await drctl(['status', '--sim', world, '-r', 'elasticache:shop-sessions', '--region', 'us-east-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error ElastiCache global datastore shop-sessions was not found in us-east-1. ElastiCache global datastores there: ldgnf-shop-sessions (us-east-1, us-west-2) [status.not-found]');
    expect(result.stderr).toContain('hint: Did you mean "ldgnf-shop-sessions"? Global datastore ids start with a region prefix.');
  });

  it.each([
    [[], 'status.nothing-to-show'],
    [['-r', 'redis:x'], 'status.bad-resource'],
    [['-r', 'aurora:x', '--max-lag', 'soon'], 'cli.bad-option'],
  ])('gives a clear usage error (exit 2) for %j', async (args, code) => {
    const result = await drctl(['status', '--sim', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toMatch(/hint: /);
  });
});

describe('drctl status during a failover (drctl sim serve + --endpoint-url)', () => {
  it('flags the switchover under way, then shows the new writer', async () => {
    const serve = start(['sim', 'serve', '--runbook', RUNBOOK, '--time-scale', '10'], { cwd: dir });
    try {
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await serve.waitFor(/listening on http/))?.[1] ?? '';
      const env = { AWS_ACCESS_KEY_ID: 'AKIDSIM', AWS_SECRET_ACCESS_KEY: 'sim', AWS_REGION: 'us-east-1' };
      const failover = start(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--yes', '--endpoint-url', endpoint], { cwd: dir, env });
      await failover.waitFor(/waiting for completion/);
      const during = await drctl(['status', '-r', 'aurora:shop-orders', '--endpoint-url', endpoint], { cwd: dir, env });
      expect(during.code, during.stderr).toBe(0);
      expect(during.stdout.replace(/\n {4}/g, ' ')).toMatch(/not ready: a switchover \(shop-orders: (pending|switching-over) us-east-1 -> us-west-2\) is under way \[operation-under-way\]/);
      expect(await failover.exit, failover.stdout() + failover.stderr()).toBe(0);
      const after = await drctl(['status', '-r', 'aurora:shop-orders', '--endpoint-url', endpoint], { cwd: dir, env });
      expect(after.stdout).toMatch(/^shop-orders\s+aurora: writer in us-west-2, available$/m);
    } finally {
      serve.interrupt();
      await serve.exit;
    }
  }, 60_000);
});
