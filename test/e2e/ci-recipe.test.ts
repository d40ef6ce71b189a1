// The CI recipe, end to end on this machine: scripts/test-ci-recipe.sh installs drctl the way the
// composite action does (npm ci in its checkout, bin/ on PATH) and from the packed tarball, and runs the
// example workflow's check and drill jobs as the runner would. It needs npm to reach its cache or the
// registry, as `npm ci` did before the tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './drctl';

function runScript(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Prefer npm's cache: the test is of the recipe, not of the network.
    const child = spawn('bash', [path.join(ROOT, 'scripts/test-ci-recipe.sh')], { cwd: ROOT, env: { ...process.env, npm_config_prefer_offline: 'true', CI: 'true', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the CI recipe (scripts/test-ci-recipe.sh)', () => {
  it('installs drctl from this repository, as the action and as a tarball, and runs the example workflow', async () => {
    const { code, output } = await runScript();
    expect(code, output.slice(-4000)).toBe(0);
    expect(output).toContain('action.yml step 2: Install drctl (exactly its lockfile) and build it');
    expect(output).toMatch(/check step \d+: Validate/);
    expect(output).toMatch(/Drill \S+ \(simulator\): passed/);
    expect(output).toContain('CI recipe: OK');
  }, 600_000);
});
