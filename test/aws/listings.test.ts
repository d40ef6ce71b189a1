// The listing methods (what exists, for not-found errors): exact inputs, every page followed, the region
// each call went to, and Aurora and DocumentDB told apart on the RDS API they share.
import * as docdb from '@aws-sdk/client-docdb';
import { DescribeGlobalReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import * as rds from '@aws-sdk/client-rds';
import { ListHealthChecksCommand, Route53Client } from '@aws-sdk/client-route-53';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAwsError } from '../../src/aws';
import { inputOf, metadata, regionOfCall, testPorts } from './helpers';

const member = (region: string, id: string, writer = false) => ({ DBClusterArn: `arn:aws:rds:${region}:111122223333:cluster:${id}`, IsWriter: writer });
const global = (id: string, engine: string | undefined, regions: string[]) => ({
  GlobalClusterIdentifier: id,
  Status: 'available',
  ...(engine ? { Engine: engine } : {}),
  GlobalClusterMembers: regions.map((region, i) => member(region, `${id}-${region}`, i === 0)),
});

type RdsMock = AwsClientStub<rds.RDSClient>;
const packages = [
  { service: 'rds' as const, sdk: rds, mock: mockClient(rds.RDSClient) },
  { service: 'docdb' as const, sdk: docdb as unknown as typeof rds, mock: mockClient(docdb.DocDBClient) as unknown as RdsMock },
];
const elasticache = mockClient(ElastiCacheClient);
const route53 = mockClient(Route53Client);
afterAll(() => {
  packages.forEach(({ mock }) => mock.restore());
  elasticache.restore();
  route53.restore();
});

let ports: ReturnType<typeof testPorts>;
beforeEach(() => {
  packages.forEach(({ mock }) => mock.reset());
  elasticache.reset();
  route53.reset();
  ports = testPorts({ region: 'eu-west-1' });
});
afterEach(() => ports.close());

describe.each(packages)('$service listGlobalClusters', ({ service, sdk, mock }) => {
  it('asks the region given without an identifier, and follows Marker to the last page', async () => {
    mock
      .on(sdk.DescribeGlobalClustersCommand, {})
      .resolves({ GlobalClusters: [global('shop-orders', undefined, ['us-east-1', 'us-west-2'])], Marker: 'page-2' })
      .on(sdk.DescribeGlobalClustersCommand, { Marker: 'page-2' })
      .resolves({ GlobalClusters: [global('shop-ledger', undefined, ['us-west-2'])] });
    const views = await ports[service].listGlobalClusters('us-west-2');

    const calls = mock.commandCalls(sdk.DescribeGlobalClustersCommand);
    expect(calls.map(inputOf)).toEqual([{}, { Marker: 'page-2' }]);
    expect(await Promise.all(calls.map(regionOfCall))).toEqual(['us-west-2', 'us-west-2']);
    expect(views.map((view) => [view.id, view.members.map((m) => m.region)])).toEqual([
      ['shop-orders', ['us-east-1', 'us-west-2']],
      ['shop-ledger', ['us-west-2']],
    ]);
  });

  it('keeps only its own engine family: the RDS API answers for Aurora, DocumentDB and Neptune alike', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({
      GlobalClusters: [
        global('orders', 'aurora-postgresql', ['us-east-1']),
        global('ledger', 'aurora-mysql', ['us-east-1']),
        global('catalog', 'docdb', ['us-east-1']),
        global('graph', 'neptune', ['us-east-1']),
        global('unsaid', undefined, ['us-east-1']),
      ],
    });
    const ids = (await ports[service].listGlobalClusters('us-east-1')).map((view) => view.id);
    expect(ids).toEqual(service === 'rds' ? ['orders', 'ledger', 'unsaid'] : ['catalog', 'unsaid']);
  });

  it('stops when a Marker does not move (an endpoint that repeats a page)', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters: [global('orders', undefined, ['us-east-1'])], Marker: 'same' });
    await ports[service].listGlobalClusters('us-east-1');
    expect(mock.commandCalls(sdk.DescribeGlobalClustersCommand).map(inputOf)).toEqual([{}, { Marker: 'same' }]);
  });

  it('raises an AwsError when the listing is refused', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).rejects(Object.assign(new Error('not allowed'), { name: 'AccessDenied', $metadata: metadata(403) }));
    const error = await ports[service].listGlobalClusters('us-east-1').catch((e: unknown) => e);
    expect(isAwsError(error, 'access-denied')).toBe(true);
  });
});

describe('elasticache listGlobalDatastores', () => {
  it('asks with ShowMemberInfo on every page, in the region given', async () => {
    const datastore = (id: string) => ({
      GlobalReplicationGroupId: id,
      Status: 'available',
      Members: [
        { ReplicationGroupId: `${id}-east`, ReplicationGroupRegion: 'us-east-1', Role: 'primary' },
        { ReplicationGroupId: `${id}-west`, ReplicationGroupRegion: 'us-west-2', Role: 'secondary' },
      ],
    });
    elasticache
      .on(DescribeGlobalReplicationGroupsCommand, { ShowMemberInfo: true })
      .resolves({ GlobalReplicationGroups: [datastore('ldgnf-shop-sessions')], Marker: 'm2' })
      .on(DescribeGlobalReplicationGroupsCommand, { ShowMemberInfo: true, Marker: 'm2' })
      .resolves({ GlobalReplicationGroups: [datastore('ldgnf-shop-carts')] });
    const views = await ports.elasticache.listGlobalDatastores('us-west-2');

    const calls = elasticache.commandCalls(DescribeGlobalReplicationGroupsCommand);
    expect(calls.map(inputOf)).toEqual([{ ShowMemberInfo: true }, { ShowMemberInfo: true, Marker: 'm2' }]);
    expect(await regionOfCall(calls[0]!)).toBe('us-west-2');
    expect(views.map((view) => view.id)).toEqual(['ldgnf-shop-sessions', 'ldgnf-shop-carts']);
    expect(views[0]!.members.map((m) => [m.region, m.role])).toEqual([['us-east-1', 'PRIMARY'], ['us-west-2', 'SECONDARY']]);
  });
});

describe('route53 listHealthChecks', () => {
  const check = (id: string) => ({
    Id: id,
    CallerReference: id,
    HealthCheckVersion: 1,
    HealthCheckConfig: { Type: 'HTTPS' as const, FullyQualifiedDomainName: `${id}.shop.example` },
  });

  it('follows NextMarker while IsTruncated, from the us-east-1 client', async () => {
    route53
      .on(ListHealthChecksCommand, {})
      .resolves({ HealthChecks: [check('hc-1')], Marker: '', IsTruncated: true, NextMarker: 'hc-2', MaxItems: 1 })
      .on(ListHealthChecksCommand, { Marker: 'hc-2' })
      .resolves({ HealthChecks: [check('hc-2')], Marker: 'hc-2', IsTruncated: false, NextMarker: 'ignored', MaxItems: 1 });
    const views = await ports.route53.listHealthChecks();

    const calls = route53.commandCalls(ListHealthChecksCommand);
    expect(calls.map(inputOf)).toEqual([{}, { Marker: 'hc-2' }]);
    expect(await regionOfCall(calls[0]!)).toBe('us-east-1');
    expect(views.map((view) => [view.id, view.fqdn])).toEqual([['hc-1', 'hc-1.shop.example'], ['hc-2', 'hc-2.shop.example']]);
  });
});
