// Errors a user can cause each carry a code and a hint (the argument parser's too), and rollback undoes
// only what happened: a run stopped by its preflight changed nothing, so nothing is offered or done.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drctl, ROOT, SEVERAL_RUNS_TIMEOUT_MS } from './drctl';

const SHOP = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage errors have codes and hints', () => {
  it.each([
    ['an unknown flag', ['run', SHOP, '--frobnicate'], 'cli.unknown-option', 'drctl run --help'],
    ['a format that does not exist', ['run', SHOP, '-o', 'xml'], 'cli.bad-option', 'Pass one of text, json'],
    ['an unknown command', ['frobnicate'], 'cli.unknown-command', 'drctl --help'],
    ['a missing argument', ['plan'], 'cli.missing-argument', 'drctl plan --help'],
    ['a move from a region to itself', ['plan', SHOP, '--sim', '-i', 'to=us-east-1'], 'input.same-region', '--input from='],
  ])('%s: exit 2, the code, a hint', async (_what, args, code, hint) => {
    const result = await drctl(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toMatch(/hint: /);
    expect(result.stderr).toContain(hint);
  });

  it('a world seed too large to be a number is said so, not called missing', async () => {
    const world = path.join(dir, 'big-seed.yaml');
    const generated = await drctl(['sim', 'world', SHOP], { cwd: dir });
    writeFileSync(world, generated.stdout.replace(/^ {2}seed: .*$/m, '  seed: 1e400'));
    const result = await drctl(['plan', SHOP, '--sim', world], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('spec.seed: must be a number, not Infinity (too large to be a number) [sim.invalid-world]');
  });
});

describe('rollback of a run that changed nothing', { timeout: SEVERAL_RUNS_TIMEOUT_MS }, () => {
  it('a run stopped by its preflight offers no rollback and measures no RTO; drctl rollback says so and changes nothing', async () => {
    const generated = await drctl(['sim', 'world', SHOP], { cwd: dir });
    const spike = generated.stdout.replace(/^ {2}seed: (.*)$/m, '  seed: $1\n  faults:\n    - { type: lag-spike, resource: shop-orders, value: 8s, at: 0s }');
    expect(spike).toContain('lag-spike');
    writeFileSync(path.join(dir, 'spike.yaml'), spike);
    const journalDir = path.join(dir, '.drctl-spike');
    const ran = await drctl(['run', SHOP, '--sim', 'spike.yaml', '--yes', '--journal-dir', journalDir], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('[engine.preflight-failed]');
    expect(ran.stdout).toContain('not started (nothing was changed, so there is no RTO to judge)');
    expect(ran.stdout).not.toContain('RTO not met');
    expect(ran.stdout).not.toContain('drctl rollback');
    const [runId] = readdirSync(path.join(journalDir, 'runs'));
    const rolled = await drctl(['rollback', runId!, '--sim', 'spike.yaml', '--yes', '--journal-dir', journalDir], { cwd: dir });
    expect(rolled.code).toBe(0);
    expect(rolled.stderr).toContain('Nothing to do: this run changed nothing in AWS, so there is nothing to roll back.');
    const journal = readFileSync(path.join(journalDir, 'runs', runId!, 'journal.jsonl'), 'utf8');
    expect(journal).not.toContain('"rollback.started"');
    expect(journal).not.toContain('"step.intent"');
  });
});
