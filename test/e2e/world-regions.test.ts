// A runbook for Europe against the simulator, on the real binary: the generated world lives in the
// runbook's own regions (no us-east-1 records beside eu ones), so the DNS flip it plans is consistent; and
// route53.set-records refuses, before any call, an UPSERT that would leave two PRIMARY failover records
// for one name (the generated world of a US runbook holds api-use1 PRIMARY).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-eu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EU_RUNBOOK = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: eu-failover }
spec:
  resources:
    orders-db: { type: aurora-global, globalClusterId: eu-orders, regions: [eu-west-1, eu-central-1] }
    api-euw1: { type: route53-health-check, healthCheckId: hc-euw1, region: eu-west-1 }
    api-euc1: { type: route53-health-check, healthCheckId: hc-euc1, region: eu-central-1 }
    api-dns: { type: route53-record-set, hostedZoneId: Z0EUEXAMPLE, name: api.eu.example.com, recordType: A }
  steps:
    - id: orders
      uses: aurora.switchover
      with: { resource: orders-db, to: eu-central-1 }
    - id: dns
      uses: route53.set-records
      needs: [orders]
      with:
        resource: api-dns
        records:
          - { setIdentifier: api-euc1, failover: PRIMARY, values: [192.0.2.20], healthCheck: api-euc1 }
          - { setIdentifier: api-euw1, failover: SECONDARY, values: [192.0.2.10], healthCheck: api-euw1 }
`;

describe('worlds generated for a runbook outside us-east-1', () => {
  it("puts every record, member and check in the runbook's regions", async () => {
    writeFileSync(path.join(dir, 'eu.yaml'), EU_RUNBOOK);
    const world = await drctl(['sim', 'world', 'eu.yaml'], { cwd: dir });
    expect(world.code, world.stderr).toBe(0);
    expect(world.stdout).not.toMatch(/us-(east|west)-\d|use1|usw2/);
    expect(world.stdout).toMatch(/setIdentifier: api-euw1\n\s+failover: PRIMARY/);
    expect(world.stdout).toMatch(/setIdentifier: api-euc1\n\s+failover: SECONDARY/);
  });

  it('plans the DNS flip against it without a second PRIMARY', async () => {
    const plan = await drctl(['plan', 'eu.yaml', '--sim', '-o', 'json'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    const result = JSON.parse(plan.stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; steps: Array<{ id: string; plan?: { summary: string } }> };
    expect(result.ok).toBe(true);
    expect(result.steps.find((step) => step.id === 'dns')?.plan?.summary).toBe('set api.eu.example.com. A: UPSERT 2 record(s)');
  });

  it('refuses an UPSERT that would leave two PRIMARY records for one name, naming both', async () => {
    // The world of a US runbook: api-use1 PRIMARY and api-usw2 SECONDARY for the same zone and name.
    const usWorld = await drctl(['sim', 'world', path.join(ROOT, 'runbooks/shop-region-failover.yaml')], { cwd: dir });
    writeFileSync(path.join(dir, 'us-world.yaml'), usWorld.stdout.replaceAll('Z0SHOPEXAMPLE', 'Z0EUEXAMPLE').replaceAll('api.shop.example.com', 'api.eu.example.com'));
    const plan = await drctl(['plan', 'eu.yaml', '--sim', 'us-world.yaml'], { cwd: dir });
    expect(plan.code).not.toBe(0);
    expect(plan.stdout).toContain('[action.duplicate-failover-role]');
    expect(plan.stdout).toMatch(/two PRIMARY failover records: api-use1 \(there now\) and api-euc1/);
  });
});
