// arc.set-routing-controls through the real binary and the real SDK against the simulator: a safety rule
// that blocks the change (named, with the override to write; overridden only when the step names it),
// and all five cluster endpoints down (the step fails naming each one it tried).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, worldToYaml } from '../../src/sim/index';
import type { Resource } from '../../src/core/resources';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { drctl } from './drctl';

const TIMEOUT = 60_000;
const PREFIX = 'arn:aws:route53-recovery-control::111122223333';
const RULE = `${PREFIX}:controlpanel/shop/safetyrule/one-region-on`;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'];
const RESOURCES: Record<string, Resource> = {
  'shop-arc': { type: 'arc-cluster', clusterArn: `${PREFIX}:cluster/shop`, endpoints: REGIONS.map((region) => ({ region, endpoint: `https://host-shop.${region}.example.com/v1` })) },
  'east-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', region: 'us-east-1', routingControlArn: `${PREFIX}:controlpanel/shop/routingcontrol/east` },
  'west-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', region: 'us-west-2', routingControlArn: `${PREFIX}:controlpanel/shop/routingcontrol/west` },
};

/** Both controls Off: the generated world's rule (one region On) refuses it. */
function runbook(extra = ''): string {
  const resources = Object.entries(RESOURCES).map(([name, resource]) => `    ${name}: ${JSON.stringify(resource)}`).join('\n');
  return `apiVersion: drctl/v1
kind: Runbook
metadata: { name: arc-all-off }
spec:
  resources:
${resources}
  steps:
    - id: all-off
      uses: arc.set-routing-controls
      with: { off: [east-traffic, west-traffic]${extra} }
`;
}

describe('ARC routing controls through the binary', () => {
  let dir: string;
  const write = async (name: string, text: string) => {
    await writeFile(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const world = async (name: string, faults: FaultSpecInput[]) => {
    const generated = generateWorld(RESOURCES);
    return write(name, worldToYaml({ ...generated, spec: { ...generated.spec, faults } } as typeof generated));
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-arc-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'reports a blocking safety rule by name with the override to write, and overrides it only when the step names it',
    async () => {
      const file = await write('all-off.yaml', runbook());
      const blocked = await drctl(['run', file, '--sim', '--yes', '--journal-dir', path.join(dir, 'j1')]);
      expect(blocked.code).toBe(1);
      const said = blocked.stdout + blocked.stderr;
      expect(said).toContain(`ARC refused the change: safety rule ${RULE} blocks it`);
      expect(said).toContain('it requires at least 1 of east-traffic, west-traffic On');
      expect(said).toContain(`overrideSafetyRules: [${RULE}]`);
      expect(said).toContain('[action.safety-rule-blocked]');
      const overridden = await write('override.yaml', runbook(`, overrideSafetyRules: ["${RULE}"]`));
      const ran = await drctl(['run', overridden, '--sim', '--yes', '--journal-dir', path.join(dir, 'j2')]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toMatch(/all-off +east-traffic Off, west-traffic Off \(answered by the endpoint in \S+\)/);
    },
    TIMEOUT,
  );

  it(
    'fails naming all five endpoints when none answers',
    async () => {
      const worldFile = await world('all-down.yaml', REGIONS.map((region) => ({ type: 'arc-endpoint-down' as const, region })));
      const file = await write('one-off.yaml', runbook().replace('off: [east-traffic, west-traffic]', 'on: [west-traffic]'));
      const result = await drctl(['run', file, '--sim', worldFile, '--yes', '--journal-dir', path.join(dir, 'j3'), '-o', 'json']);
      expect(result.code).toBe(1);
      const failed = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; error?: { code: string; message: string } }).find((event) => event.type === 'step.failed');
      expect(failed?.error?.code).toBe('aws.unreachable');
      expect(failed?.error?.message).toMatch(/No endpoint of the ARC cluster answered GetRoutingControlState \(5 tried: /);
      for (const region of REGIONS) expect(failed?.error?.message).toContain(`${region}: EndpointTemporarilyUnavailableException`);
    },
    TIMEOUT,
  );
});
