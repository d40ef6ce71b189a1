// Route 53 hosted zones and record changes. A change batch is checked as a whole and applied at once (the
// API shows the new records immediately); the change itself stays PENDING until it has propagated to the
// name servers (dnsChange duration), then is INSYNC, and only from then do the name servers answer with
// it (`served`, what world-resolution.ts resolves names from).
import { seededUnit } from './random';
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import type { HealthChecks } from './world-health-checks';
import type { HostedZoneSpec } from './world-spec';
import type { DnsChange, HostedZone, RecordSet } from './world-state';

export interface RecordChangeRequest {
  action: string;
  record: RecordSet;
}

/** Route 53 answers names fully qualified, lower-case, with a trailing dot. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

const sameRecord = (a: RecordSet, b: RecordSet) =>
  a.name === b.name && a.type === b.type && (a.setIdentifier ?? '') === (b.setIdentifier ?? '');

const describe = (record: RecordSet) =>
  `[name='${record.name}', type='${record.type}'${record.setIdentifier ? `, set-identifier='${record.setIdentifier}'` : ''}]`;

/** Route 53 lists records by name with labels reversed (com.example.api), then type, then identifier. */
export function recordOrder(record: Pick<RecordSet, 'name' | 'type' | 'setIdentifier'>): string {
  return [record.name.split('.').reverse().join('.'), record.type, record.setIdentifier ?? ''].join('\u0000');
}

export class HostedZones {
  readonly zones = new Map<string, HostedZone>();
  readonly changes = new Map<string, DnsChange>();

  constructor(
    private readonly core: WorldCore,
    private readonly healthChecks: HealthChecks,
  ) {}

  add(spec: HostedZoneSpec): void {
    const records = spec.records.map((record) => ({ ...record, name: normalizeName(record.name) }));
    this.zones.set(spec.id, { id: spec.id, name: normalizeName(spec.name), records, served: [{ from: -Infinity, records }] });
  }

  zone(id: string): HostedZone {
    const zone = this.zones.get(id);
    if (!zone) throw faults.noSuchHostedZone(id);
    return zone;
  }

  change(id: string): DnsChange & { status: 'PENDING' | 'INSYNC' } {
    const change = this.changes.get(id);
    if (!change) throw faults.noSuchChange(id);
    return { ...change, status: this.core.now() >= change.insyncAt ? 'INSYNC' : 'PENDING' };
  }

  /** ChangeResourceRecordSets: all or nothing, like Route 53. */
  apply(zoneId: string, requests: RecordChangeRequest[], comment?: string): DnsChange {
    const zone = this.zone(zoneId);
    const records = [...zone.records];
    const problems: string[] = [];
    for (const { action, record: raw } of requests) {
      const record = { ...raw, name: normalizeName(raw.name) };
      if (record.healthCheckId) this.healthChecks.check(record.healthCheckId);
      if (record.name !== zone.name && !record.name.endsWith(`.${zone.name}`)) {
        problems.push(`RRSet with DNS name ${record.name} is not permitted in zone ${zone.name}`);
        continue;
      }
      if ((record.failover || record.weight !== undefined) && !record.setIdentifier) {
        problems.push(`Invalid request: Missing field 'SetIdentifier' in Change with [Action=${action}, Name=${record.name}, Type=${record.type}]`);
        continue;
      }
      const index = records.findIndex((existing) => sameRecord(existing, record));
      if (action === 'CREATE' && index >= 0) problems.push(`Tried to create resource record set ${describe(record)} but it already exists`);
      else if (action === 'DELETE' && index < 0) problems.push(`Tried to delete resource record set ${describe(record)} but it was not found`);
      else if (action === 'DELETE') records.splice(index, 1);
      else if (action === 'CREATE' || action === 'UPSERT') {
        if (index >= 0) records[index] = record;
        else records.push(record);
      } else {
        throw faults.invalidInput(`Invalid XML ; cvc-enumeration-valid: Value '${action}' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'.`);
      }
    }
    if (problems.length > 0) throw faults.invalidChangeBatch(problems);
    zone.records = records;
    const change = this.track(zone, comment);
    // Served once in sync, never before an earlier change (each batch builds on the one before).
    zone.served.push({ from: Math.max(change.insyncAt, zone.served.at(-1)?.from ?? -Infinity), records });
    return change;
  }

  /** The records the name servers answer from at `time`. */
  servedAt(zone: HostedZone, time: number): RecordSet[] {
    let current = zone.served[0]?.records ?? [];
    for (const version of zone.served) if (version.from <= time) current = version.records;
    return current;
  }

  private track(zone: HostedZone, comment: string | undefined): DnsChange {
    const submittedAt = this.core.now();
    const id = `C${Math.floor(seededUnit(this.core.seed, 'change', this.changes.size) * 36 ** 12).toString(36).toUpperCase().padStart(12, '0')}`;
    const change: DnsChange = { id, comment, submittedAt, insyncAt: submittedAt + this.core.drawDuration('dnsChange', zone.id) };
    this.changes.set(id, change);
    // Route 53's control plane lives in us-east-1, where the SDK signs its requests.
    const record = this.core.beginOperation({
      service: 'route53',
      region: 'us-east-1',
      operation: 'ChangeResourceRecordSets',
      resource: zone.id,
      target: id,
    });
    this.core.schedule(change.insyncAt, () => this.core.finish(record, 'completed'));
    return change;
  }

  /** ListResourceRecordSets from (name, type, identifier) on, in Route 53's order. */
  list(zoneId: string, from: { name?: string; type?: string; identifier?: string }): RecordSet[] {
    const zone = this.zone(zoneId);
    const sorted = [...zone.records].sort((a, b) => (recordOrder(a) < recordOrder(b) ? -1 : recordOrder(a) > recordOrder(b) ? 1 : 0));
    if (!from.name) return sorted;
    const start = recordOrder({ name: normalizeName(from.name), type: from.type ?? '', setIdentifier: from.identifier });
    return sorted.filter((record) => recordOrder(record) >= start);
  }
}
