// The records route53.set-records UPSERTs: failover (PRIMARY/SECONDARY) or weighted record sets with a set
// identifier, holding values or an alias. The name and type come from the route53-record-set resource.
// The rules Route 53 would reject a batch for are checked here, so `drctl validate` reports them.
import * as z from 'zod';
import type { RecordSetView } from '../../core/services/route53';

const Alias = z.strictObject({
  hostedZoneId: z.string().min(1).meta({ description: 'The hosted zone of the alias target (e.g. the load balancer\'s).' }),
  dnsName: z.string().min(1),
  evaluateTargetHealth: z.boolean().optional().meta({ description: 'Defaults to true for failover records, which need it.' }),
});

export const RecordSpec = z
  .strictObject({
    setIdentifier: z.string().min(1).max(128).optional(),
    failover: z.enum(['PRIMARY', 'SECONDARY']).optional(),
    weight: z.number().int().min(0).max(255).optional(),
    ttl: z.number().int().min(0).max(2_147_483_647).optional().meta({ description: 'Seconds; defaults to 60 (health-checked records should stay at or below 60).' }),
    values: z.array(z.string().min(1)).min(1).optional(),
    alias: Alias.optional(),
    healthCheck: z.string().min(1).optional().meta({ description: 'The name of a route53-health-check resource guarding this record.' }),
    healthCheckId: z.string().min(1).optional(),
  })
  .superRefine((record, issues) => {
    const problem = (message: string) => issues.addIssue({ code: 'custom', message });
    if (Boolean(record.values) === Boolean(record.alias)) problem('needs exactly one of "values" or "alias"');
    if (record.alias && record.ttl !== undefined) problem('an alias record has no "ttl" (it uses the target\'s)');
    if (record.failover && record.weight !== undefined) problem('is either a failover record or a weighted one, not both');
    const routed = record.failover !== undefined || record.weight !== undefined;
    if (routed !== (record.setIdentifier !== undefined)) problem('"setIdentifier" goes with "failover" or "weight", and they need it');
    if (record.healthCheck && record.healthCheckId) problem('needs at most one of "healthCheck" or "healthCheckId"');
  });
export type RecordSpec = z.infer<typeof RecordSpec>;

/** Checks across the records of one step. */
export function checkRecordSet(records: readonly RecordSpec[], issues: z.RefinementCtx): void {
  const ids = records.map((record) => record.setIdentifier ?? '');
  if (new Set(ids).size !== ids.length) issues.addIssue({ code: 'custom', message: 'each record needs its own setIdentifier', path: ['records'] });
  const weightedTtls = new Set(records.filter((record) => record.weight !== undefined && !record.alias).map((record) => record.ttl ?? DEFAULT_TTL));
  if (weightedTtls.size > 1) issues.addIssue({ code: 'custom', message: 'all weighted records of a name and type need the same ttl', path: ['records'] });
  for (const role of ['PRIMARY', 'SECONDARY'] as const) {
    if (records.filter((record) => record.failover === role).length > 1) {
      issues.addIssue({ code: 'custom', message: `at most one ${role} failover record`, path: ['records'] });
    }
  }
}

const DEFAULT_TTL = 60;

export function withTrailingDot(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** DNS names compare case-insensitively; Route 53 answers with a trailing dot and octal escapes (\052 for *). */
function sameName(a: string, b: string): boolean {
  const normalise = (name: string) =>
    withTrailingDot(name.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))).toLowerCase();
  return normalise(a) === normalise(b);
}

export function toRecordSetView(spec: RecordSpec, name: string, type: string, healthCheckId: string | undefined): RecordSetView {
  return {
    name: withTrailingDot(name),
    type,
    setIdentifier: spec.setIdentifier,
    weight: spec.weight,
    failover: spec.failover,
    ttl: spec.alias ? undefined : (spec.ttl ?? DEFAULT_TTL),
    values: spec.values ?? [],
    aliasTarget: spec.alias
      ? {
          hostedZoneId: spec.alias.hostedZoneId,
          dnsName: withTrailingDot(spec.alias.dnsName),
          evaluateTargetHealth: spec.alias.evaluateTargetHealth ?? spec.failover !== undefined,
        }
      : undefined,
    healthCheckId,
  };
}

/** True when the record set already says what `desired` says. */
export function sameRecord(existing: RecordSetView, desired: RecordSetView): boolean {
  const sameValues = [...existing.values].sort().join('\n') === [...desired.values].sort().join('\n');
  const a = existing.aliasTarget;
  const b = desired.aliasTarget;
  const sameAlias =
    a === undefined || b === undefined
      ? a === b
      : a.hostedZoneId === b.hostedZoneId && sameName(a.dnsName, b.dnsName) && a.evaluateTargetHealth === b.evaluateTargetHealth;
  return (
    sameName(existing.name, desired.name) &&
    existing.type === desired.type &&
    (existing.setIdentifier ?? '') === (desired.setIdentifier ?? '') &&
    existing.weight === desired.weight &&
    existing.failover === desired.failover &&
    existing.ttl === desired.ttl &&
    sameValues &&
    sameAlias &&
    (existing.healthCheckId ?? '') === (desired.healthCheckId ?? '')
  );
}

/** A record set as the end-state read-backs compare it: its routing, target, ttl and health check. */
export function recordValue(record: RecordSetView): string {
  const routing = record.failover ? `${record.failover} ` : record.weight !== undefined ? `weight ${record.weight} ` : '';
  const target = record.aliasTarget ? `alias ${record.aliasTarget.dnsName}` : [...record.values].sort().join(', ');
  return `${routing}-> ${target}${record.ttl !== undefined ? ` ttl ${record.ttl}` : ''}${record.healthCheckId ? ` (health check ${record.healthCheckId})` : ''}`;
}

/** The one record set of a name, type and identifier: "api.shop.example.com. A [api-use1]". */
export function recordIdentity(record: Pick<RecordSetView, 'name' | 'type' | 'setIdentifier'>): string {
  return `${withTrailingDot(record.name).toLowerCase()} ${record.type}${record.setIdentifier ? ` [${record.setIdentifier}]` : ''}`;
}

export function describeRecord(record: RecordSetView): string {
  const routing = record.failover ? ` ${record.failover}` : record.weight !== undefined ? ` weight ${record.weight}` : '';
  const id = record.setIdentifier ? ` [${record.setIdentifier}]` : '';
  const target = record.aliasTarget ? `alias ${record.aliasTarget.dnsName}` : record.values.join(', ');
  return `${record.name} ${record.type}${id}${routing} -> ${target}${record.ttl !== undefined ? ` ttl ${record.ttl}` : ''}`;
}

/** The ResourceRecordSet as the API takes it, for the plan's list of calls. */
export function toApiRecordSet(record: RecordSetView): Record<string, unknown> {
  return {
    Name: record.name,
    Type: record.type,
    ...(record.setIdentifier === undefined ? {} : { SetIdentifier: record.setIdentifier }),
    ...(record.weight === undefined ? {} : { Weight: record.weight }),
    ...(record.failover === undefined ? {} : { Failover: record.failover }),
    ...(record.healthCheckId === undefined ? {} : { HealthCheckId: record.healthCheckId }),
    ...(record.aliasTarget
      ? {
          AliasTarget: {
            HostedZoneId: record.aliasTarget.hostedZoneId,
            DNSName: record.aliasTarget.dnsName,
            EvaluateTargetHealth: record.aliasTarget.evaluateTargetHealth,
          },
        }
      : { TTL: record.ttl, ResourceRecords: record.values.map((value) => ({ Value: value })) }),
  };
}

/** Two records of one failover role (two PRIMARY, or two SECONDARY) that an UPSERT would leave side by side. */
export interface FailoverClash {
  role: 'PRIMARY' | 'SECONDARY';
  /** Their set identifiers; `now` for a record Route 53 holds that the UPSERT does not replace. */
  records: Array<{ setIdentifier: string; now: boolean }>;
}

/**
 * What Route 53 would hold after UPSERTing `upserts` over `current` (a record is replaced by the one with
 * its set identifier), checked for a failover role held twice. Failover routing answers with one PRIMARY
 * and one SECONDARY per name and type; an UPSERT cannot delete, so records left from another region stay.
 */
export function failoverClash(current: readonly RecordSetView[], upserts: readonly RecordSetView[]): FailoverClash | undefined {
  const replaced = (record: RecordSetView) => upserts.some((upsert) => (upsert.setIdentifier ?? '') === (record.setIdentifier ?? '') && sameName(upsert.name, record.name) && upsert.type === record.type);
  const after = [...current.filter((record) => !replaced(record)).map((record) => ({ record, now: true })), ...upserts.map((record) => ({ record, now: false }))];
  for (const role of ['PRIMARY', 'SECONDARY'] as const) {
    const holders = after.filter(({ record }) => record.failover === role);
    if (holders.length > 1) return { role, records: holders.map(({ record, now }) => ({ setIdentifier: record.setIdentifier ?? '', now })) };
  }
  return undefined;
}
