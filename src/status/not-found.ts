// A resource the operator named does not exist where drctl asked. The error says where it asked and, when
// the ports can list (an optional capability: `listGlobalClusterIds`, `listGlobalDatastoreIds`,
// `listHealthCheckIds`), what does exist there; otherwise it gives the AWS CLI command that lists them.
import type { AwsError } from '../aws/aws-error';
import type { AwsPorts } from '../aws/ports';
import { DrctlError, ExitCode } from '../errors';
import type { Resource } from '../runbook/schema';
import { didYouMean } from '../runbook/suggest';
import { idOf } from './model';

/** Listing calls a port may offer; src/aws does not implement them yet. */
export interface ListingPorts {
  listGlobalClusterIds?(region: string): Promise<string[]>;
  listGlobalDatastoreIds?(region: string): Promise<string[]>;
  listHealthCheckIds?(): Promise<string[]>;
}

const LABELS: Record<Resource['type'], string> = {
  'aurora-global': 'Aurora global cluster',
  'docdb-global': 'DocumentDB global cluster',
  'elasticache-global': 'ElastiCache global datastore',
  'route53-health-check': 'Route 53 health check',
  'route53-record-set': 'Route 53 record set',
};

function listerFor(ports: AwsPorts, resource: Resource, region: string): (() => Promise<string[]>) | undefined {
  const port = (service: keyof AwsPorts) => ports[service] as Partial<ListingPorts>;
  if (resource.type === 'aurora-global' || resource.type === 'docdb-global') {
    const rds = port(resource.type === 'aurora-global' ? 'rds' : 'docdb');
    return rds.listGlobalClusterIds && (() => rds.listGlobalClusterIds!(region));
  }
  if (resource.type === 'elasticache-global') {
    const elasticache = port('elasticache');
    return elasticache.listGlobalDatastoreIds && (() => elasticache.listGlobalDatastoreIds!(region));
  }
  const route53 = port('route53');
  return route53.listHealthCheckIds && (() => route53.listHealthCheckIds!());
}

function cliCommand(resource: Resource, region: string): string {
  switch (resource.type) {
    case 'aurora-global':
      return `aws rds describe-global-clusters --region ${region} --query "GlobalClusters[].GlobalClusterIdentifier"`;
    case 'docdb-global':
      return `aws docdb describe-global-clusters --region ${region} --query "GlobalClusters[].GlobalClusterIdentifier"`;
    case 'elasticache-global':
      return `aws elasticache describe-global-replication-groups --region ${region} --query "GlobalReplicationGroups[].GlobalReplicationGroupId"`;
    default:
      return 'aws route53 list-health-checks --query "HealthChecks[].[Id,HealthCheckConfig.FullyQualifiedDomainName]"';
  }
}

async function existing(ports: AwsPorts, resource: Resource, region: string): Promise<string[] | undefined> {
  const list = listerFor(ports, resource, region);
  if (!list) return undefined;
  try {
    return await list();
  } catch {
    return undefined; // the listing is a courtesy; the not-found is what matters
  }
}

/** `command` prefixes the stable code: status.not-found, health.not-found, failover.not-found. */
export async function notFoundError(command: 'status' | 'health' | 'failover', ports: AwsPorts, name: string, resource: Resource, regions: readonly string[], cause: AwsError): Promise<DrctlError> {
  const id = idOf(resource);
  const global = resource.type === 'route53-health-check';
  const region = regions[0] ?? cause.details.region;
  const where = global ? '' : ` in ${regions.length ? regions.join(', ') : region}`;
  const named = name === id ? '' : ` (resource "${name}")`;
  const found = await existing(ports, resource, region);
  const listing = found === undefined
    ? `List what exists with: ${cliCommand(resource, region)}.`
    : found.length
      ? `${didYouMean(id, found) ?? ''} ${global ? 'Health checks' : `In ${region}`}: ${found.join(', ')}.`.trim()
      : `There is none${global ? '' : ` in ${region}`}.`;
  const account = global ? 'Check the id and the account (--profile).' : 'Check the id, --region (or the resource\'s regions) and the account (--profile).';
  return new DrctlError(`${command}.not-found`, `${LABELS[resource.type]} ${id}${named} was not found${where}`, `${listing} ${account}`, {
    exitCode: ExitCode.invalidInput,
    cause,
  });
}
