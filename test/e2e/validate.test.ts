import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_RUNBOOK } from '../helpers/runbook-text';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-e2e-'));
writeFileSync(path.join(dir, 'good.yaml'), VALID_RUNBOOK);
writeFileSync(path.join(dir, 'bad.yaml'), VALID_RUNBOOK.replace('needs: [orders]', 'neds: [orders]').replace('rto: 5m', 'rto: 5 minutes'));

describe('drctl validate (real binary)', () => {
  it('accepts every shipped runbook', async () => {
    const result = await drctl(['validate', 'runbooks/']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\d+ runbooks valid/);
    expect(result.code).toBe(0);
  });

  it('prints each problem with file:line:col, code and hint, and exits 2', async () => {
    const result = await drctl(['validate', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('✓ good.yaml');
    expect(result.stdout).toContain('✗ bad.yaml');
    expect(result.stdout).toContain('bad.yaml:9:22 error spec.objectives.rto is the string "5 minutes", which is not a duration [runbook.bad-duration]');
    expect(result.stdout).toContain('bad.yaml:23:7 error spec.steps[2] has an unknown key "neds" [runbook.unknown-key]');
    expect(result.stdout).toContain('hint: Did you mean "needs"?');
    expect(result.stdout).toContain('1 runbook of 2 invalid (2 problems)');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('writes JSON for tools', async () => {
    const result = await drctl(['validate', '--output', 'json', 'good.yaml', 'bad.yaml'], { cwd: dir });
    const body = JSON.parse(result.stdout) as { type: string; valid: boolean; runbooks: { file: string; valid: boolean; problems: { code: string; location: { line: number } }[] }[] };
    expect(body.type).toBe('validate');
    expect(body.valid).toBe(false);
    expect(body.runbooks.map((r) => [r.file, r.valid])).toEqual([['good.yaml', true], ['bad.yaml', false]]);
    expect(body.runbooks[1]?.problems.map((p) => [p.code, p.location.line])).toEqual([['runbook.bad-duration', 9], ['runbook.unknown-key', 23]]);
    expect(result.code).toBe(2);
  });

  it('writes JUnit with one test case per runbook', async () => {
    const result = await drctl(['validate', '-o', 'junit', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(result.stdout).toContain('<testsuite name="runbooks" tests="2" failures="1" errors="0">');
    expect(result.stdout).toContain('<testcase classname="drctl.validate" name="good.yaml" time="0"></testcase>');
    expect(result.stdout).toMatch(/<testcase classname="drctl.validate" name="bad.yaml" time="0">\n\s+<failure message="spec.objectives.rto is the string &quot;5 minutes&quot;/);
  });

  it.each([
    [['missing.yaml'], 'runbook.not-found'],
    [['.'], 'validate.no-runbooks'],
    [['nothing-*.yaml'], 'validate.no-match'],
  ])('gives one clear error and exit 2 for %j', async (args, code) => {
    const empty = mkdtempSync(path.join(tmpdir(), 'drctl-empty-'));
    const result = await drctl(['validate', ...args], { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`[${code}]`);
    expect(result.stdout.match(/ error /g)).toHaveLength(1);
  });

  it('refuses binary garbage and a 10 MB file with exit 2 and no stack trace', async () => {
    writeFileSync(path.join(dir, 'garbage.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    writeFileSync(path.join(dir, 'huge.yaml'), Buffer.alloc(10 * 1024 * 1024, 'a'));
    const result = await drctl(['validate', 'garbage.yaml', 'huge.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('[runbook.not-text]');
    expect(result.stdout).toContain('[runbook.too-large]');
    expect(result.stderr).toBe('');
  });
});

describe('drctl validate on a directory that also holds simulator worlds', () => {
  const worlds = mkdtempSync(path.join(tmpdir(), 'drctl-e2e-worlds-'));

  it('checks each world file as a world (kind: SimWorld), not as a runbook, and says which is which', async () => {
    writeFileSync(path.join(worlds, 'orders.yaml'), readFileSync(path.join(ROOT, 'runbooks/aurora-global-failover.yaml'), 'utf8'));
    const written = await drctl(['sim', 'world', 'orders.yaml', '--out-file', 'orders-world.yaml'], { cwd: worlds });
    expect(written.code, written.stderr).toBe(0);
    const result = await drctl(['validate', '.'], { cwd: worlds });
    expect(result.stdout).toBe('✓ orders-world.yaml (simulator world)\n✓ orders.yaml\n1 runbook and 1 world valid\n');
    expect(result.code).toBe(0);
  });

  it("reports a broken world's problems with the world's own codes, file:line:col and hint", async () => {
    const world = readFileSync(path.join(worlds, 'orders-world.yaml'), 'utf8');
    writeFileSync(path.join(worlds, 'broken-world.yaml'), world.replace('seed: 1', 'seed: 1\n  sed: 2'));
    const result = await drctl(['validate', '.'], { cwd: worlds });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('✗ broken-world.yaml (simulator world)');
    expect(result.stdout).toMatch(/broken-world\.yaml:\d+:\d+ error .*sed.* \[sim\.unknown-key\]/);
    expect(result.stdout).not.toContain('runbook.bad-kind');
    expect(result.stdout).toContain('1 file of 3 invalid (1 problem)');
    const json = JSON.parse((await drctl(['validate', '-o', 'json', '.'], { cwd: worlds })).stdout) as { runbooks: Array<{ file: string; kind: string; valid: boolean }> };
    expect(json.runbooks.map(({ file, kind, valid }) => [file, kind, valid])).toEqual([['broken-world.yaml', 'SimWorld', false], ['orders-world.yaml', 'SimWorld', true], ['orders.yaml', 'Runbook', true]]);
  });
});

describe('drctl shell (real binary)', () => {
  it('prints the version from package.json', async () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const result = await drctl([flag]);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.code).toBe(0);
    }
  });

  it('reads validate arguments the same with or without commander (plain ones skip loading it)', async () => {
    const plain = await drctl(['validate', 'good.yaml', '-o', 'json', 'bad.yaml'], { cwd: dir });
    const parsed = await drctl(['validate', '--output=json', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(plain).toEqual(parsed);
    expect(plain.code).toBe(2);
    // A bad value is a DrctlError naming the flag, read with commander or without (--output=xml needs it).
    const wrong = await drctl(['validate', '-o', 'xml', 'good.yaml'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('error --output "xml" is not one of text, json, junit [cli.bad-option]');
    expect(await drctl(['validate', '--output=xml', 'good.yaml'], { cwd: dir })).toEqual(wrong);
    const none = await drctl(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'paths'");
  });

  it('exits 2 with a hint on an unknown command or option', async () => {
    const command = await drctl(['valdate', 'x']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'valdate'");
    expect(command.stderr).toContain('(Did you mean validate?)');
    const option = await drctl(['validate', '--ouput', 'json', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--ouput'");
  });

  it('derives each command\'s help from the option declarations, old spellings hidden', async () => {
    const { OPTIONS, optionsTakenBy } = await import('../../commands/cli/options');
    const help = await drctl(['run', '--help']);
    expect(help.code).toBe(0);
    const flat = help.stdout.replace(/\s+/g, ' ');
    for (const { declaration } of optionsTakenBy('run')) {
      expect(flat).toContain(declaration.flags);
      expect(flat).toContain(declaration.help.replace(/\s+/g, ' '));
    }
    expect(flat).toContain('(choices: "text", "json", default: "text")');
    expect(help.stdout).not.toContain('--time-scale');
    expect(OPTIONS.pace.renamedFrom).toEqual(['--time-scale']);
  });

  it('refuses a bad option value naming the flag, with a did-you-mean', async () => {
    const result = await drctl(['validate', '-o', 'jsn', 'runbooks/']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error --output "jsn" is not one of text, json, junit [cli.bad-option]');
    expect(result.stderr).toContain('hint: Did you mean "json"? Pass one of text, json, junit.');
  });

  it('prints a JSON Schema that knows every action and resource type', async () => {
    const result = await drctl(['schema']);
    const schema = JSON.parse(result.stdout) as Record<string, unknown>;
    const text = result.stdout;
    expect(text).toBe(readFileSync(path.join(ROOT, 'schema/runbook-v1.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const word of ['aurora-global', 'docdb-global', 'elasticache-global', 'route53-health-check', 'route53-record-set', 'aurora.switchover', 'elasticache.failover', 'route53.wait-healthy', 'replication-lag-below']) {
      expect(text).toContain(`"${word}"`);
    }
  });
});
