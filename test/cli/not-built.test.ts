// A package without its build (a clone without `npm ci`, dist/ deleted) says so, with the command that
// mends it, rather than a stack trace from Node's module loader.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/drctl';

const copy = mkdtempSync(path.join(tmpdir(), 'drctl-unbuilt-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const part of ['bin', 'package.json', 'schema']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });

describe('drctl without its build', () => {
  it.each([['plan', 'runbook.yaml'], ['validate', 'runbook.yaml']])('%s: names cli.not-built and `npm run build`, exit 1, no stack', (...args) => {
    const result = spawnSync(process.execPath, [path.join(copy, 'bin/drctl'), ...args], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error drctl is not built');
    expect(result.stderr).toContain('[cli.not-built]');
    expect(result.stderr).toContain('hint: Run `npm run build`');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('still answers --version and schema from the package files', () => {
    expect(spawnSync(process.execPath, [path.join(copy, 'bin/drctl'), '--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
