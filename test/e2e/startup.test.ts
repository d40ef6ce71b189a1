// What start-up loads, on the real binary: commands that never start a process must not load
// child_process (with the modules it pulls in), and nothing may load a second copy of a bundled
// dependency from node_modules at run time (fdir used to load picomatch that way).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './drctl';

const PROBE = path.join(ROOT, 'test/helpers/loaded-modules.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'drctl-startup-'));

async function loadedBy(args: string[]): Promise<{ builtins: string[]; files: string[] }> {
  const report = path.join(dir, `${args.join('_').replace(/\W/g, '-')}.json`);
  await promisify(execFile)(process.execPath, ['--import', PROBE, BIN, ...args], { cwd: ROOT, env: { ...process.env, DRCTL_LOADED_FILE: report, NO_COLOR: '1' } });
  return JSON.parse(readFileSync(report, 'utf8')) as { builtins: string[]; files: string[] };
}

describe('start-up (real binary)', () => {
  it.each([[['validate', 'runbooks/']], [['validate', 'runbooks/*.yaml']], [['schema']], [['--version']]])('drctl %j loads no child_process and no CommonJS file from node_modules', async (args) => {
    const loaded = await loadedBy(args);
    expect(loaded.builtins).not.toContain('child_process');
    expect(loaded.files.filter((file) => file.includes(`${path.sep}node_modules${path.sep}`))).toEqual([]);
  });
});
