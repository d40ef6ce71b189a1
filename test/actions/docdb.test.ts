// DocumentDB runs the same implementation as Aurora; these tests pin down where it differs.
import { describe, expect, it } from 'vitest';
import { globalClusterFamily } from '../../src/actions/global-cluster/family';
import { actionNamed, runAction } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const switchover = actionNamed(globalClusterFamily.actions, 'docdb.switchover');
const failover = actionNamed(globalClusterFamily.actions, 'docdb.failover');
const detach = actionNamed(globalClusterFamily.actions, 'docdb.detach');
const params = { resource: 'catalog-db', to: 'us-west-2' };

describe('docdb actions', () => {
  it('switch over through the docdb client, to the primary\'s region, with DocumentDB\'s slower estimate', async () => {
    const ctx = fakeShop();
    const run = await runAction(switchover, ctx, params);
    expect(run.plan.estimateMs).toBe(180_000);
    expect(switchover.defaultTimeoutMs).toBe(20 * 60_000);
    expect(ctx.aws.mutatingCalls().map((c) => [c.service, c.operation, c.region])).toEqual([['docdb', 'SwitchoverGlobalCluster', 'us-east-1']]);
    expect(ctx.aws.calls.every((c) => c.service === 'docdb' || c.service === 'cloudwatch')).toBe(true);
  });

  it('has no global writer endpoint: outputs the new writer\'s cluster endpoint only', async () => {
    const ctx = fakeShop();
    const run = await runAction(switchover, ctx, params);
    expect(run.outputs).toEqual({
      writerRegion: 'us-west-2',
      writerClusterArn: 'arn:aws:rds:us-west-2:111122223333:cluster:catalog-west',
      writerClusterId: 'catalog-west',
      previousWriterRegion: 'us-east-1',
      writerEndpoint: 'catalog-west.cluster-abc.us-west-2.docdb.amazonaws.com',
    });
  });

  it('reads AWS/DocDB GlobalClusterReplicationLag in the secondary\'s region', async () => {
    const ctx = fakeShop();
    await runAction(failover, ctx, params);
    expect(ctx.metrics[0]).toMatchObject({ metricName: 'GlobalClusterReplicationLag', region: 'us-west-2', valueMs: 250 });
    expect(ctx.aws.cloudwatch.queries[0]?.query).toMatchObject({ namespace: 'AWS/DocDB', dimensions: { DBClusterIdentifier: 'catalog-west' } });
  });

  it('fails over to the target\'s region and detaches in the member\'s region', async () => {
    const ctx = fakeShop();
    expect((await failover.plan(ctx, params)).calls[0]).toMatchObject({ service: 'docdb', region: 'us-west-2', params: { AllowDataLoss: true } });
    expect((await detach.plan(ctx, params)).calls[0]).toMatchObject({ service: 'docdb', region: 'us-west-2', operation: 'RemoveFromGlobalCluster' });
  });

  it('is authorised through the rds: IAM namespace', () => {
    expect(switchover.permissions(params)).toEqual(['rds:SwitchoverGlobalCluster', 'rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics']);
  });
});
