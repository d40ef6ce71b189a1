// `drctl arc describe --write`'s edit of the runbook's text: the endpoints of the arc-cluster with that ARN
// go in where the engineer would put them, and every other byte (comments, blank lines, flow style) stays.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillClusterEndpoints } from '../../src/runbook/fill-endpoints';
import { FAKE_ARC } from '../helpers/fake-shop';

const ARN = FAKE_ARC.cluster;
const ENDPOINTS = FAKE_ARC.endpoints;
const LIST = ENDPOINTS.map(({ region, endpoint }) => `        - { region: ${region}, endpoint: "${endpoint}" }`).join('\n');

const runbook = (cluster: string) => `apiVersion: drctl/v1
kind: Runbook
# the shop's failover
metadata: { name: shop }
spec:
  resources:
${cluster}
    east-traffic: { type: arc-routing-control, cluster: shop-arc, region: us-east-1, routingControlArn: "${FAKE_ARC.east}" }   # keep me
  steps: []
`;

const filled = (text: string) => {
  const result = fillClusterEndpoints('shop.yaml', text, ARN, ENDPOINTS);
  if (result.kind !== 'filled') throw new Error(`expected filled, got ${result.kind}`);
  return result;
};
const endpointsIn = (text: string) => (parse(text) as { spec: { resources: Record<string, { endpoints?: unknown }> } }).spec.resources['shop-arc']?.endpoints;

describe('filling in the endpoints of an arc-cluster', () => {
  it('adds them under clusterArn when the resource has none, leaving the rest of the file as written', () => {
    const text = runbook(`    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}   # from the console\n      description: the shop's cluster`);
    const result = filled(text);

    expect(result.text).toBe(runbook(`    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}   # from the console\n      endpoints:\n${LIST}\n      description: the shop's cluster`));
    expect(result.changed.map((cluster) => [cluster.name, cluster.endpoints])).toEqual([['shop-arc', []]]);
  });

  it('replaces an outdated block list, and an empty flow list keeping its comment', () => {
    const old = `    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}\n      endpoints:\n        - region: us-east-1\n          endpoint: https://old.example.com/v1\n      description: d`;
    expect(filled(runbook(old)).text).toBe(runbook(`    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}\n      endpoints:\n${LIST}\n      description: d`));

    const empty = `    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}\n      endpoints: []   # fill me`;
    const result = filled(runbook(empty));
    expect(result.text).toContain(`      endpoints: # fill me\n${LIST}\n    east-traffic:`);
    expect(endpointsIn(result.text)).toEqual(ENDPOINTS);
  });

  it('turns a one-line resource into a block, since five endpoints do not fit a line', () => {
    const result = filled(runbook(`    shop-arc: { type: arc-cluster, clusterArn: "${ARN}" }   # ours`));
    expect(result.text).toContain(`    shop-arc: # ours\n      type: arc-cluster\n      clusterArn: "${ARN}"\n      endpoints:\n`);
    expect(endpointsIn(result.text)).toEqual(ENDPOINTS);
    expect(result.text).toContain('# keep me');
  });

  it('leaves current endpoints alone, and says when the ARN is not declared', () => {
    const text = runbook(`    shop-arc:\n      type: arc-cluster\n      clusterArn: ${ARN}\n      endpoints:\n${LIST}`);
    const result = filled(text);
    expect(result.text).toBe(text);
    expect(result.changed).toEqual([]);
    expect(result.unchanged.map((cluster) => cluster.name)).toEqual(['shop-arc']);

    const other = fillClusterEndpoints('shop.yaml', text, `${ARN}-other`, ENDPOINTS);
    expect(other).toMatchObject({ kind: 'not-declared', declared: [{ name: 'shop-arc', clusterArn: ARN }] });
  });

  it('names the line and column of a YAML error rather than writing anything', () => {
    const result = fillClusterEndpoints('shop.yaml', 'spec:\n  resources: [\n', ARN, ENDPOINTS);
    expect(result).toMatchObject({ kind: 'problem', problem: { code: 'runbook.yaml-syntax', location: { file: 'shop.yaml', line: expect.any(Number), column: expect.any(Number) } } });
  });
});
