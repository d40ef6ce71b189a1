// drctl explain, the real binary: what a code means and what to do, the list of every code, a
// did-you-mean for a code that does not exist, and the pointer every printed error ends with.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/core/codes';
import { drctl } from './drctl';

describe('drctl explain (real binary)', () => {
  it('says what a code means and what to do about it', async () => {
    const result = await drctl(['explain', 'runbook.unknown-key']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('runbook.unknown-key (error)');
    expect(result.stdout).toContain(CODES['runbook.unknown-key']?.meaning);
    expect(result.stdout).toContain(`What to do: ${CODES['runbook.unknown-key']?.action}`);
  });

  it('explains status flags and notices too', async () => {
    expect((await drctl(['explain', 'headless'])).stdout).toContain('headless (warning)');
    expect((await drctl(['explain', 'report.objective-missed'])).stdout).toContain('exits 4');
  });

  it('suggests the nearest code for one that does not exist, also without its area', async () => {
    const typo = await drctl(['explain', 'runbook.unknwn-key']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error drctl has no code "runbook.unknwn-key" [cli.unknown-code]');
    expect(typo.stderr).toContain('hint: Did you mean "runbook.unknown-key"? `drctl explain --list` lists every code.');
    expect(typo.stderr).not.toContain('more: drctl explain');
    expect((await drctl(['explain', 'bad-duraton'])).stderr).toContain('Did you mean "runbook.bad-duration"?');
  });

  it('lists every registered code with --list', async () => {
    const result = await drctl(['explain', '--list']);
    expect(result.code).toBe(0);
    for (const code of Object.keys(CODES)) expect(result.stdout).toMatch(new RegExp(`^${code.replace('.', '\\.')} `, 'm'));
    expect(result.stdout).toContain(`${Object.keys(CODES).length} codes;`);
  });

  it('ends a printed error with the code to explain', async () => {
    const usage = await drctl(['status', '--sim']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trimEnd().split('\n').at(-1)).toBe('  more: drctl explain status.nothing-to-show');
    const missing = await drctl(['validate', 'missing.yaml']);
    expect(missing.stdout.trimEnd().split('\n').at(-1)).toBe('more: drctl explain runbook.not-found');
  });

  it('ends a plan that found a problem with the code to explain', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drctl-explain-'));
    writeFileSync(path.join(dir, 'nowhere.yaml'), [
      'apiVersion: drctl/v1',
      'kind: Runbook',
      'metadata: { name: nowhere }',
      'spec:',
      '  resources:',
      '    orders-db: { type: aurora-global, globalClusterId: shop-orders }',
      '  steps:',
      '    - { id: move, uses: aurora.switchover, with: { resource: orders-db, to: eu-west-1 } }',
      '',
    ].join('\n'));
    const plan = await drctl(['plan', 'nowhere.yaml', '--sim'], { cwd: dir });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('[action.region-not-a-member]');
    expect(plan.stdout.trimEnd().split('\n').at(-1)).toBe('more: drctl explain action.region-not-a-member');
  });
});
