// The end state read back without drctl: the AWS SDK's own clients straight at the simulator, as an
// independent witness (the AWS CLI would do as well: `aws rds describe-global-clusters --endpoint-url`).
// A planned shop failover leaves every writer in us-west-2, the east health check inverted, and the names
// the apps use (catalog.shop.internal, sessions.shop.internal) pointing to the new writers' endpoints.
import { DescribeDBClustersCommand, DescribeGlobalClustersCommand as DocdbDescribe, DocDBClient } from '@aws-sdk/client-docdb';
import { DescribeGlobalReplicationGroupsCommand, DescribeReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { DescribeGlobalClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetHealthCheckCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';

const credentials = { accessKeyId: 'AKIDSIM', secretAccessKey: 'sim' };
const TARGET = 'us-west-2';
export const EAST_HEALTH_CHECK = '5f1c8e0a-east-4a3b-9d2e-api000000001';
export const INTERNAL_ZONE = 'Z0SHOPINTERNAL';

interface Member {
  DBClusterArn?: string;
  IsWriter?: boolean;
}

const regionOfArn = (arn: string | undefined) => arn?.split(':')[3];

async function writerRegion(send: () => Promise<{ GlobalClusters?: Array<{ GlobalClusterMembers?: Member[] }> }>): Promise<string | undefined> {
  return regionOfArn(await writerArn(send));
}

async function writerArn(send: () => Promise<{ GlobalClusters?: Array<{ GlobalClusterMembers?: Member[] }> }>): Promise<string | undefined> {
  const { GlobalClusters } = await send();
  return GlobalClusters?.[0]?.GlobalClusterMembers?.find((member) => member.IsWriter)?.DBClusterArn;
}

const withoutDot = (name: string | undefined) => name?.replace(/\.$/, '');

/** What each name in the shop's private zone points to now. */
async function cnames(route53: Route53Client): Promise<Map<string, string | undefined>> {
  const { ResourceRecordSets } = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: INTERNAL_ZONE }));
  return new Map((ResourceRecordSets ?? []).filter((set) => set.Type === 'CNAME').map((set) => [withoutDot(set.Name) ?? '', withoutDot(set.ResourceRecords?.[0]?.Value)]));
}

/** The names the apps use point to the new writers' endpoints, as AWS describes them in us-west-2. */
async function namesProblems(docdb: DocDBClient, elasticache: ElastiCacheClient, route53: Route53Client, sessionsGroup: string | undefined): Promise<string[]> {
  const catalogArn = await writerArn(() => docdb.send(new DocdbDescribe({ GlobalClusterIdentifier: 'shop-catalog' })));
  const catalog = catalogArn ? (await docdb.send(new DescribeDBClustersCommand({ DBClusterIdentifier: catalogArn }))).DBClusters?.[0]?.Endpoint : undefined;
  const group = sessionsGroup ? (await elasticache.send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: sessionsGroup }))).ReplicationGroups?.[0] : undefined;
  const sessions = group?.ConfigurationEndpoint?.Address ?? group?.NodeGroups?.[0]?.PrimaryEndpoint?.Address;
  const names = await cnames(route53);
  const problems: string[] = [];
  if (!catalog || names.get('catalog.shop.internal') !== withoutDot(catalog)) problems.push(`catalog.shop.internal points to ${names.get('catalog.shop.internal') ?? 'nothing'}, not ${catalog ?? 'the new writer'}`);
  if (!sessions || names.get('sessions.shop.internal') !== withoutDot(sessions)) problems.push(`sessions.shop.internal points to ${names.get('sessions.shop.internal') ?? 'nothing'}, not ${sessions ?? 'the new primary'}`);
  return problems;
}

/** Each wrong fact about the end state, in words; empty when the failover landed. */
export async function endStateProblems(endpoint: string): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = { endpoint, region: TARGET, credentials, maxAttempts: 5 };
  const rds = new RDSClient(config);
  const docdb = new DocDBClient(config);
  const elasticache = new ElastiCacheClient(config);
  const route53 = new Route53Client({ ...config, region: 'us-east-1' });
  try {
    const [orders, catalog, sessions, east] = await Promise.all([
      writerRegion(() => rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }))),
      writerRegion(() => docdb.send(new DocdbDescribe({ GlobalClusterIdentifier: 'shop-catalog' }))),
      elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: 'ldgnf-shop-sessions', ShowMemberInfo: true })),
      route53.send(new GetHealthCheckCommand({ HealthCheckId: EAST_HEALTH_CHECK })),
    ]);
    const datastore = sessions.GlobalReplicationGroups?.[0];
    const primary = datastore?.Members?.find((member) => member.Role?.toUpperCase() === 'PRIMARY')?.ReplicationGroupRegion;
    const problems: string[] = [];
    if (orders !== TARGET) problems.push(`shop-orders writer in ${orders ?? 'no region'}`);
    if (catalog !== TARGET) problems.push(`shop-catalog writer in ${catalog ?? 'no region'}`);
    if (primary !== TARGET || datastore?.Status !== 'available') problems.push(`ldgnf-shop-sessions primary in ${primary ?? 'no region'} (${datastore?.Status ?? '?'})`);
    if (east.HealthCheck?.HealthCheckConfig?.Inverted !== true) problems.push('the east health check is not inverted (traffic not drained)');
    problems.push(...(await namesProblems(docdb, elasticache, route53, primary === TARGET ? datastore?.Members?.find((member) => member.Role?.toUpperCase() === 'PRIMARY')?.ReplicationGroupId : undefined)));
    return problems;
  } finally {
    for (const client of [rds, docdb, elasticache, route53]) client.destroy();
  }
}
