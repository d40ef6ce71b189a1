// A healthy two-region world derived from a runbook's resources, so `--sim` works with no world file:
// every global cluster and datastore gets a writer in its first region and a secondary in each other one;
// each health check watches its region's endpoint; each record set gets a PRIMARY/SECONDARY failover pair
// in the runbook's two regions (a CNAME, the name applications use for a writer, one simple record).
// ARC: each cluster serves its routing controls from its endpoints' regions, the control of the primary
// region On and the others Off, with an ASSERTION rule that one stays On; each control with a region gets
// a RECOVERY_CONTROL health check, which a region's failover record uses when it has no endpoint check.
// Alarms and HTTP endpoints become the application's, which needs every writer and is reached through the
// first record set's name.
import type { Resource } from '../core/resources';
import { WorldDocument, type WorldSpec, type WorldSpecInput } from './world-spec';
import { regionShortName } from '../core/regions';
import { WORLD_PARTS } from './catalogue';
import type { GenerateContext } from './world-part';

export interface GenerateOptions {
  seed?: number;
  primaryRegion?: string;
  secondaryRegion?: string;
  name?: string;
}

type Body = NonNullable<WorldSpecInput['spec']>;
type ZoneInput = NonNullable<Body['hostedZones']>[number];
type RecordInput = NonNullable<ZoneInput['records']>[number];

/** ElastiCache prefixes global datastore ids with five letters and a hyphen; the groups use the rest. */
function datastoreBaseName(id: string): string {
  return /^[a-z]{5}-./.test(id) ? id.slice(6) : id;
}

function recordValues(type: string, label: string, region: string, primary: boolean): string[] {
  switch (type) {
    case 'A':
      return [primary ? '192.0.2.10' : '198.51.100.10'];
    case 'AAAA':
      return [primary ? '2001:db8::10' : '2001:db8::20'];
    case 'TXT':
      return [`"${region}"`];
    default:
      return [`${label}.${region}.example.com`];
  }
}

/**
 * The two regions of a world without hints of its own: the runbook's, read from the first resource that
 * names two regions, else from its health checks' regions, else us-east-1 and us-west-2. A European
 * runbook gets a European world: its DNS records and checks must not sit in regions it never uses.
 */
function runbookRegions(resources: Record<string, Resource>): [string, string] | undefined {
  const all = Object.values(resources);
  for (const resource of all) {
    const [first, second] = 'regions' in resource ? (resource.regions ?? []) : [];
    if (first && second) return [first, second];
  }
  const checked = [...new Set(all.flatMap((resource) => (resource.type === 'route53-health-check' && resource.region ? [resource.region] : [])))];
  const [first, second] = checked;
  return first && second ? [first, second] : undefined;
}

export function generateWorld(resources: Record<string, Resource>, options: GenerateOptions = {}): WorldSpec {
  const found = runbookRegions(resources);
  const primary = options.primaryRegion ?? found?.[0] ?? 'us-east-1';
  const secondary = options.secondaryRegion ?? (found && found[1] !== primary ? found[1] : primary === 'us-west-2' ? 'us-east-1' : 'us-west-2');
  const body: Body & Required<Pick<Body, 'aurora' | 'docdb' | 'elasticache' | 'healthChecks' | 'hostedZones' | 'applications'>> = {
    seed: options.seed ?? 1,
    aurora: [],
    docdb: [],
    elasticache: [],
    healthChecks: [],
    hostedZones: [],
    applications: [],
  };
  const regionsOf = (hint: string[] | undefined) => (hint && hint.length > 0 ? hint : [primary, secondary]);
  const checksByRegion = new Map<string, string>();

  for (const [name, resource] of Object.entries(resources)) {
    switch (resource.type) {
      case 'aurora-global':
      case 'docdb-global': {
        const clusters = regionsOf(resource.regions).map((region, index) => ({
          id: `${resource.globalClusterId}-${regionShortName(region)}`,
          region,
          writer: index === 0,
          instances: index === 0 ? 2 : 1,
        }));
        body[resource.type === 'aurora-global' ? 'aurora' : 'docdb'].push({ globalClusterId: resource.globalClusterId, clusters });
        break;
      }
      case 'elasticache-global': {
        const base = datastoreBaseName(resource.globalReplicationGroupId);
        const replicationGroups = regionsOf(resource.regions).map((region, index) => ({
          id: `${base}-${regionShortName(region)}`,
          region,
          primary: index === 0,
        }));
        body.elasticache.push({ globalReplicationGroupId: resource.globalReplicationGroupId, replicationGroups });
        break;
      }
      case 'route53-health-check': {
        const region = resource.region ?? primary;
        body.healthChecks.push({ id: resource.healthCheckId, region, fqdn: `${name}.${region}.example.com` });
        if (!checksByRegion.has(region)) checksByRegion.set(region, resource.healthCheckId);
        break;
      }
      case 'route53-record-set':
      case 'arc-cluster':
      case 'arc-routing-control':
      case 'cloudwatch-alarm':
      case 'http-endpoint':
        break;
    }
  }
  // Each world part's entries (src/sim/catalogue.ts); the health checks they add can serve a region's records.
  const context: GenerateContext = {
    primary,
    secondary,
    addHealthCheck(check, forRecordsOf) {
      body.healthChecks.push(check);
      if (forRecordsOf && !checksByRegion.has(forRecordsOf)) checksByRegion.set(forRecordsOf, check.id);
    },
  };
  const parts = Object.fromEntries(WORLD_PARTS.map((part) => [part.key, part.generate?.(resources, context) ?? []]));
  body.applications.push(...applicationOf(Object.values(resources)));

  for (const resource of Object.values(resources)) {
    if (resource.type !== 'route53-record-set') continue;
    const zoneId = resource.hostedZoneId.replace(/^\/?hostedzone\//, '');
    const fqdn = resource.name.endsWith('.') ? resource.name : `${resource.name}.`;
    const labels = fqdn.split('.').filter(Boolean);
    const label = labels[0] ?? 'app';
    let zone = body.hostedZones.find((candidate) => candidate.id === zoneId);
    if (!zone) {
      zone = { id: zoneId, name: `${(labels.length > 2 ? labels.slice(1) : labels).join('.')}.`, records: [] };
      body.hostedZones.push(zone);
    }
    if (resource.recordType === 'CNAME') {
      // A name applications connect through (a private zone's CNAME to a writer): one simple record.
      zone.records?.push({ name: fqdn, type: 'CNAME', ttl: 60, values: recordValues('CNAME', label, primary, true) });
      continue;
    }
    const pair: RecordInput[] = [primary, secondary].map((region, index) => ({
      name: fqdn,
      type: resource.recordType,
      setIdentifier: `${label}-${regionShortName(region)}`,
      failover: index === 0 ? 'PRIMARY' : 'SECONDARY',
      ttl: 60,
      values: recordValues(resource.recordType, label, region, index === 0),
      healthCheckId: checksByRegion.get(region),
    }));
    zone.records?.push(...pair);
  }

  return WorldDocument.parse({
    apiVersion: 'drctl/v1',
    kind: 'SimWorld',
    metadata: { name: options.name ?? 'generated', description: 'Generated from a runbook: a healthy two-region world.' },
    spec: { ...body, ...parts },
  });
}

type ApplicationInput = NonNullable<Body['applications']>[number];

/** The application behind the runbook's alarms and endpoints, if it declares any. */
function applicationOf(resources: readonly Resource[]): ApplicationInput[] {
  const alarms = resources.flatMap((resource) => (resource.type === 'cloudwatch-alarm' ? [{ name: resource.alarmName, region: resource.region }] : []));
  const endpoints = resources.flatMap((resource) => (resource.type === 'http-endpoint' ? [{ host: new URL(resource.url).hostname, ...(resource.region ? { region: resource.region } : {}) }] : []));
  if (alarms.length === 0 && endpoints.length === 0) return [];
  // The name clients resolve: the one its probes ask for, else an address record (a CNAME is usually a
  // private name for a data store, not the application's).
  const records = resources.flatMap((resource) => (resource.type === 'route53-record-set' ? [resource] : []));
  const normal = (name: string) => name.toLowerCase().replace(/\.$/, '');
  const probed = new Set(endpoints.filter((endpoint) => !endpoint.region).map((endpoint) => normal(endpoint.host)));
  const record = records.find((candidate) => probed.has(normal(candidate.name))) ?? records.find((candidate) => candidate.recordType !== 'CNAME') ?? records[0];
  const dnsName = record?.name;
  const labels = dnsName?.split('.').filter(Boolean) ?? [];
  return [{ name: labels.length > 2 ? labels[1]! : (labels[0] ?? 'app'), ...(dnsName ? { dnsName } : {}), endpoints, alarms }];
}
