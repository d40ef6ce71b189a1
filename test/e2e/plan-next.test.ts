// What `drctl plan` tells you to type next, on the real binary: the run command with every flag that
// decides what the run acts on (the simulator or its world file, the endpoint, profile and region, the
// inputs), quoted for the shell; and `failover --dry-run` the same command without --dry-run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../status/e2e-helpers';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-plan-next-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nextCommand = (stdout: string) => /Plan OK: run it with `([^`]+)`\./.exec(stdout)?.[1];

describe('the command a plan says to run next', () => {
  it('keeps --sim and the inputs', async () => {
    const result = await drctl(['plan', 'runbooks/shop-region-failover.yaml', '--sim', '-i', 'mode=planned']);
    expect(result.code, result.stderr).toBe(0);
    expect(nextCommand(result.stdout)).toBe('drctl run runbooks/shop-region-failover.yaml --input mode=planned --sim');
  });

  it('keeps the world file, and quotes what the shell would split', async () => {
    const world = path.join(dir, 'my world.yaml');
    const generated = await drctl(['sim', 'world', 'runbooks/aurora-global-failover.yaml', '--out-file', world]);
    expect(generated.code, generated.stderr).toBe(0);
    const result = await drctl(['plan', 'runbooks/aurora-global-failover.yaml', '--sim', world, '--input', 'to=us-west-2']);
    expect(result.code, result.stderr).toBe(0);
    expect(nextCommand(result.stdout)).toBe(`drctl run runbooks/aurora-global-failover.yaml --input to=us-west-2 --sim '${world}'`);
  });

  it('keeps the endpoint, profile and region of a plan against AWS (here: drctl sim serve)', async () => {
    const serve = start(['sim', 'serve', '--runbook', 'runbooks/aurora-global-failover.yaml'], { cwd: ROOT });
    try {
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await serve.waitFor(/listening on http/))?.[1] ?? '';
      const config = path.join(dir, 'config');
      writeFileSync(config, '[profile ops]\nregion = us-east-1\n');
      writeFileSync(path.join(dir, 'credentials'), '[ops]\naws_access_key_id = AKIDSIM\naws_secret_access_key = sim\n');
      const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
      const result = await drctl(['plan', 'runbooks/aurora-global-failover.yaml', '--endpoint-url', endpoint, '--profile', 'ops', '--region', 'us-east-1'], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(nextCommand(result.stdout)).toBe(`drctl run runbooks/aurora-global-failover.yaml --profile ops --region us-east-1 --endpoint-url ${endpoint}`);
    } finally {
      serve.interrupt();
      await serve.exit;
    }
  });

  it('after failover --dry-run, is the same failover without --dry-run', async () => {
    const result = await drctl(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--dry-run', '--sim']);
    expect(result.code, result.stderr).toBe(0);
    expect(nextCommand(result.stdout)).toBe('drctl failover aurora shop-orders --to us-west-2 --mode planned --sim');
  });
});

describe('run --dry-run', () => {
  it('says the run command itself', async () => {
    const result = await drctl(['run', path.join(ROOT, 'runbooks/aurora-global-failover.yaml'), '--dry-run', '--sim']);
    expect(result.code, result.stderr).toBe(0);
    expect(nextCommand(result.stdout)).toBe(`drctl run ${path.join(ROOT, 'runbooks/aurora-global-failover.yaml')} --sim`);
  });
});
