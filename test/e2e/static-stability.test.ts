// Failing over without the region you are leaving, through the real binary: plan's dependency table for
// the shop; a runbook that fails over out of us-east-1 through UpdateHealthCheck is warned about by plan,
// refused by run in unplanned mode (nothing journaled) and reported by validate at the step's line; and a
// drill of the shop's unplanned path passes on a world with us-east-1 down and Route 53's control plane
// down, through ARC routing controls, with one endpoint of the cluster down too.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import { generateWorld, worldToYaml } from '../../src/sim/index';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { loadRunbookFile } from '../../src/runbook/load';
import { actionCatalogue } from '../../src/actions/catalogue';
import { drctl, ROOT } from './drctl';

const TIMEOUT = 90_000;
const SHOP = 'runbooks/shop-region-failover.yaml';

const DNS_FAILOVER = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: orders-dns-failover }
spec:
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders, regions: [us-east-1, us-west-2] }
    api-east: { type: route53-health-check, healthCheckId: 5f1c8e0a-east-4a3b-9d2e-api000000001, region: us-east-1 }
  steps:
    - id: orders
      uses: aurora.failover
      with: { resource: orders-db, to: us-west-2 }
    - id: drain-east
      uses: route53.invert-health-check
      needs: [orders]
      with: { resource: api-east, inverted: true }
`;

describe('static stability through the binary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-stability-'));
    await writeFile(path.join(dir, 'dns-failover.yaml'), DNS_FAILOVER);
    const { document } = await loadRunbookFile(path.join(ROOT, SHOP), actionCatalogue);
    const world = generateWorld(document.spec.resources ?? {});
    const faults: FaultSpecInput[] = [
      { type: 'region-outage', region: 'us-east-1' },
      { type: 'route53-control-plane-outage' },
      { type: 'arc-endpoint-down', region: 'eu-west-1' },
    ];
    await writeFile(path.join(dir, 'outage.yaml'), worldToYaml({ ...world, spec: { ...world.spec, faults } } as typeof world));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "plan prints the shop's dependency table, and its json carries it",
    async () => {
      const text = await drctl(['plan', SHOP, '--sim', '--input', 'mode=unplanned']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Dependencies: what each step needs (this unplanned failover leaves us-east-1)');
      expect(text.stdout).toMatch(/\n {2}orders-failover +rds +control +us-west-2\n/);
      expect(text.stdout).toMatch(/read: global writer endpoint shop-orders\.global-\S+: follows the writer, so apps using it need no DNS change/);
      expect(text.stdout).toMatch(/\n {2}traffic-west +arc +data +any 1 of 5: us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-2\n/);
      expect(text.stdout).toMatch(/\n {2}west-serving +skipped \(its if: is false\)\n/);
      // The names the apps use need Route 53's control plane: optional, so warned about and not refused.
      expect(text.stdout).toContain("warning catalog-dns (route53.point-to-writer) needs Route 53's control plane (route53 ListResourceRecordSets, ChangeResourceRecordSets, GetChange), hosted in us-east-1, which this failover leaves (continue-on-error: the failover goes on without it)");
      expect(text.stdout).not.toContain('would refuse');
      const json = await drctl(['plan', SHOP, '--sim', '-o', 'json']);
      const result = JSON.parse(json.stdout.trim().split('\n').pop() ?? '{}') as { dependencies: { mode: string; leaving: string[]; rows: Array<{ id: string; warnings: string[] }> } };
      expect(result.dependencies).toMatchObject({ mode: 'planned', leaving: ['us-east-1'] });
      expect(result.dependencies.rows.find((row) => row.id === 'drain-east')?.warnings[0]).toContain("needs Route 53's control plane");
    },
    TIMEOUT,
  );

  it(
    'warns in plan, refuses in run and reports in validate a failover out of us-east-1 through UpdateHealthCheck',
    async () => {
      const file = path.join(dir, 'dns-failover.yaml');
      const plan = await drctl(['plan', file, '--sim']);
      expect(plan.code).toBe(1);
      expect(plan.stdout).toContain(
        "warning drain-east (route53.invert-health-check) needs Route 53's control plane (route53 GetHealthCheck, UpdateHealthCheck), hosted in us-east-1, which this failover leaves",
      );
      expect(plan.stdout).toContain('which this failover leaves (refused: mark it continue-on-error or give it an if:)');
      expect(plan.stdout).toContain('An unplanned run would refuse drain-east');
      const journal = path.join(dir, 'journal');
      const run = await drctl(['run', file, '--sim', '--yes', '--journal-dir', journal]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('refusing an unplanned failover out of us-east-1: 1 step needs what it leaves, which may be down');
      expect(run.stderr).toContain('[engine.needs-region-left]');
      await expect(readdir(journal)).rejects.toThrow();
      const validate = await drctl(['validate', file]);
      expect(validate.code).toBe(2);
      expect(validate.stdout).toContain(`${file}:13:13 error an unplanned run refuses step "drain-east"`);
      // Marked optional, the failover goes on without it.
      await writeFile(path.join(dir, 'optional.yaml'), DNS_FAILOVER.replace('inverted: true }', 'inverted: true }\n      continue-on-error: true'));
      expect((await drctl(['validate', path.join(dir, 'optional.yaml')])).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "drills the shop's unplanned path with us-east-1 and Route 53's control plane down: traffic moves through routing controls",
    async () => {
      const out = path.join(dir, 'outage-reports');
      const result = await drctl(['drill', SHOP, '--sim', path.join(dir, 'outage.yaml'), '--input', 'mode=unplanned', '--yes', '--journal-dir', path.join(dir, '.drctl'), '--out-dir', out, '--formats', 'json'], { timeoutMs: TIMEOUT });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/traffic-west +call arc UpdateRoutingControlStates/);
      expect(result.stdout).toMatch(/west On, east Off: answered by the endpoint in (us-west-2|ap-northeast-1|ap-southeast-2)/);
      expect(result.stdout).toContain('end state verified (7/7)');
      // The names the catalog's and sessions' apps use cannot follow while Route 53's control plane is down: said, not hidden.
      expect(result.stdout).toMatch(/catalog-dns +FAILED \(continue-on-error\)/);
      const facts = JSON.parse(await readFile(path.join(out, 'failover.json'), 'utf8')) as ReportFacts;
      expect(facts.run.outcome).toBe('succeeded');
      // Read back as the run did it, needing nothing it left: no Route 53 control plane (the DNS steps failed,
      // so they have nothing to read back), the routing controls through ARC's data plane.
      expect(facts.verification?.map((check) => check.subject)).toEqual(['orders-db', 'catalog-db', 'sessions', 'west-traffic', 'east-traffic', 'app-west', 'shop-api']);
      expect(facts.verification?.every((check) => check.ok)).toBe(true);
    },
    TIMEOUT,
  );
});
