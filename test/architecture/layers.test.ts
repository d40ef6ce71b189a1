// The layers of docs/architecture.md, checked on every `npm test`: dependency-cruiser with the rules of
// .dependency-cruiser.cjs over src/ and commands/ (no exceptions), the same rules over a planted tree
// that breaks each of them once (so a rule that silently matches nothing fails here), and what an import
// graph cannot see: who writes to the terminal, and an engine that reaches for the process.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CRUISER = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string, targets: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CRUISER, ...targets, '--config', CONFIG, '--output-type', 'err'], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('the layers', () => {
  it('hold in src/ and commands/: every import points down, no cycles, the SDK and ink stay in their layer', async () => {
    const result = await cruise(ROOT, ['src', 'commands']);
    expect(result.output).toContain('no dependency violations found');
    expect(result.code).toBe(0);
  }, 60_000);

  it('catch a planted violation of every rule', async () => {
    const result = await cruise(path.join(ROOT, 'test/architecture/planted'), ['src', 'commands']);
    const broken = [...result.output.matchAll(/error (\S+):/g)].map((match) => match[1]);
    expect([...new Set(broken)].sort()).toEqual([
      'engine-is-pure',
      'layer-1-src-runbook+src-aws+src-net',
      'layer-3-src-engine',
      'layer-5-src-report+src-status+src-sim',
      'layer-7-commands',
      'no-cycle',
      'nothing-imports-the-root',
      'only-aws-imports-the-sdk',
      'only-ui-imports-ink',
    ]);
  }, 60_000);

  it('leave writing to the terminal to src/ui (the root only hands the streams over)', () => {
    const writers = [...sourceFiles('src'), ...sourceFiles('commands')]
      .filter((file) => !file.startsWith(`src${path.sep}ui${path.sep}`))
      .filter((file) => /\bprocess\.(stdout|stderr)\.write\b|\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(writers).toEqual([]);
  });

  it('keep the engine off the process: no process.*, no timers of its own', () => {
    const impure = sourceFiles('src/engine').filter((file) => {
      const code = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      return /\bprocess\.|\bsetTimeout\(|\bsetInterval\(/.test(code);
    });
    expect(impure).toEqual([]);
  });
});
