// A drill reads back everything its runs changed, after the failover and again after the failback, and a
// failback that leaves something behind fails the drill (exit 1) with the difference named. Before a
// failback that reuses the runbook with from/to swapped, the drill plans it and refuses when it would not
// return every changed resource (a record or a region written into the runbook).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import { drctl } from './drctl';

const TIMEOUT = 90_000;

// Orders follow the inputs; the DNS step points the PRIMARY record at the west address whatever the inputs.
const HARD_CODED = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: orders-and-dns }
spec:
  inputs:
    from: { type: region, default: us-east-1 }
    to: { type: region, default: us-west-2 }
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders, regions: [us-east-1, us-west-2] }
    api-east: { type: route53-health-check, healthCheckId: hc-east, region: us-east-1 }
    api-west: { type: route53-health-check, healthCheckId: hc-west, region: us-west-2 }
    api-dns: { type: route53-record-set, hostedZoneId: Z0SHOP, name: api.shop.example.com, recordType: A }
  steps:
    - { id: orders, uses: aurora.switchover, with: { resource: orders-db, to: "\${{ inputs.to }}" } }
    - id: dns
      uses: route53.set-records
      needs: [orders]
      with: { resource: api-dns, records: [{ setIdentifier: api-use1, failover: PRIMARY, values: [198.51.100.10], healthCheck: api-west }] }
`;

// A failback that brings the writer home but forgets the record.
const FORGETS_DNS = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: orders-home }
spec:
  inputs:
    to: { type: region, default: us-east-1 }
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders, regions: [us-east-1, us-west-2] }
  steps:
    - { id: orders, uses: aurora.switchover, with: { resource: orders-db, to: "\${{ inputs.to }}" } }
`;

describe('drctl drill verifies every change', () => {
  let dir: string;
  // Each drill in a journal directory of its own: two drills in one second have ids that do not sort.
  const drill = (journal: string, ...args: string[]) => drctl(['drill', ...args, '--sim', '--yes', '--formats', 'text,json', '--journal-dir', path.join(dir, journal)], { cwd: dir, timeoutMs: TIMEOUT });
  const reports = async (journal: string) => {
    const drills = path.join(dir, journal, 'drills');
    const [only = ''] = await readdir(drills);
    return { dir: path.join(drills, only), files: await readdir(path.join(drills, only)) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-verify-'));
    await writeFile(path.join(dir, 'hard-coded.yaml'), HARD_CODED);
    await writeFile(path.join(dir, 'forgets-dns.yaml'), FORGETS_DNS);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'refuses to fail back with the runbook reversed when it would leave a record behind, naming it',
    async () => {
      const result = await drill('swapped', 'hard-coded.yaml', '--failback', '--failback-after', '0s');
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toMatch(/FAILED/);
      expect(result.stdout).toContain('failback not run: orders-and-dns run back with from/to swapped would not return everything the failover changed');
      expect(result.stdout).toContain('api-dns (api.shop.example.com. A [api-use1]) would stay PRIMARY -> 198.51.100.10 ttl 60 (health check hc-west); before the failover it was PRIMARY -> 192.0.2.10 ttl 60 (health check hc-east)');
      const { files } = await reports('swapped');
      expect(files.filter((file) => file.startsWith('failback'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'fails the drill when the failback leaves a changed record behind, with the difference named',
    async () => {
      const result = await drill('forgets', 'hard-coded.yaml', '--failback', 'forgets-dns.yaml', '--failback-after', '0s');
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain(
        '✗ end state: api-dns (api.shop.example.com. A [api-use1]) is PRIMARY -> 198.51.100.10 ttl 60 (health check hc-west) after the failback; before the failover it was PRIMARY -> 192.0.2.10 ttl 60 (health check hc-east)',
      );
      const { dir: reportDir } = await reports('forgets');
      const back = JSON.parse(await readFile(path.join(reportDir, 'failback.json'), 'utf8')) as ReportFacts;
      expect(back.verification?.find((check) => !check.ok)?.subject).toBe('api-dns');
      expect(back.verification?.find((check) => check.subject === 'orders-db')).toMatchObject({ ok: true });
    },
    TIMEOUT,
  );
});
