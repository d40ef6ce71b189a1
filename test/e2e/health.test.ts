// drctl health, the real binary: against the simulator (verdict, checker regions, --watch in place on a
// terminal and block by block in a pipe, --fail-on-unhealthy), and against moto_server, an emulator
// nobody here wrote, with a health check the test creates through the SDK.
import { CreateHealthCheckCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMotoServer, type MotoServer, startMotoServer } from '../aws/moto-server';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { shopWorldFile } from '../helpers/shop-world';
import { hasTmux, Pane, start, tooWide } from '../status/e2e-helpers';
import { drctl } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const world = (name: string, faults: FaultSpecInput[] = []) => {
  const file = path.join(dir, name);
  writeFileSync(file, shopWorldFile(faults));
  return file;
};
const OUTAGE: FaultSpecInput[] = [{ type: 'region-outage', region: 'us-east-1' }];

describe('drctl health (real binary, simulator)', () => {
  it("judges each check as Route 53 does and shows every checker region's report", async () => {
    const result = await drctl(['health', 'hc-east', 'hc-west', '--sim', world('healthy.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Route 53 health at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    expect(result.stdout).toContain('hc-east  HEALTHY  16/16 checkers healthy (100%)');
    expect(result.stdout).toContain('HTTPS api-west.us-west-2.example.com; checked every 30s, 3 in a row to change');
    expect(result.stdout).toMatch(/last change \S+Z \(newest report; all checkers agree\)/);
    for (const region of ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${region}\\s+2/2\\s+\\d\\d:\\d\\d:\\d\\dZ\\s+Success: HTTP Status Code 200, OK$`, 'm'));
    }
    expect(result.stdout).toContain('2 of 2 healthy');
    expect(tooWide(result.stdout)).toEqual([]);
  });

  it('writes JSON for scripts', async () => {
    const result = await drctl(['health', 'hc-east', '--sim', '-o', 'json']);
    const body = JSON.parse(result.stdout) as { type: string; healthy: boolean; checks: Array<{ id: string; judgement: { healthyCheckers: number }; regions: unknown[] }> };
    expect(body).toMatchObject({ type: 'health', healthy: true, checks: [{ id: 'hc-east', judgement: { healthyCheckers: 16 } }] });
    expect(body.checks[0]?.regions).toHaveLength(8);
  });

  it('--watch prints a block per refresh when piped; the verdict flips in a region outage; Ctrl-C stops; --fail-on-unhealthy exits 1', async () => {
    // x300: a 10 s refresh is 33 ms and the checkers turn red (3 x 30 s) in about a third of a second.
    const watch = start(['health', 'hc-east', '--watch', '--fail-on-unhealthy', '--sim', world('outage.yaml', OUTAGE), '--pace', '300'], { cwd: dir });
    await watch.waitFor(/UNHEALTHY[\s\S]*UNHEALTHY/);
    watch.interrupt();
    expect(await watch.exit).toBe(1);
    const blocks = watch.stdout().split(/\n\n(?=Route 53 health at)/);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks[0]).toContain('hc-east  HEALTHY');
    expect(blocks.at(-1)).toContain('hc-east  UNHEALTHY  0/16 checkers healthy (0%)');
    expect(blocks.at(-1)).toMatch(/last change \S+Z \(the verdict flipped between refreshes\)/);
    expect(blocks.some((block) => block.includes('(newest report that disagrees with the rest)'))).toBe(true);
    expect(watch.stdout()).toContain('refreshing every 10s; Ctrl-C stops');
    expect(watch.stderr()).toBe('');
  });

  it('--fail-on-unhealthy exits 0 while all are healthy; stopping a watch of an unhealthy check without it exits 0', async () => {
    const file = world('flags.yaml');
    expect((await drctl(['health', 'hc-east', '--fail-on-unhealthy', '--sim', file])).code).toBe(0);
    // The watched endpoint stays down: once the checkers agree, the check is unhealthy at every read.
    const unhealthy = start(['health', 'hc-east', '--watch', '--sim', world('down.yaml', OUTAGE), '--pace', '300'], { cwd: dir });
    await unhealthy.waitFor(/UNHEALTHY/);
    unhealthy.interrupt();
    expect(await unhealthy.exit).toBe(0); // without --fail-on-unhealthy, stopping a watch is a success
  });

  it.skipIf(!hasTmux)(`--watch redraws in place on a terminal${hasTmux ? '' : ' (SKIPPED: tmux is not installed)'}`, async () => {
    const pane = new Pane(['health', 'hc-east', '--watch', '--sim', world('tty.yaml'), '--pace', '300'], dir, { columns: 80, rows: 40 });
    try {
      const first = /Route 53 health at (\S+)/.exec(await pane.waitFor(/refreshing every 10s/))?.[1] ?? '';
      // No real sleep: wait, however long this machine takes, for a whole frame of a later reading (its
      // time moved on, its footer drawn). Redrawn in place, it is the only reading on the screen.
      const screen = await pane.waitFor(new RegExp(`Route 53 health at (?!${first})\\S+Z\\n[\\s\\S]*refreshing every 10s`));
      expect(screen.match(/Route 53 health at/g)).toHaveLength(1);
      expect(screen.match(/hc-east {2}HEALTHY/g)).toHaveLength(1);
      pane.keys('C-c');
      expect(pane.exitCode(await pane.waitFor(/\[drctl exited \d+\]/))).toBe(0);
    } finally {
      pane.close();
    }
  }, 60_000);

  it('refuses an unknown id (exit 2) and a refresh faster than 10 s', async () => {
    const unknown = await drctl(['health', 'hc-nope', '--sim', world('known.yaml')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error Route 53 health check hc-nope was not found. Route 53 health checks in this account: hc-east (api-east.us-east-1.example.com), hc-west (api-west.us-west-2.example.com) [health.not-found]');
    const typo = await drctl(['health', 'hc-wes', '--sim', world('known.yaml')]);
    expect(typo.stderr).toContain('hint: Did you mean "hc-west"?');
    const fast = await drctl(['health', 'hc-east', '--watch', '--interval', '2s', '--sim']);
    expect(fast.code).toBe(2);
    expect(fast.stderr).toContain('[health.interval-too-short]');
  });
});

const motoPath = findMotoServer();
if (!motoPath) console.warn('test/e2e/health.test.ts: moto_server is not on PATH; skipping drctl health against moto_server.');

describe.skipIf(!motoPath)('drctl health against moto_server', () => {
  let moto: MotoServer;
  let healthCheckId: string;
  // Fake credentials through the standard chain (environment variables), as a user would set them.
  const env = () => ({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_REGION: 'us-east-1' });

  beforeAll(async () => {
    moto = await startMotoServer(motoPath!);
    const route53 = new Route53Client({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: env().AWS_ACCESS_KEY_ID, secretAccessKey: env().AWS_SECRET_ACCESS_KEY } });
    const created = await route53.send(new CreateHealthCheckCommand({
      CallerReference: `drctl-health-e2e-${Date.now()}`,
      HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: 'api.shop.example', Port: 443, ResourcePath: '/health', RequestInterval: 10, FailureThreshold: 3 },
    }));
    healthCheckId = created.HealthCheck!.Id!;
    route53.destroy();
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('reads and judges a health check created through the SDK', async () => {
    const result = await drctl(['health', healthCheckId, '--endpoint-url', moto.url, '--fail-on-unhealthy'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // moto answers one made-up observation; only its "Success:" prefix counts.
    expect(result.stdout).toMatch(new RegExp(`^${healthCheckId} {2}HEALTHY {2}1/1 checkers healthy \\(100%\\)$`, 'm'));
    expect(result.stdout).toContain('HTTPS api.shop.example; checked every 10s, 3 in a row to change');
  });

  it('says an unknown id is not found (moto answers NoSuchHealthCheck) and lists the checks moto has', async () => {
    const result = await drctl(['health', '00000000-0000-0000-0000-000000000000', '--endpoint-url', moto.url], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error Route 53 health check 00000000-0000-0000-0000-000000000000 was not found. Route 53 health checks in this account: ');
    expect(result.stderr).toContain(`${healthCheckId} (api.shop.example) [health.not-found]`);
  });
});
