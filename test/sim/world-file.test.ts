// World files: generation from a runbook, YAML round trip, and located, readable errors.
import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/core/errors';
import { generateWorld } from '../../src/sim/world-generate';
import { regionShortName } from '../../src/core/regions';
import { loadWorld, worldToYaml } from '../../src/sim/world-file';
import { SHOP_RESOURCES } from '../helpers/shop-world';

const EXAMPLE = `apiVersion: drctl/v1
kind: SimWorld
metadata: { name: game-day }
spec:
  seed: 42
  aurora:
    - globalClusterId: shop-orders
      engineVersion: "15.4"
      clusters:
        - { id: orders-east, region: us-east-1, writer: true, instances: 2 }
        - { id: orders-west, region: us-west-2, lag: 250ms }
  healthChecks:
    - { id: hc-east, region: us-east-1, fqdn: api.us-east-1.example.com, requestInterval: 10s }
  durations:
    auroraFailover: 40s..50s
  faults:
    - { type: region-outage, region: us-east-1, at: 2m }
    - { type: lag-spike, resource: shop-orders, value: 3s, at: 1m, for: 2m }
`;

function problemsOf(text: string) {
  try {
    loadWorld(text, 'world.yaml');
  } catch (error) {
    if (error instanceof ProblemsError) return error.problems;
    throw error;
  }
  throw new Error('expected problems');
}

describe('generateWorld', () => {
  it('builds a healthy two-region world from a runbook\'s resources', () => {
    const world = generateWorld(SHOP_RESOURCES, { seed: 3 });
    expect(world.spec.seed).toBe(3);
    expect(world.spec.aurora[0]?.clusters).toEqual([
      expect.objectContaining({ id: 'shop-orders-use1', region: 'us-east-1', writer: true, instances: 2 }),
      expect.objectContaining({ id: 'shop-orders-usw2', region: 'us-west-2', writer: false, instances: 1 }),
    ]);
    expect(world.spec.elasticache[0]?.replicationGroups.map((group) => group.id)).toEqual(['shop-sessions-use1', 'shop-sessions-usw2']);
    expect(world.spec.healthChecks.map((check) => [check.id, check.region])).toEqual([['hc-east', 'us-east-1'], ['hc-west', 'us-west-2']]);
    expect(world.spec.hostedZones[0]).toMatchObject({ id: 'Z0SHOP', name: 'shop.example.com.' });
    expect(world.spec.hostedZones[0]?.records.map((record) => [record.failover, record.healthCheckId])).toEqual([['PRIMARY', 'hc-east'], ['SECONDARY', 'hc-west']]);
  });

  it('honours resource regions and the region options', () => {
    const world = generateWorld(
      { db: { type: 'aurora-global', globalClusterId: 'g', regions: ['eu-west-1', 'eu-central-1', 'us-east-1'] } },
      { primaryRegion: 'ap-southeast-2' },
    );
    expect(world.spec.aurora[0]?.clusters.map((cluster) => cluster.id)).toEqual(['g-euw1', 'g-euc1', 'g-use1']);
    const other = generateWorld({ db: { type: 'docdb-global', globalClusterId: 'd' } }, { primaryRegion: 'ap-southeast-2' });
    expect(other.spec.docdb[0]?.clusters.map((cluster) => cluster.region)).toEqual(['ap-southeast-2', 'us-west-2']);
    expect(regionShortName('ap-northeast-1')).toBe('apne1');
  });
});

describe('world files', () => {
  it('load with defaults filled and survive a YAML round trip', () => {
    const world = loadWorld(EXAMPLE, 'world.yaml');
    expect(world.spec.aurora[0]?.clusters[1]).toMatchObject({ writer: false, instances: 1, lag: '250ms' });
    expect(world.spec.faults[0]).toMatchObject({ type: 'region-outage', mode: 'reset', endpointsDown: true });
    const text = worldToYaml(world);
    expect(text).toContain('auroraFailover: 40s..50s');
    expect(text).not.toContain('docdb:');
    expect(loadWorld(text, 'again.yaml')).toEqual(world);
    const generated = generateWorld(SHOP_RESOURCES);
    expect(loadWorld(worldToYaml(generated), 'generated.yaml')).toEqual(generated);
  });

  it('name file, line and column for schema problems, unknown keys included', () => {
    const problems = problemsOf(EXAMPLE.replace('region: us-west-2, lag', 'region: us-west2, lag').replace('requestInterval: 10s', 'requestInterval: 10s, colour: red'));
    expect(problems).toEqual([
      expect.objectContaining({ message: 'spec.aurora[0].clusters[1].region: is not an AWS region such as us-east-1', location: { file: 'world.yaml', line: 11, column: 38 } }),
      expect.objectContaining({ message: 'spec.healthChecks[0].colour: unknown key "colour"', location: { file: 'world.yaml', line: 13, column: 96 } }),
    ]);
  });

  it('check the whole document: one writer, known fault resources, bad ranges, syntax', () => {
    const noWriter = problemsOf(EXAMPLE.replace('writer: true, ', ''));
    expect(noWriter[0]?.message).toBe('spec.aurora[0].clusters: needs exactly one cluster with writer: true (found 0)');
    expect(noWriter[0]?.location?.line).toBe(10);
    const unknown = problemsOf(EXAMPLE.replace('resource: shop-orders, value', 'resource: shop-ordrs, value'));
    expect(unknown[0]?.message).toContain('spec.faults[1].resource: names no global cluster or datastore in this world ("shop-ordrs"); known: shop-orders');
    expect(problemsOf(EXAMPLE.replace('40s..50s', '50s..40s'))[0]?.message).toBe('spec.durations.auroraFailover: is not a duration ("75s") or a range ("60s..90s")');
    expect(problemsOf(EXAMPLE.replace('kind: SimWorld', 'kind: Runbook'))[0]?.message).toBe('kind: must be "SimWorld"');
    expect(problemsOf('spec: [unclosed')[0]).toMatchObject({ code: 'sim.world-syntax', location: expect.objectContaining({ line: 1 }) });
    expect(problemsOf(EXAMPLE.replace('    - { type: region-outage, region: us-east-1, at: 2m }\n', '    - { type: region-outage, at: 2m }\n'))[0]?.message).toBe(
      'spec.faults[0].region: is required',
    );
  });
});
