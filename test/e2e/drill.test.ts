// drctl drill on the simulator, run as a CI job would: a shop failover and failback producing every
// report format, an unplanned failover under a region outage (a non-zero RPO, said so), an objective
// missed (exit 4), and the history across those drills.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import type { DrillRecord } from '../../src/report/history';
import { generateWorld, worldToYaml } from '../../src/sim/index';
import { drctl } from './drctl';
import { UNPLANNED_SHOP } from './unplanned-runbook';

const TIMEOUT = 90_000;
const SIM = ['--sim', '--yes'];


// A switchover takes a minute or more; an RTO objective of 10 s cannot be met.
const TOO_TIGHT = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: orders-too-tight }
spec:
  objectives: { rto: 10s }
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders, regions: [us-east-1, us-west-2] }
  steps:
    - { id: orders, uses: aurora.switchover, with: { resource: orders-db, to: us-west-2 } }
`;

async function drillRecords(journalDir: string): Promise<DrillRecord[]> {
  const dirs = await readdir(path.join(journalDir, 'drills'));
  const records = await Promise.all(dirs.map(async (id) => JSON.parse(await readFile(path.join(journalDir, 'drills', id, 'drill.json'), 'utf8')) as DrillRecord));
  return records.sort((a, b) => a.startedAt - b.startedAt);
}

describe('drctl drill --sim', () => {
  let dir: string;
  const run = (...args: string[]) => drctl(['drill', ...args, '--journal-dir', path.join(dir, '.drctl')], { timeoutMs: TIMEOUT });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-drill-'));
    await writeFile(path.join(dir, 'unplanned.yaml'), UNPLANNED_SHOP);
    await writeFile(path.join(dir, 'tight.yaml'), TOO_TIGHT);
    const world = generateWorld({
      'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders', regions: ['us-east-1', 'us-west-2'] },
      'catalog-db': { type: 'docdb-global', globalClusterId: 'shop-catalog', regions: ['us-east-1', 'us-west-2'] },
      'api-west': { type: 'route53-health-check', healthCheckId: '0b1e7c42-west-4f6a-8c1d-api000000002', region: 'us-west-2' },
    });
    await writeFile(path.join(dir, 'outage.yaml'), worldToYaml({ ...world, spec: { ...world.spec, faults: [{ type: 'region-outage', region: 'us-east-1', at: '0s' }] } } as typeof world));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'fails the shop over and back, verifies both end states and writes every report format',
    async () => {
      const out = path.join(dir, 'artifacts');
      const result = await run('runbooks/shop-region-failover.yaml', ...SIM, '--failback', 'runbooks/shop-region-failback.yaml', '--out-dir', out);
      const [record] = await drillRecords(path.join(dir, '.drctl'));
      expect(record?.runs.map((r) => [r.role, r.outcome, r.verified])).toEqual([
        ['failover', 'succeeded', true],
        ['failback', 'succeeded', true],
      ]);
      // 0 when every objective was met, 4 when one was missed: the record and the exit code agree.
      const met = record?.runs.every((r) => r.objectivesMet);
      expect(result.code).toBe(met ? 0 : 4);
      expect(record?.exitCode).toBe(result.code);
      expect(result.stdout).toMatch(met ? /: passed\n/ : /: objectives MISSED\n/);
      const files = (await readdir(out)).sort();
      expect(files).toEqual(['failback.html', 'failback.json', 'failback.junit.xml', 'failback.md', 'failback.txt', 'failover.html', 'failover.json', 'failover.junit.xml', 'failover.md', 'failover.txt']);
      const facts = JSON.parse(await readFile(path.join(out, 'failover.json'), 'utf8')) as ReportFacts;
      // The RTO ends when the application is healthy in the target region, not at the last AWS step: after
      // the inverted check reaches Route 53's verdict and resolvers' caches (TTL) send clients west.
      const westHealthyAt = facts.steps.find((step) => step.id === 'west-serving')?.finishedAt ?? 0;
      expect(facts.rto).toMatchObject({ status: 'measured', end: { stepId: 'app-answering', declared: true, signal: 'shop-api (https://api.shop.example.com/health) answering 200, 3 times in a row' } });
      expect(facts.rto.end?.at).toBeGreaterThan(westHealthyAt + 2 * 60_000);
      expect(await readFile(path.join(out, 'failover.txt'), 'utf8')).toMatch(/RTO\s+\S+\s+objective 8m\s+met\s+\S+, from the run start to shop-api \(https:\/\/api\.shop\.example\.com\/health\) answering 200, 3 times in a row \(step app-answering, named by the runbook\)/);
      expect(facts.steps.find((step) => step.id === 'app-healthy')?.state).toBe('succeeded');
      expect(facts.resources.filter((fact) => fact.kind === 'data-store').map((fact) => [fact.resource, fact.to, fact.sync])).toEqual([
        ['orders-db', 'us-west-2', 'in-sync'],
        ['catalog-db', 'us-west-2', 'in-sync'],
        ['sessions', 'us-west-2', 'in-sync'],
      ]);
      // Everything the failover changed or waited for is read back: writers, the inverted check, the
      // application's alarm and its answers.
      expect(facts.verification?.every((check) => check.ok)).toBe(true);
      expect(facts.verification?.map((check) => check.message)).toEqual(expect.arrayContaining([
        'orders-db: writer in us-west-2',
        'sessions: primary in us-west-2',
        'api-east (health check 5f1c8e0a-east-4a3b-9d2e-api000000001): Inverted=true',
        'app-west (alarm shop-healthy-usw2 in us-west-2): OK',
        'shop-api (https://api.shop.example.com/health): answers 200 matching /"region":"us-west-2"/',
      ]));
      const back = JSON.parse(await readFile(path.join(out, 'failback.json'), 'utf8')) as ReportFacts;
      expect(back.verification?.every((check) => check.ok)).toBe(true);
      expect(back.verification?.map((check) => check.message)).toContain('api-east (health check 5f1c8e0a-east-4a3b-9d2e-api000000001): Inverted=false');
      expect(back.run.inputs).toEqual({ from: 'us-west-2', to: 'us-east-1' });
      expect(await readFile(path.join(out, 'failover.html'), 'utf8')).toContain('<g id="rto-objective"');
      expect(await readFile(path.join(out, 'failback.md'), 'utf8')).toContain('# Simulated DR drill: shop-region-failback');
      expect(await readFile(path.join(out, 'failover.junit.xml'), 'utf8')).toContain('name="RTO objective 8m"');
      // Every artefact of a simulated drill says so; none could be mistaken for a production failover.
      for (const role of ['failover', 'failback']) {
        const read = (extension: string) => readFile(path.join(out, `${role}.${extension}`), 'utf8');
        expect(await read('txt')).toContain('SIMULATED: a drill on the drctl simulator, not a production failover.');
        expect(await read('md')).toContain('> **SIMULATED: a drill on the drctl simulator');
        expect(await read('html')).toMatch(/<p class="simulated" id="simulated" role="note">SIMULATED: /);
        expect(await read('junit.xml')).toContain('<property name="drctl.simulated" value="true"/>');
        expect((JSON.parse(await read('json')) as ReportFacts).run.simulated).toBe(true);
      }
      expect(record?.simulated).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'measures a non-zero RPO for an unplanned failover under a region outage, and says so',
    async () => {
      const result = await run(path.join(dir, 'unplanned.yaml'), ...SIM.slice(1), '--sim', path.join(dir, 'outage.yaml'), '--formats', 'text,json', '--out-dir', path.join(dir, 'unplanned'));
      expect(result.stderr).toBe('');
      expect([0, 4]).toContain(result.code);
      const facts = JSON.parse(await readFile(path.join(dir, 'unplanned/failover.json'), 'utf8')) as ReportFacts;
      expect(facts.rpo.status).toBe('measured');
      expect(facts.rpo.valueMs).toBeGreaterThan(0);
      expect(facts.resources.map((fact) => fact.sync)).toContain('resyncing');
      const text = await readFile(path.join(dir, 'unplanned/failover.txt'), 'utf8');
      expect(text).toMatch(new RegExp(`at most ${facts.rpo.valueMs}ms of writes to ${facts.rpo.worst} made before the cutover may be lost \\(upper bound`));
    },
    TIMEOUT,
  );

  it(
    'exits 4 when an objective is missed',
    async () => {
      const result = await run(path.join(dir, 'tight.yaml'), ...SIM, '--formats', 'md');
      expect(result.code).toBe(4);
      expect(result.stdout).toMatch(/objectives MISSED/);
      expect(result.stdout).toMatch(/✗ failover: RTO \S+ missed the 10s objective by/);
    },
    TIMEOUT,
  );

  it('prints where the reports are as a path that works from any directory', async () => {
    const result = await drctl(['drill', path.resolve('runbooks/aurora-global-failover.yaml'), ...SIM, '--formats', 'json', '--out-dir', 'relative-out', '--journal-dir', path.join(dir, '.drctl')], { cwd: dir, timeoutMs: TIMEOUT });
    expect(result.code, result.stderr).toBe(0);
    const where = /Reports in (\S+): failover\.json/.exec(result.stdout)?.[1] ?? '';
    expect(where).toBe(path.join(dir, 'relative-out'));
    expect(await readdir(where)).toContain('failover.json');
  }, TIMEOUT);

  it('shows RTO and RPO per drill over time', async () => {
    const text = await drctl(['report', '--history', '--journal-dir', path.join(dir, '.drctl')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Drill history');
    for (const series of ['shop-region-failover (failover)', 'shop-region-failback (failback)', 'shop-unplanned (failover)', 'orders-too-tight (failover)']) expect(text.stdout).toMatch(new RegExp(`^(Drill history · )?${series.replace(/[()]/g, '\\$&')} · objectives RTO `, 'm'));
    // It fits a 100-column terminal (it was about 170 wide).
    expect(text.stdout.split('\n').filter((line) => [...line].length > 100)).toEqual([]);
    const html = await drctl(['report', '--history', '-o', 'html', '--journal-dir', path.join(dir, '.drctl')]);
    expect(html.stdout).toContain('<svg id="history-rto-1" class="chart"');
  });

  it('drctl report with no run id shows the newest run by real time, though a failback ran further in simulated time', async () => {
    const journalDir = path.join(dir, '.drctl');
    const after = await drctl(['run', 'runbooks/aurora-global-failover.yaml', '--sim', '--yes', '--journal-dir', journalDir]);
    expect(after.code, after.stderr).toBe(0);
    const report = await drctl(['report', '-o', 'json', '--journal-dir', journalDir]);
    expect((JSON.parse(report.stdout) as ReportFacts).run.runbook).toBe('aurora-global-failover');
  });

  it('refuses to start without --yes when there is no terminal to ask on', async () => {
    const result = await run('runbooks/shop-region-failover.yaml', '--sim');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--yes');
  });
});

