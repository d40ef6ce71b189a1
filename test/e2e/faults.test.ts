// Every fault kind a world file accepts, run through the real binary against the shop runbook: what the
// operator sees when the world misbehaves as declared (docs/simulator.md lists the kinds).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import { FaultSpec, type FaultSpecInput, generateWorld, worldToYaml } from '../../src/sim/index';
import { actionCatalogue } from '../../src/actions/catalogue';
import { loadRunbookFile } from '../../src/runbook/load';
import { drctl, ROOT, SEVERAL_RUNS_TIMEOUT_MS } from './drctl';
import { UNPLANNED_SHOP } from './unplanned-runbook';

const SHOP = path.join(ROOT, 'runbooks/shop-region-failover.yaml');


describe('fault kinds, as the operator sees them', { timeout: SEVERAL_RUNS_TIMEOUT_MS }, () => {
  let dir: string;
  const world = async (name: string, ...faults: FaultSpecInput[]) => {
    const { document } = await loadRunbookFile(SHOP, actionCatalogue);
    const generated = generateWorld(document.spec.resources ?? {}, { name: document.metadata.name });
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, worldToYaml({ ...generated, spec: { ...generated.spec, faults: faults.map((fault) => FaultSpec.parse(fault)) } }));
    return file;
  };
  const journal = () => path.join(dir, '.drctl');
  const run = (runbook: string, worldFile: string, ...args: string[]) => drctl(['run', runbook, '--sim', worldFile, '--yes', '--journal-dir', journal(), ...args], { cwd: dir });
  const report = async () => JSON.parse((await drctl(['report', '-o', 'json', '--journal-dir', journal()], { cwd: dir })).stdout) as ReportFacts;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-faults-'));
    await writeFile(path.join(dir, 'unplanned.yaml'), UNPLANNED_SHOP);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lag-spike: the preflight reads the declared lag and refuses', async () => {
    const spike = await world('spike', { type: 'lag-spike', resource: 'shop-orders', value: '8s', at: '0s' });
    const planned = await drctl(['plan', SHOP, '--sim', spike], { cwd: dir });
    expect(planned.stdout).toContain('FAIL  replication-lag-below orders-db,catalog-db,sessions: orders-db: 8000 ms in us-west-2, above 1s');
    const ran = await run(SHOP, spike);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('FAIL preflight replication-lag-below');
    expect(ran.stdout).toContain('8000 ms in us-west-2');
    // Nothing was changed: the run never started a recovery, so it has no RTO verdict (it once said "RTO not met").
    expect(ran.stdout).not.toContain('RTO not met');
    expect(ran.stdout).toContain('not started (nothing was changed, so there is no RTO to judge)');
    const facts = await report();
    expect(facts.rto).toMatchObject({ status: 'not-started', verdict: 'not-started' });
    const text = await drctl(['report'], { cwd: dir });
    expect(text.stdout).toMatch(/RTO\s+—\s+objective 8m\s+not started\s+not started: the run stopped before changing anything \(preflight failed\)/);
  });

  it('lag-spike: an unplanned failover during it reports that RPO, over the objective (exit 4)', async () => {
    const spike = await world('spike-unplanned', { type: 'lag-spike', resource: 'shop-orders', value: '8s', at: '0s' });
    const ran = await run('unplanned.yaml', spike);
    expect(ran.code, ran.stdout + ran.stderr).toBe(4);
    expect(ran.stderr).toContain('objective missed: RPO 8.0s');
    const facts = await report();
    expect(facts.rpo).toMatchObject({ valueMs: 8_000, verdict: 'missed', worst: 'orders-db' });
  });

  // A planned run used to pass preflight ("ready to promote") and send SwitchoverGlobalCluster into the
  // dead region, while ElastiCache (sent to the target) moved: the shop was left split across regions.
  it('region-outage: a planned run is refused before any change (a switchover needs the lost region), naming the unplanned mode', async () => {
    const outage = await world('outage', { type: 'region-outage', region: 'us-east-1', at: '0s' });
    const ran = await run(SHOP, outage);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("FAIL preflight available orders-db: orders-db is not ready for a switchover or failover: the primary's region us-east-1 does not answer, and a planned switchover is sent there");
    expect(ran.stdout).toContain('run the unplanned mode instead (`--input mode=unplanned`');
    expect(ran.stdout).not.toContain('intent journaled');
    expect(ran.stdout).not.toContain('ready to promote');
  });

  it('throttling: the SDK retries absorb it; the run succeeds and reports the same figures as without it', async () => {
    const calm = await run(SHOP, await world('calm'));
    expect(calm.code, calm.stdout).toBe(0);
    const calmFacts = await report();
    const throttled = await run(SHOP, await world('throttled', { type: 'throttling', service: 'rds', rate: 0.2 }));
    expect(throttled.code, throttled.stdout).toBe(0);
    const facts = await report();
    expect(facts.resources.map((resource) => [resource.resource, resource.rtoMs, resource.rpo?.valueMs])).toEqual(calmFacts.resources.map((resource) => [resource.resource, resource.rtoMs, resource.rpo?.valueMs]));
    const journalText = await readFile(path.join(journal(), 'runs', facts.run.runId, 'journal.jsonl'), 'utf8');
    expect(journalText).toMatch(/"attempts":[23]/);
  });

  it('slow-failover: the DocumentDB switchover takes three times as long and the RTO is missed (exit 4)', async () => {
    const ran = await run(SHOP, await world('slow', { type: 'slow-failover', resource: 'shop-catalog', factor: 3 }));
    expect(ran.code, ran.stdout).toBe(4);
    expect(ran.stderr).toMatch(/objective missed: RTO \S+ missed the 8m objective/);
    const facts = await report();
    const catalog = facts.resources.find((resource) => resource.resource === 'catalog-db');
    const orders = facts.resources.find((resource) => resource.resource === 'orders-db');
    expect(catalog?.rtoMs).toBeGreaterThan(3 * 150_000);
    expect(orders?.rtoMs).toBeLessThan(95_000);
  });

  it('stuck-failover: the ElastiCache failover never completes; the step times out and the rollback runs (exit 1)', async () => {
    const ran = await run(SHOP, await world('stuck', { type: 'stuck-failover', resource: 'ldgnf-shop-sessions' }));
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('error step "sessions" did not finish within 10m [engine.step-timeout]');
    expect(ran.stdout).toContain('rollback started: step "sessions" failed');
  });

  it('engine-version-mismatch: the preflight refuses, quoting AWS', async () => {
    const ran = await run(SHOP, await world('mismatch', { type: 'engine-version-mismatch', resource: 'shop-orders' }));
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('engine versions differ (shop-orders-use1 16.4, shop-orders-usw2 16.5)');
    expect(ran.stdout).toContain('different patch level than the source DB cluster');
  });

  it('headless-secondary: the preflight refuses, naming the member without an instance', async () => {
    const ran = await run(SHOP, await world('headless', { type: 'headless-secondary', resource: 'shop-orders' }));
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('shop-orders-usw2 in us-west-2 is headless (no DB instance)');
  });
});
