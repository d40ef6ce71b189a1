// The end state read back without drctl: the AWS SDK's own clients straight at the simulator, as an
// independent witness (the AWS CLI would do as well: `aws rds describe-global-clusters --endpoint-url`).
// A planned shop failover leaves every writer in us-west-2 and the east health check inverted.
import { DescribeGlobalClustersCommand as DocdbDescribe, DocDBClient } from '@aws-sdk/client-docdb';
import { DescribeGlobalReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { DescribeGlobalClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetHealthCheckCommand, Route53Client } from '@aws-sdk/client-route-53';

const credentials = { accessKeyId: 'AKIDSIM', secretAccessKey: 'sim' };
const TARGET = 'us-west-2';
export const EAST_HEALTH_CHECK = '5f1c8e0a-east-4a3b-9d2e-api000000001';

interface Member {
  DBClusterArn?: string;
  IsWriter?: boolean;
}

const regionOfArn = (arn: string | undefined) => arn?.split(':')[3];

async function writerRegion(send: () => Promise<{ GlobalClusters?: Array<{ GlobalClusterMembers?: Member[] }> }>): Promise<string | undefined> {
  const { GlobalClusters } = await send();
  return regionOfArn(GlobalClusters?.[0]?.GlobalClusterMembers?.find((member) => member.IsWriter)?.DBClusterArn);
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
    return problems;
  } finally {
    for (const client of [rds, docdb, elasticache, route53]) client.destroy();
  }
}
