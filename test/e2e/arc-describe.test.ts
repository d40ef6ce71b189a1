// `drctl arc describe` through the real binary against the simulator's ARC control plane: a runbook whose
// arc-cluster has no endpoints fails validate with the exact command to run; that command fills them in
// (read from DescribeCluster, never typed) and the runbook then validates; a wrong ARN is refused.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, worldToYaml } from '../../src/sim/index';
import { drctl, ROOT } from './drctl';

const TIMEOUT = 60_000;
const SHOP = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
const CLUSTER = 'arn:aws:route53-recovery-control::111122223333:cluster/shop-0a1b2c3d';
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];

describe('drctl arc describe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-arc-describe-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    "prints the cluster's five endpoints as a runbook resource to paste",
    async () => {
      const result = await drctl(['arc', 'describe', CLUSTER, '--sim']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('5 regional endpoints (us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-2)');
      const pasted = result.stdout.slice(result.stdout.indexOf('# Paste under spec.resources:'));
      for (const region of REGIONS) expect(pasted).toContain(`- { region: ${region}, endpoint: "https://host-shop-0a1b2c3d.${region}.example.com/v1" }`);
    },
    TIMEOUT,
  );

  it(
    'fills in the endpoints validate asks for, with the command its hint names, keeping the rest of the runbook',
    async () => {
      const shop = await readFile(SHOP, 'utf8');
      const bare = shop.replace(/\n {6}endpoints:\n( {8}- .*\n)+/, '\n');
      expect(bare).not.toBe(shop);
      const file = path.join(dir, 'shop.yaml');
      await writeFile(file, bare);

      const invalid = await drctl(['validate', file]);
      expect(invalid.code).toBe(2);
      expect(invalid.stdout + invalid.stderr).toContain('[runbook.arc-endpoints-missing]');
      const hinted = /`(drctl arc describe [^`]+)`/.exec(invalid.stdout + invalid.stderr)?.[1];
      expect(hinted).toBe(`drctl arc describe ${CLUSTER} --write ${file}`);

      const filled = await drctl([...(hinted ?? '').split(' ').slice(1), '--sim']);
      expect(filled.stderr).toBe('');
      expect(filled.code).toBe(0);
      expect(filled.stdout).toContain(`Wrote the 5 endpoints of shop-arc into ${file} (it had none)`);
      const after = await readFile(file, 'utf8');
      expect(after.replace(/\n {6}endpoints:\n( {8}- .*\n)+/, '\n')).toBe(bare);
      expect((await drctl(['validate', file])).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'refuses something that is not a cluster ARN, exit 2, with no AWS call and no stack trace',
    async () => {
      const result = await drctl(['arc', 'describe', 'arn:aws:route53-recovery-control::111122223333:controlpanel/shop', '--sim']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('is not an ARC cluster ARN [arc.bad-cluster-arn]');
      expect(result.stderr).toContain('hint: Pass it as arn:aws:route53-recovery-control::<account>:cluster/<id>');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // Its help says when to run it, and what it may read.
      const help = await drctl(['arc', 'describe', '--help']);
      expect(help.stdout).toContain('never during a\nfailover');
      expect(help.stdout).toContain('--write <runbook>');
    },
    TIMEOUT,
  );

  it(
    "with us-west-2's ARC control plane down, fails (exit 1) saying a failover does not need it, not to fail over",
    async () => {
      const generated = generateWorld({ 'shop-arc': { type: 'arc-cluster', clusterArn: CLUSTER, endpoints: [] } });
      const faults = [{ type: 'region-outage', region: 'us-west-2', services: ['arc-config'] }];
      const world = path.join(dir, 'control-plane-down.yaml');
      await writeFile(world, worldToYaml({ ...generated, spec: { ...generated.spec, faults } } as typeof generated));

      const result = await drctl(['arc', 'describe', CLUSTER, '--sim', world]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("ARC's control plane DescribeCluster in us-west-2");
      expect(result.stderr).toContain('[aws.unreachable]');
      expect(result.stderr).toContain('hint: ARC\'s control plane is served from us-west-2 alone, and only set-up needs it: a failover uses the endpoints already in the runbook.');
    },
    TIMEOUT,
  );
});
