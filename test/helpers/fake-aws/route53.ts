// A stateful Route 53: health checks with checker observations and a HealthCheckVersion that every
// update bumps (a stale version gets HealthCheckVersionMismatch), record sets per hosted zone, and
// changes that stay PENDING for `insyncAfterGets` GetChange calls (or until tick()).
import type { ChangeView, HealthCheckView, HealthObservationView, RecordChange, RecordSetView, Route53Port } from '../../../src/core/services/route53';
import { fakeAwsError, type FakeCore } from './core';

const CHECKER_REGIONS = ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];
const REGION = 'us-east-1';

export interface FakeHealthCheckSpec {
  id: string;
  healthy?: number;
  total?: number;
  inverted?: boolean;
  disabled?: boolean;
  version?: number;
  type?: string;
  requestIntervalSeconds?: number;
  failureThreshold?: number;
}

/** `healthy` of `total` checkers report Success, spread over the checker regions. */
export function observations(healthy: number, total: number): HealthObservationView[] {
  return Array.from({ length: total }, (_, i) => {
    const ok = i < healthy;
    return {
      region: CHECKER_REGIONS[i % CHECKER_REGIONS.length] ?? 'us-east-1',
      ipAddress: `15.177.0.${i + 1}`,
      status: ok ? 'Success: HTTP Status Code 200, OK' : 'Failure: Connection timed out. The endpoint or the internet connection is down',
      healthy: ok,
    };
  });
}

const sameName = (a: string, b: string) => (a.endsWith('.') ? a : `${a}.`).toLowerCase() === (b.endsWith('.') ? b : `${b}.`).toLowerCase();
const sameSet = (a: RecordSetView, b: RecordSetView) => sameName(a.name, b.name) && a.type === b.type && (a.setIdentifier ?? '') === (b.setIdentifier ?? '');

export class FakeRoute53 implements Route53Port {
  private readonly checks = new Map<string, { view: HealthCheckView; observations: HealthObservationView[] }>();
  private readonly zones = new Map<string, RecordSetView[]>();
  private readonly changes = new Map<string, { status: ChangeView['status']; gets: number }>();
  /** How many GetChange calls answer PENDING before INSYNC. */
  insyncAfterGets = 2;

  constructor(private readonly core: FakeCore) {}

  addHealthCheck(spec: FakeHealthCheckSpec): void {
    const view: HealthCheckView = {
      id: spec.id,
      version: spec.version ?? 1,
      type: spec.type ?? 'HTTPS',
      inverted: spec.inverted ?? false,
      disabled: spec.disabled ?? false,
      failureThreshold: spec.failureThreshold ?? 3,
      requestIntervalSeconds: spec.requestIntervalSeconds ?? 30,
      fqdn: `${spec.id}.example.com`,
    };
    this.checks.set(spec.id, { view, observations: observations(spec.healthy ?? 16, spec.total ?? 16) });
  }

  setCheckers(id: string, healthy: number, total = 16): void {
    this.check(id).observations = observations(healthy, total);
  }

  /** Someone else edits the health check (bumps its version). */
  editHealthCheck(id: string, change: { inverted?: boolean; disabled?: boolean } = {}): void {
    const check = this.check(id).view;
    Object.assign(check, change, { version: check.version + 1 });
  }

  healthCheck(id: string): HealthCheckView {
    return this.check(id).view;
  }

  addZone(zoneId: string, records: RecordSetView[] = []): void {
    this.zones.set(zoneId, [...records]);
  }

  records(zoneId: string): RecordSetView[] {
    return this.zones.get(zoneId) ?? [];
  }

  /** Every pending change becomes INSYNC. */
  tick(): void {
    for (const change of this.changes.values()) change.status = 'INSYNC';
  }

  private check(id: string) {
    const check = this.checks.get(id);
    if (!check) throw fakeAwsError('not-found', { service: 'route53', region: REGION, operation: 'GetHealthCheck' }, 'NoSuchHealthCheck');
    return check;
  }

  getHealthCheck(id: string): Promise<HealthCheckView> {
    return this.core.call('route53', REGION, 'GetHealthCheck', { HealthCheckId: id }, () => this.check(id).view);
  }

  listHealthChecks(): Promise<HealthCheckView[]> {
    return this.core.call('route53', REGION, 'ListHealthChecks', {}, () => [...this.checks.values()].map((check) => check.view));
  }

  getHealthCheckStatus(id: string): Promise<HealthObservationView[]> {
    return this.core.call('route53', REGION, 'GetHealthCheckStatus', { HealthCheckId: id }, () => this.check(id).observations);
  }

  updateHealthCheck(id: string, expectedVersion: number, change: { inverted?: boolean; disabled?: boolean }): Promise<HealthCheckView> {
    const params = { HealthCheckId: id, HealthCheckVersion: expectedVersion, ...change };
    return this.core.call('route53', REGION, 'UpdateHealthCheck', params, () => {
      const check = this.check(id).view;
      if (check.version !== expectedVersion) {
        throw fakeAwsError('version-mismatch', { service: 'route53', region: REGION, operation: 'UpdateHealthCheck' }, 'HealthCheckVersionMismatch');
      }
      Object.assign(check, change, { version: check.version + 1 });
      return check;
    });
  }

  listRecordSets(zoneId: string, name: string, type: string): Promise<RecordSetView[]> {
    return this.core.call('route53', REGION, 'ListResourceRecordSets', { HostedZoneId: zoneId, StartRecordName: name, StartRecordType: type }, () => {
      const zone = this.zones.get(zoneId);
      if (!zone) throw fakeAwsError('not-found', { service: 'route53', region: REGION, operation: 'ListResourceRecordSets' }, 'NoSuchHostedZone');
      return zone.filter((record) => sameName(record.name, name) && record.type === type);
    });
  }

  changeRecordSets(zoneId: string, changes: RecordChange[], comment?: string): Promise<ChangeView> {
    return this.core.call('route53', REGION, 'ChangeResourceRecordSets', { HostedZoneId: zoneId, changes, comment }, () => {
      const zone = this.zones.get(zoneId);
      if (!zone) throw fakeAwsError('not-found', { service: 'route53', region: REGION, operation: 'ChangeResourceRecordSets' }, 'NoSuchHostedZone');
      for (const { action, record } of changes) {
        const at = zone.findIndex((existing) => sameSet(existing, record));
        if (at >= 0 && action !== 'CREATE') zone.splice(at, 1);
        // Route 53 answers with fully qualified names.
        if (action !== 'DELETE') zone.push({ ...record, name: record.name.endsWith('.') ? record.name : `${record.name}.` });
      }
      const id = `C${String(this.changes.size + 1).padStart(12, '0')}`;
      this.changes.set(id, { status: 'PENDING', gets: 0 });
      return { id, status: 'PENDING' as const, submittedAt: new Date(this.core.now()) };
    });
  }

  getChange(id: string): Promise<ChangeView> {
    return this.core.call('route53', REGION, 'GetChange', { Id: id }, () => {
      const change = this.changes.get(id);
      if (!change) throw fakeAwsError('not-found', { service: 'route53', region: REGION, operation: 'GetChange' }, 'NoSuchChange');
      change.gets += 1;
      if (change.gets > this.insyncAfterGets) change.status = 'INSYNC';
      return { id, status: change.status };
    });
  }
}
