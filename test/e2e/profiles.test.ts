// Profiles as the AWS CLI treats them, on the real binary against `drctl sim serve`: the profile's region
// is the default region when --region and AWS_REGION are absent ([profile x] in the config file, [x] in
// the credentials file, wherever AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point); a profile in
// neither file is named once, with its own code, before any call; and `status` that could read nothing
// exits 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopWorldFile } from '../helpers/shop-world';
import { start, type Running } from '../status/e2e-helpers';
import { drctl, ROOT, SEVERAL_RUNS_TIMEOUT_MS } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-profiles-'));
const RUNBOOK = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
const CONFIG = path.join(dir, 'config');
const CREDENTIALS = path.join(dir, 'credentials');
/** Only the shared files say anything: no AWS_REGION, no AWS_PROFILE, no keys in the environment. */
const FILES = { AWS_CONFIG_FILE: CONFIG, AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS };

let serve: Running;
let endpoint = '';

beforeAll(async () => {
  const keys = 'aws_access_key_id = AKIDSIM\naws_secret_access_key = sim\n';
  writeFileSync(CONFIG, '[default]\nregion = us-west-2\n\n[profile simp]\nregion = us-east-1\n\n[profile keyless]\nregion = us-east-1\n');
  writeFileSync(CREDENTIALS, `[simp]\n${keys}\n[default]\n${keys}`);
  // us-west-2's APIs are down: a status asked there reads nothing, one asked in us-east-1 answers.
  writeFileSync(path.join(dir, 'world.yaml'), shopWorldFile([{ type: 'region-outage', region: 'us-west-2', mode: '503' }]));
  serve = start(['sim', 'serve', '--world', path.join(dir, 'world.yaml')], { cwd: dir, timeoutMs: 120_000 });
  endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await serve.waitFor(/listening on http/))?.[1] ?? '';
});
afterAll(async () => {
  serve.interrupt();
  await serve.exit;
  rmSync(dir, { recursive: true, force: true });
});

const status = (args: string[], env: Record<string, string> = {}) => drctl(['status', ...args, '--endpoint-url', endpoint], { cwd: dir, env: { ...FILES, ...env } });

describe('profiles, as in the AWS CLI', { timeout: SEVERAL_RUNS_TIMEOUT_MS }, () => {
  it("uses the profile's region when neither --region nor AWS_REGION is given", async () => {
    // shop-orders has no region hint this way: only the default region says where to ask.
    const result = await status(['-r', 'aurora:shop-orders', '--profile', 'simp']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^shop-orders\s+aurora: writer in us-east-1, available$/m);
  });

  it('reads AWS_PROFILE like --profile; --region and AWS_REGION win over the profile', async () => {
    expect((await status(['-r', 'aurora:shop-orders'], { AWS_PROFILE: 'simp' })).code).toBe(0);
    // The default profile's region is us-west-2, whose APIs are down in this world.
    const profileRegion = await status(['-r', 'aurora:shop-orders']);
    expect(profileRegion.code).toBe(1);
    expect(profileRegion.stderr).toContain('us-west-2');
    expect((await status(['-r', 'aurora:shop-orders', '--region', 'us-east-1'])).code).toBe(0);
    expect((await status(['-r', 'aurora:shop-orders'], { AWS_REGION: 'us-east-1' })).code).toBe(0);
  });

  it('names an unknown profile once, with its own code, the files it looked in and the profiles there', async () => {
    for (const [args, env, source] of [[['--profile', 'nope'], {}, ''], [[], { AWS_PROFILE: 'nope' }, ' (from AWS_PROFILE)']] as const) {
      const result = await status([RUNBOOK, ...args], env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`error the AWS profile "nope"${source} is not in ${CONFIG} or ${CREDENTIALS} [aws.unknown-profile]`);
      expect(result.stderr).toContain('Profiles there: default, keyless, simp.');
      expect(result.stderr).not.toContain('Could not load credentials');
      expect(result.stderr.match(/nope/g)?.length).toBeLessThanOrEqual(3);
    }
  });

  it('exits 1 with status.nothing-read when no resource could be read', async () => {
    // A profile without keys: every read fails on credentials.
    const result = await status([RUNBOOK, '--profile', 'keyless'], { HOME: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('0 of 3 ready for failover');
    expect(result.stderr).toContain('[status.nothing-read]');
    expect(result.stderr).toContain('drctl status could not read any of the 5 resources');
  });
});
