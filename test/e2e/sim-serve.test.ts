// A game day through one `drctl sim serve`: the world outlives every command. drctl (without --sim) and
// the AWS CLI live on wall time, so everything the served world says about time must agree with the
// client's clock: the failover, `drctl status`, `drctl health`, then the failback (whose preflight reads
// the lag the old primary publishes as the new secondary), then the report of the newest run.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import { start } from '../status/e2e-helpers';
import { BIN, drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FAILOVER = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
const FAILBACK = path.join(ROOT, 'runbooks/shop-region-failback.yaml');
const ENV = { AWS_ACCESS_KEY_ID: 'AKIDSIM', AWS_SECRET_ACCESS_KEY: 'sim', AWS_REGION: 'us-east-1' };

interface HealthJson {
  checkedAt: number;
  checks: Array<{ regions: Array<{ checkedAt?: number }>; lastChange?: { at: number } }>;
}

describe('a game day through one drctl sim serve', () => {
  it('fails the shop over, shows the status, fails back and reports the newest run', async () => {
    const serve = start(['sim', 'serve', '--runbook', FAILOVER, '--time-scale', '30'], { cwd: dir, timeoutMs: 240_000 });
    try {
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await serve.waitFor(/listening on http/))?.[1] ?? '';
      const aws = (...args: string[]) => drctl([...args, '--endpoint-url', endpoint, '--journal-dir', path.join(dir, '.drctl')], { cwd: dir, env: ENV, timeoutMs: 120_000 });

      const failover = await aws('run', FAILOVER, '--yes');
      expect(failover.code, failover.stdout + failover.stderr).toBe(0);

      const status = await drctl(['status', FAILOVER, '--endpoint-url', endpoint], { cwd: dir, env: ENV });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/^orders-db\s+aurora shop-orders: writer in us-west-2, available$/m);
      expect(status.stdout).toMatch(/^catalog-db\s+docdb shop-catalog: writer in us-west-2, available$/m);

      const before = Date.now();
      const health = await drctl(['health', '5f1c8e0a-east-4a3b-9d2e-api000000001', '--output', 'json', '--endpoint-url', endpoint], { cwd: dir, env: ENV });
      const after = Date.now();
      const body = JSON.parse(health.stdout) as HealthJson;
      // The checkers' CheckedTime and the last change are past instants on the client's clock.
      const times = body.checks.flatMap((check) => [...check.regions.map((region) => region.checkedAt ?? 0), check.lastChange?.at ?? 0]);
      expect(Math.max(...times)).toBeLessThanOrEqual(after);
      expect(body.checkedAt).toBeGreaterThanOrEqual(before - 1_000);

      const failback = await aws('run', FAILBACK, '--yes');
      expect(failback.code, failback.stdout + failback.stderr).toBe(0);
      expect(failback.stdout).toMatch(/ok\s+preflight replication-lag-below/);

      const report = await drctl(['report', '-o', 'json', '--journal-dir', path.join(dir, '.drctl')], { cwd: dir });
      const facts = JSON.parse(report.stdout) as ReportFacts;
      expect(facts.run.runbook).toBe('shop-region-failback');
      expect(facts.run.outcome).toBe('succeeded');
      expect(facts.rpo.status).toBe('measured');
    } finally {
      serve.interrupt();
      await serve.exit;
    }
  }, 240_000);
});

describe("drctl sim serve's banner", () => {
  it('gives steps that work when copied in order into another shell, whatever profile that shell had', async () => {
    const serve = start(['sim', 'serve', '--runbook', 'runbooks/shop-region-failover.yaml'], { cwd: ROOT, timeoutMs: 120_000 });
    try {
      const banner = await serve.waitFor(/World:/);
      const steps = /run these in order[^\n]*\n((?: {2}.*\n)+)/.exec(banner)?.[1] ?? '';
      expect(steps).toContain('drctl status runbooks/shop-region-failover.yaml --endpoint-url http://127.0.0.1:');
      // The credentials come before the first command that needs them.
      expect(steps.indexOf('AWS_ACCESS_KEY_ID')).toBeLessThan(steps.indexOf('drctl status'));
      const hasAws = spawnSync('aws', ['--version']).status === 0;
      const script = steps.split('\n').filter((line) => hasAws || !line.trim().startsWith('aws ')).join('\n');
      // A shell with `drctl` on its PATH and a profile of its own that the simulator does not know.
      const bin = mkdtempSync(path.join(tmpdir(), 'drctl-bin-'));
      writeFileSync(path.join(bin, 'drctl'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
      chmodSync(path.join(bin, 'drctl'), 0o755);
      const shell = spawnSync('bash', ['-e', '-c', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, AWS_PROFILE: 'work-sso', NO_COLOR: '1' } });
      expect(shell.stderr).toBe('');
      expect(shell.status).toBe(0);
      expect(shell.stdout).toMatch(/^orders-db\s+aurora shop-orders: writer in us-east-1, available$/m);
    } finally {
      serve.interrupt();
      await serve.exit;
    }
  }, 120_000);
});

/** One GET with the Host header a probe sends (fetch() will not set it): the status, or the network error. */
function get(url: string, host?: string): Promise<number | string> {
  return new Promise((resolve) => {
    http
      .get(url, { agent: false, headers: host ? { host } : {} }, (answer) => {
        answer.resume();
        answer.on('end', () => resolve(answer.statusCode ?? 0));
      })
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

// `--request-log` used to crash the simulator on the first request to the application's endpoints (a
// service the AWS catalogue does not know): the shop failover's probe then hung until its timeout.
describe('drctl sim serve --request-log', () => {
  it("logs the application's requests as changing nothing, and keeps serving", async () => {
    const log = path.join(dir, 'requests.jsonl');
    const serve = start(['sim', 'serve', '--runbook', FAILOVER, '--request-log', log], { cwd: dir, timeoutMs: 60_000 });
    try {
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(await serve.waitFor(/listening on http/))?.[1] ?? '';
      const routeOf = `${endpoint}/drctl/probe-route?url=${encodeURIComponent('https://api.shop.example.com/health')}`;
      const route = (await (await fetch(routeOf)).json()) as { url: string; host: string };
      expect(await get(route.url, route.host)).toBe(200);
      expect(await get(routeOf)).toBe(200);
      const logged = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { service: string; mutating: boolean });
      expect(logged).toContainEqual(expect.objectContaining({ service: 'app', operation: 'HTTP 200', resource: 'api.shop.example.com', mutating: false }));
    } finally {
      serve.interrupt();
      await serve.exit;
    }
    expect(serve.stderr()).not.toContain('TypeError');
  }, 60_000);
});
