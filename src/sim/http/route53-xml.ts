// Route 53 shapes on the wire (restXml, namespace 2013-04-01), both ways: health checks and record sets
// out, UpdateHealthCheckRequest and ChangeResourceRecordSetsRequest in.
import { faults } from '../sim-fault';
import type { RecordChangeRequest } from '../world-dns';
import type { HealthCheckUpdate, Observation } from '../world-health-checks';
import type { HealthCheck, RecordSet } from '../world-state';
import { child, childText, children, parseXml, type XmlNode, type XmlObject, xmlList } from './xml';

export const ROUTE53_NAMESPACE = 'https://route53.amazonaws.com/doc/2013-04-01/';

export function healthCheckXml(check: HealthCheck): XmlObject {
  const settings = check.settings[check.settings.length - 1];
  return {
    Id: check.id,
    CallerReference: check.callerReference,
    HealthCheckConfig: {
      Port: check.port,
      Type: check.type,
      ResourcePath: check.type === 'TCP' ? undefined : check.resourcePath,
      FullyQualifiedDomainName: check.fqdn,
      RoutingControlArn: check.routingControlArn,
      RequestInterval: check.requestIntervalSeconds,
      FailureThreshold: check.failureThreshold,
      MeasureLatency: false,
      Inverted: settings?.inverted ?? false,
      Disabled: settings?.disabled ?? false,
      EnableSNI: check.type.startsWith('HTTPS'),
      Regions: xmlList('Region', check.checkerRegions),
    },
    HealthCheckVersion: check.version,
  };
}

export function observationXml(observation: Observation): XmlObject {
  return {
    Region: observation.region,
    IPAddress: observation.ipAddress,
    StatusReport: { Status: observation.status, CheckedTime: new Date(observation.checkedAt) },
  };
}

export function recordSetXml(record: RecordSet): XmlObject {
  return {
    Name: record.name,
    Type: record.type,
    SetIdentifier: record.setIdentifier,
    Weight: record.weight,
    Region: record.region,
    Failover: record.failover,
    TTL: record.aliasTarget ? undefined : record.ttl,
    ResourceRecords: record.aliasTarget ? undefined : xmlList('ResourceRecord', record.values.map((value) => ({ Value: value }))),
    AliasTarget: record.aliasTarget && {
      HostedZoneId: record.aliasTarget.hostedZoneId,
      DNSName: record.aliasTarget.dnsName,
      EvaluateTargetHealth: record.aliasTarget.evaluateTargetHealth,
    },
    HealthCheckId: record.healthCheckId,
  };
}

function parseBody(body: string, root: string): XmlNode {
  let document: XmlNode;
  try {
    document = parseXml(body);
  } catch (error) {
    throw faults.invalidInput(`Could not parse the request body: ${(error as Error).message}`);
  }
  const node = child(document, root);
  if (!node) throw faults.invalidInput(`The request body must be a <${root}> document.`);
  return node;
}

function optionalInt(node: XmlNode | undefined, name: string): number | undefined {
  const text = childText(node, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw faults.invalidInput(`Invalid value for ${name}: ${text}`);
  return value;
}

function optionalBool(node: XmlNode | undefined, name: string): boolean | undefined {
  const text = childText(node, name);
  return text === undefined ? undefined : text === 'true';
}

export function parseHealthCheckUpdate(body: string): HealthCheckUpdate {
  const node = parseBody(body, 'UpdateHealthCheckRequest');
  const regions = child(node, 'Regions');
  return {
    version: optionalInt(node, 'HealthCheckVersion'),
    inverted: optionalBool(node, 'Inverted'),
    disabled: optionalBool(node, 'Disabled'),
    failureThreshold: optionalInt(node, 'FailureThreshold'),
    fqdn: childText(node, 'FullyQualifiedDomainName'),
    port: optionalInt(node, 'Port'),
    resourcePath: childText(node, 'ResourcePath'),
    checkerRegions: regions ? children(regions, 'Region').map((region) => region.text.trim()) : undefined,
  };
}

function parseRecord(node: XmlNode | undefined): RecordSet {
  const name = childText(node, 'Name');
  const type = childText(node, 'Type');
  if (!node || !name || !type) throw faults.invalidInput('Each change needs a ResourceRecordSet with a Name and a Type.');
  const alias = child(node, 'AliasTarget');
  const failover = childText(node, 'Failover');
  return {
    name,
    type,
    setIdentifier: childText(node, 'SetIdentifier'),
    weight: optionalInt(node, 'Weight'),
    region: childText(node, 'Region'),
    failover: failover === 'PRIMARY' || failover === 'SECONDARY' ? failover : undefined,
    ttl: optionalInt(node, 'TTL'),
    values: children(child(node, 'ResourceRecords'), 'ResourceRecord').map((record) => childText(record, 'Value') ?? ''),
    aliasTarget: alias && {
      hostedZoneId: (childText(alias, 'HostedZoneId') ?? '').replace(/^\/?hostedzone\//, ''),
      dnsName: childText(alias, 'DNSName') ?? '',
      evaluateTargetHealth: optionalBool(alias, 'EvaluateTargetHealth') ?? false,
    },
    healthCheckId: childText(node, 'HealthCheckId'),
  };
}

export function parseChangeBatch(body: string): { comment?: string; changes: RecordChangeRequest[] } {
  const batch = child(parseBody(body, 'ChangeResourceRecordSetsRequest'), 'ChangeBatch');
  const changes = children(child(batch, 'Changes'), 'Change').map((change) => ({
    action: childText(change, 'Action') ?? '',
    record: parseRecord(child(change, 'ResourceRecordSet')),
  }));
  if (changes.length === 0) throw faults.invalidInput('The ChangeBatch must contain at least one Change.');
  return { comment: childText(batch, 'Comment'), changes };
}
