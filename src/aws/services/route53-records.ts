// Route 53 record sets between drctl's RecordSetView and the SDK's ResourceRecordSet, and the id forms
// Route 53 uses ("/change/C123" in answers, "C123" on the wire).
import type { ChangeInfo, ResourceRecordSet, ResourceRecordSetRegion, RRType } from '@aws-sdk/client-route-53';
import type { ChangeView, RecordChange, RecordSetView } from '../../core/services/route53';

export function toResourceRecordSet(record: RecordSetView): ResourceRecordSet {
  const alias = record.aliasTarget;
  return {
    Name: record.name,
    Type: record.type as RRType,
    ...(record.setIdentifier === undefined ? {} : { SetIdentifier: record.setIdentifier }),
    ...(record.weight === undefined ? {} : { Weight: record.weight }),
    ...(record.failover === undefined ? {} : { Failover: record.failover }),
    ...(record.region === undefined ? {} : { Region: record.region as ResourceRecordSetRegion }),
    ...(record.healthCheckId === undefined ? {} : { HealthCheckId: record.healthCheckId }),
    // An alias record has neither TTL nor values: Route 53 rejects the batch if either is present.
    ...(alias
      ? {
          AliasTarget: {
            HostedZoneId: alias.hostedZoneId,
            DNSName: alias.dnsName,
            EvaluateTargetHealth: alias.evaluateTargetHealth,
          },
        }
      : {
          ...(record.ttl === undefined ? {} : { TTL: record.ttl }),
          ResourceRecords: record.values.map((value) => ({ Value: value })),
        }),
  };
}

export function toRecordSetView(record: ResourceRecordSet): RecordSetView {
  const alias = record.AliasTarget;
  const failover = record.Failover === 'PRIMARY' || record.Failover === 'SECONDARY' ? record.Failover : undefined;
  return {
    name: record.Name ?? '',
    type: record.Type ?? '',
    setIdentifier: record.SetIdentifier,
    weight: record.Weight,
    failover,
    region: record.Region,
    ttl: record.TTL,
    values: (record.ResourceRecords ?? []).flatMap((r) => (r.Value === undefined ? [] : [r.Value])),
    aliasTarget: alias
      ? {
          hostedZoneId: alias.HostedZoneId ?? '',
          dnsName: alias.DNSName ?? '',
          evaluateTargetHealth: alias.EvaluateTargetHealth ?? false,
        }
      : undefined,
    healthCheckId: record.HealthCheckId,
  };
}

export function toChanges(changes: RecordChange[]): Array<{ Action: RecordChange['action']; ResourceRecordSet: ResourceRecordSet }> {
  return changes.map((change) => ({ Action: change.action, ResourceRecordSet: toResourceRecordSet(change.record) }));
}

export function toChangeView(info: ChangeInfo): ChangeView {
  return {
    id: bareId(info.Id ?? '', 'change'),
    // Anything but INSYNC is still propagating.
    status: info.Status === 'INSYNC' ? 'INSYNC' : 'PENDING',
    submittedAt: info.SubmittedAt,
  };
}

/**
 * "/change/C123" -> "C123", "/hostedzone/Z1" -> "Z1". The SDK's route53 middleware strips these prefixes
 * too, but drctl normalises first so the journal, the views and the request all use one form.
 */
export function bareId(id: string, kind: 'change' | 'hostedzone'): string {
  const prefix = `/${kind}/`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/**
 * DNS names compare case-insensitively; Route 53 answers with a trailing dot and escapes some characters
 * as octal (a wildcard comes back as "\052.example.com.").
 */
export function sameDnsName(a: string, b: string): boolean {
  const normalise = (name: string) => {
    const unescaped = name.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    return (unescaped.endsWith('.') ? unescaped : `${unescaped}.`).toLowerCase();
  };
  return normalise(a) === normalise(b);
}
