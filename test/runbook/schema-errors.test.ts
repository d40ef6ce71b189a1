import { actionCatalogue } from '../../src/actions/catalogue';
import { describe, expect, it } from 'vitest';
import { checkRunbookText } from '../../src/runbook/load';
import { VALID_RUNBOOK, at, atInside, only, positionOf, problemsOf } from '../helpers/runbook-text';

const edit = (from: string, to: string) => {
  if (!VALID_RUNBOOK.includes(from)) throw new Error(`fixture has no ${from}`);
  return VALID_RUNBOOK.replace(from, to);
};

describe('runbook structure', () => {
  it('accepts the valid fixture', async () => {
    expect(await problemsOf(VALID_RUNBOOK)).toEqual([]);
    expect((await checkRunbookText('rb.yaml', VALID_RUNBOOK, actionCatalogue)).document?.metadata.name).toBe('test-failover');
  });

  it('reports a YAML syntax error where the parser stopped', async () => {
    const text = edit('    - id: settle', '    - id: [settle');
    const problem = await only(text, 'runbook.yaml-syntax');
    // The unclosed [ on one line is detected where the next key starts.
    expect(problem.location).toEqual({ file: 'rb.yaml', line: positionOf(text, '[settle').line + 1, column: 7 });
    expect(problem.message).toMatch(/Flow sequence/);
    expect(problem.hint).toMatch(/indentation|brackets/);
  });

  it('reports a duplicated key', async () => {
    const text = edit('      uses: wait\n', '      uses: wait\n      uses: approval\n');
    expect((await only(text, 'runbook.duplicate-key')).message).toMatch(/unique|uses/i);
  });

  it('reports an empty file, or one holding only comments', async () => {
    expect((await only('', 'runbook.empty')).at).toBe('1:1');
    expect((await only('# just a comment\n---\n', 'runbook.empty')).message).toBe('rb.yaml is empty');
  });

  it('reports a document that is not a mapping', async () => {
    expect((await only('- a\n- b\n', 'runbook.not-a-mapping')).message).toMatch(/a list/);
  });

  it('reports the wrong apiVersion and kind at their values', async () => {
    const text = edit('apiVersion: drctl/v1', 'apiVersion: drctl/v2').replace('kind: Runbook', 'kind: Playbook');
    const version = await only(text, 'runbook.bad-api-version');
    expect(version.at).toBe(at(text, 'drctl/v2'));
    expect(version.message).toContain('"drctl/v2"');
    expect(version.hint).toContain('apiVersion: drctl/v1');
    expect((await only(text, 'runbook.bad-kind')).at).toBe(at(text, 'Playbook'));
  });

  it('reports an unknown key at the key, with did-you-mean from the allowed keys', async () => {
    const text = edit('      needs: [orders]', '      neds: [orders]');
    const problem = await only(text, 'runbook.unknown-key');
    expect(problem.at).toBe(at(text, 'neds'));
    expect(problem.message).toBe('spec.steps[2] has an unknown key "neds"');
    expect(problem.hint).toBe('Did you mean "needs"?');
  });

  it('reports unknown keys in metadata and resources too', async () => {
    const text = edit('  name: test-failover', '  name: test-failover\n  nmae: x').replace('globalClusterId: shop-orders', 'globalClusterId: shop-orders, regoins: [us-east-1]');
    const problems = (await problemsOf(text)).filter((p) => p.code === 'runbook.unknown-key');
    expect(problems.map((p) => p.hint)).toEqual(['Did you mean "name"?', 'Did you mean "regions"?']);
  });

  it('reports a wrong type with what was found and what is expected', async () => {
    const text = edit('      needs: [orders]', '      needs: 3');
    const problem = await only(text, 'runbook.wrong-type');
    expect(problem.at).toBe(atInside(text, 'needs: 3', '3'));
    expect(problem.message).toMatch(/spec\.steps\[2\]\.needs is number 3/);
  });

  it('reports a missing required key at its parent', async () => {
    const text = edit('      uses: wait\n', '');
    const problem = await only(text, 'runbook.missing-key');
    expect(problem.message).toBe('spec.steps[2] is missing "uses"');
    expect(problem.at).toBe(at(text, 'id: settle'));
  });

  it('reports a bad duration at the value', async () => {
    const text = edit('objectives: { rto: 5m', 'objectives: { rto: 5 minutes');
    const problem = await only(text, 'runbook.bad-duration');
    expect(problem.at).toBe(at(text, '5 minutes'));
    expect(problem.message).toBe('spec.objectives.rto is the string "5 minutes", which is not a duration');
    expect(problem.hint).toMatch(/"90s", "5m"/);
  });

  it('reports a string that is not an AWS region, suggesting the closest', async () => {
    const text = edit('globalClusterId: shop-orders', 'globalClusterId: shop-orders, regions: [us-east1]');
    const problem = await only(text, 'runbook.bad-region');
    expect(problem.at).toBe(at(text, 'us-east1'));
    expect(problem.hint).toBe('Did you mean "us-east-1"?');
  });

  it('reports an unknown resource type with the known ones', async () => {
    const text = edit('type: elasticache-global', 'type: elasticache-globl');
    const problem = await only(text, 'runbook.unknown-resource-type');
    expect(problem.message).toContain('"sessions"');
    expect(problem.hint).toBe('Did you mean "elasticache-global"?');
  });

  it('reports an input default outside its enum', async () => {
    const text = edit('default: planned', 'default: plannned');
    const problem = await only(text, 'runbook.default-not-in-enum');
    expect(problem.at).toBe(at(text, 'plannned'));
    expect(problem.message).toContain('"plannned"');
  });

  it('reports a region input whose default is not a region', async () => {
    const text = edit('to: { type: region, default: us-west-2 }', 'to: { type: region, default: west }');
    expect((await only(text, 'runbook.bad-region')).at).toBe(at(text, 'west }'));
  });

  it('reports every problem at once, in file order', async () => {
    const text = edit('apiVersion: drctl/v1', 'apiVersion: v1').replace('needs: [orders]', 'neds: [orders]').replace('rto: 5m', 'rto: soon');
    const codes = (await problemsOf(text)).map((p) => p.code);
    expect(codes).toEqual(['runbook.bad-api-version', 'runbook.bad-duration', 'runbook.unknown-key']);
  });
});

describe('YAML aliases', () => {
  it('reports an alias to an undefined anchor at the alias (found by the fuzz test)', async () => {
    const text = VALID_RUNBOOK.replace('rpo: 1s', 'rpo: *later');
    const problem = await only(text, 'runbook.bad-alias');
    expect(problem.at).toBe(at(text, '*later'));
    expect(problem.hint).toMatch(/anchor/);
  });
});
