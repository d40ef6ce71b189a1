// The status and health tables: every line within 80 columns, flags said with their codes, and --watch
// redrawing in place on a terminal but appending elsewhere.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/core/io';
import type { HealthCheckReport } from '../../src/status/health';
import type { ResourceStatus, StatusReport } from '../../src/status/model';
import { healthText, healthView } from '../../src/ui/health-view';
import { createOutput } from '../../src/ui/output';
import { statusText, statusView, wrap } from '../../src/ui/status-view';
import { WatchScreen } from '../../src/ui/watch-screen';
import { plainStyle } from '../../src/core/style';

const AT = Date.UTC(2026, 10, 22, 3, 0, 0);

/** Streams that keep what was written to stdout; a terminal when `tty`. */
function io(tty: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  let written = '';
  stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const cli = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: '/' } as CliIO;
  return { cli, written: () => written };
}
const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

const orders: ResourceStatus = {
  name: 'orders-db', kind: 'aurora', id: 'shop-orders', status: 'available', writerRegion: 'us-east-1',
  members: [
    { id: 'shop-orders-use1', region: 'us-east-1', role: 'writer', status: 'available', instances: 2 },
    { id: 'shop-orders-usw2', region: 'us-west-2', role: 'reader', status: 'available', sync: 'connected', instances: 1, lag: { ms: 2_400, metric: 'AuroraGlobalDBRPOLag', missing: false } },
  ],
  flags: [{ code: 'lag-above-objective', blocking: true, region: 'us-west-2', message: 'shop-orders-usw2 in us-west-2: replication lag 2.4s is above the objective 1.0s' }],
  readyTargets: [], ready: false,
};
const sessions: ResourceStatus = {
  name: 'ldgnf-shop-sessions-with-a-very-long-name', kind: 'elasticache', id: 'ldgnf-shop-sessions-with-a-very-long-name', status: 'available', writerRegion: 'ap-southeast-2',
  members: [
    { id: 'shop-sessions-with-a-very-long-replication-group-name-apse2', region: 'ap-southeast-2', role: 'primary', status: 'available', sync: 'associated' },
    { id: 'shop-sessions-with-a-very-long-replication-group-name-use1', region: 'us-east-1', role: 'secondary', status: 'available', sync: 'associated', lag: { missing: true, metric: 'GlobalDatastoreReplicationLag' } },
  ],
  flags: [{ code: 'lag-unknown', blocking: false, region: 'us-east-1', message: 'no replication lag data' }],
  readyTargets: ['us-east-1'], ready: true,
};
const check: ResourceStatus = {
  name: 'api-west', kind: 'health-check', id: '0b1e7c42-west-4f6a-8c1d-api000000002', members: [], flags: [], readyTargets: [], ready: true,
  health: { healthy: true, reason: '16/16 checkers healthy (100%)', healthyCheckers: 16, totalCheckers: 16, inverted: false, disabled: false, endpoint: 'api.us-west-2.example.com' },
};
const report: StatusReport = { checkedAt: AT, lagObjective: { ms: 1_000, source: 'rpo' }, runbook: 'shop-region-failover', resources: [orders, sessions, check], skipped: ['api-dns'], notes: [] };

describe('status view', () => {
  const text = statusText(report, plainStyle, 80);

  it('fits 80 columns, long names and reasons included', () => {
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('RESOURCE / MEMBER');
  });

  it('shows each member row with region, role, status, sync and lag', () => {
    expect(text).toMatch(/^ {2}shop-orders-usw2\s+us-west-2\s+reader\s+available\s+connected\s+2\.4s$/m);
    expect(text).toMatch(/^orders-db\s+aurora shop-orders: writer in us-east-1, available$/m);
    expect(text).toMatch(/us-east-1\s+secondary\s+available\s+associated\s+no data$/m);
  });

  it('says why a resource is not ready, with the flag code, and what is ready', () => {
    expect(text).toContain('  not ready: shop-orders-usw2 in us-west-2: replication lag 2.4s is above the');
    expect(text).toContain('[lag-above-objective]');
    expect(text).toContain('  warning: no replication lag data [lag-unknown]');
    expect(text).toContain('  ready: can fail over to us-east-1');
    expect(text).toContain('1 of 2 ready for failover; 1 of 1 health checks healthy');
    expect(text).toContain('lag objective 1.0s (rpo)');
  });

  it('writes the report as one JSON document', () => {
    const { cli, written } = io(false);
    createOutput(cli, 'json').answer(statusView, report);
    expect(JSON.parse(written())).toMatchObject({ type: 'status', resources: [{ name: 'orders-db', ready: false }, {}, {}] });
  });

  it('wraps keeping the indent', () => {
    expect(wrap('  one two three four', 12, '    ')).toEqual(['  one two', '    three', '    four']);
  });
});

const health: HealthCheckReport = {
  id: '0b1e7c42-west-4f6a-8c1d-api000000002', type: 'HTTPS', endpoint: 'api.us-west-2.example.com', requestIntervalSeconds: 30, failureThreshold: 3,
  judgement: { healthy: false, healthyShare: 0.125, healthyCheckers: 2, totalCheckers: 16, inverted: false, disabled: false, reason: '2/16 checkers healthy (13%)' },
  regions: [
    { region: 'ap-southeast-2', healthy: 0, total: 2, checkedAt: AT, status: 'Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall.' },
    { region: 'us-east-1', healthy: 2, total: 2, checkedAt: AT, status: 'Success: HTTP Status Code 200, OK' },
  ],
  lastChange: { at: AT, basis: 'disagreeing' },
};

describe('health view', () => {
  it('fits 80 columns and shows the verdict, the config, the last change and each region', () => {
    const text = healthText([health], AT, plainStyle, 80);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('0b1e7c42-west-4f6a-8c1d-api000000002  UNHEALTHY  2/16 checkers healthy (13%)');
    expect(text).toContain('HTTPS api.us-west-2.example.com; checked every 30s, 3 in a row to change');
    expect(text).toContain('last change 2026-11-22T03:00:00Z (newest report that disagrees with the rest)');
    expect(text).toMatch(/ap-southeast-2\s+0\/2\s+03:00:00Z\s+Failure: Connection timed out\..*…$/m);
    expect(text).toContain('0 of 1 healthy');
  });

  it('writes JSON with the overall verdict', () => {
    const { cli, written } = io(false);
    createOutput(cli, 'json').answer(healthView, { reports: [health], checkedAt: AT });
    expect(JSON.parse(written())).toMatchObject({ type: 'health', checkedAt: AT, healthy: false, checks: [{ id: health.id }] });
  });
});

describe('--watch screen', () => {
  it('redraws in place on a terminal: cursor up over the last block, clear, draw', () => {
    const { cli, written } = io(true);
    const screen = new WatchScreen(cli, true);
    screen.show('a\nb\nc');
    screen.show('d\ne\nf');
    expect(written()).toBe('a\nb\nc\n\u001b[3A\u001b[0Jd\ne\nf\n');
  });

  it('prints one block per refresh otherwise', () => {
    const { cli, written } = io(false);
    const screen = new WatchScreen(cli, false);
    screen.show('a');
    screen.show('b');
    expect(written()).toBe('a\n\nb\n');
  });
});
