// The conventions an AWS engineer expects of a CLI, on the real binary: -v, help that lists exit codes
// and the environment, flags spelled alike across commands (old spellings still working, with a notice),
// no colour for TERM=dumb or NO_COLOR, and messages that say CI when CI is why drctl does not ask.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_RUNBOOK } from '../helpers/runbook-text';
import { drctl, drctlAtTerminal, ROOT } from './drctl';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ESC = '\u001b[';

describe('version and help', () => {
  it.each([['-v'], ['-V'], ['--version']])('drctl %s prints the version', async (flag) => {
    const result = await drctl([flag]);
    expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('the help lists the exit codes and the environment variables drctl reads, for drctl and each command', async () => {
    for (const args of [['--help'], ['run', '--help'], ['validate', '--help']]) {
      const { code, stdout } = await drctl(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Exit codes:\n\s+0\s+success/);
      expect(stdout).toMatch(/\n\s+4\s+the run succeeded but missed an objective/);
      for (const variable of ['AWS_PROFILE', 'AWS_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'NO_COLOR', 'CI']) expect(stdout, `${args.join(' ')}: ${variable}`).toMatch(new RegExp(`\\n\\s+${variable}\\s`));
    }
  });

  it('rollback --help does not offer --no-rollback; run --help does', async () => {
    expect((await drctl(['rollback', '--help'])).stdout).not.toContain('--no-rollback');
    expect((await drctl(['run', '--help'])).stdout).toContain('--no-rollback');
  });
});

describe('report spells its format and file like every other command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-flags-'));
    const drill = await drctl(['drill', path.join(ROOT, 'runbooks/aurora-global-failover.yaml'), '--sim', '--yes', '--formats', 'json'], { cwd: dir, timeoutMs: 60_000 });
    expect(drill.code, drill.stderr).toBe(0);
  }, 90_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('-o/--output picks the format and --out-file the file', async () => {
    const json = await drctl(['report', '-o', 'json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schema: 'drctl.report/v1' });
    const file = await drctl(['report', '--output', 'md', '--out-file', 'r.md'], { cwd: dir });
    expect(file).toMatchObject({ code: 0, stdout: '' });
    expect(await readFile(path.join(dir, 'r.md'), 'utf8')).toContain('DR drill: aurora-global-failover');
  });

  it('the old -f, --format and --out keep working, each with a notice naming the new flag', async () => {
    const result = await drctl(['report', '-f', 'md', '--out', 'old.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('-f is now --output');
    expect(result.stderr).toContain('--out is now --out-file');
    expect(await readFile(path.join(dir, 'old.md'), 'utf8')).toContain('DR drill: aurora-global-failover');
    const long = await drctl(['report', '--format', 'json'], { cwd: dir });
    expect(long.code).toBe(0);
    expect(JSON.parse(long.stdout)).toMatchObject({ schema: 'drctl.report/v1' });
    expect(long.stderr).toContain('"code":"cli.deprecated-option"');
  });
});

describe('colour and terminals', () => {
  const bad = path.join(mkdtempSync(path.join(tmpdir(), 'drctl-e2e-colour-')), 'bad-duration.yaml');
  writeFileSync(bad, VALID_RUNBOOK.replace('rto: 5m', 'rto: 5 minutes'));

  it('a terminal gets colour, TERM=dumb and NO_COLOR get none', async () => {
    const coloured = await drctlAtTerminal(['validate', bad], { env: { TERM: 'xterm-256color' } });
    expect(coloured.output).toContain(ESC);
    const dumb = await drctlAtTerminal(['validate', bad], { env: { TERM: 'dumb' } });
    expect(dumb.code).toBe(2);
    expect(dumb.output).toContain('bad-duration.yaml');
    expect(dumb.output).not.toContain(ESC);
    const noColor = await drctlAtTerminal(['validate', bad], { env: { NO_COLOR: '1' } });
    expect(noColor.output).not.toContain(ESC);
  });

  it('with CI=true at a terminal, the refusal to ask says it is CI, not that there is no terminal', async () => {
    const runbook = path.join(ROOT, 'runbooks/aurora-global-failover.yaml');
    const ci = await drctlAtTerminal(['run', runbook, '--sim'], { env: { CI: 'true', NO_COLOR: '1' } });
    expect(ci.code).toBe(2);
    expect(ci.output).toContain('CI=true');
    expect(ci.output).not.toContain('no terminal');
    expect(ci.output).toContain('cli.needs-yes');
    const piped = await drctl(['run', runbook, '--sim'], { env: { CI: '' } });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('no terminal');
  });
});
