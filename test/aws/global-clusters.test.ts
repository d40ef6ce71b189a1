// GlobalClusterPort for Aurora (rds) and DocumentDB (docdb): one port factory, two SDK packages.
import * as docdb from '@aws-sdk/client-docdb';
import * as rds from '@aws-sdk/client-rds';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAwsError } from '../../src/aws';
import { inputOf, metadata, regionOfCall, testPorts } from './helpers';

const PRIMARY = 'arn:aws:rds:us-east-1:111122223333:cluster:orders-east';
const SECONDARY = 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west';

const globalCluster = {
  GlobalClusterIdentifier: 'shop-orders',
  GlobalClusterArn: 'arn:aws:rds::111122223333:global-cluster:shop-orders',
  Status: 'available',
  Engine: 'aurora-postgresql',
  EngineVersion: '15.4',
  Endpoint: 'shop-orders.global-abc.global.rds.amazonaws.com',
  GlobalClusterMembers: [
    { DBClusterArn: PRIMARY, IsWriter: true, Readers: [SECONDARY], SynchronizationStatus: 'connected' as const },
    { DBClusterArn: SECONDARY, IsWriter: false, SynchronizationStatus: 'pending-resync' as const },
  ],
};

// Both packages export the same command names and shapes (DocDB's a subset); the suites differ only in
// which package is mocked, so the DocDB pair is typed as its RDS twin.
type RdsMock = AwsClientStub<rds.RDSClient>;
const packages = [
  { service: 'rds' as const, sdk: rds, mock: mockClient(rds.RDSClient) },
  { service: 'docdb' as const, sdk: docdb as unknown as typeof rds, mock: mockClient(docdb.DocDBClient) as unknown as RdsMock },
];

afterAll(() => packages.forEach(({ mock }) => mock.restore()));

describe.each(packages)('$service global cluster port', ({ service, sdk, mock }) => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    mock.reset();
    ports = testPorts();
  });
  afterEach(() => ports.close());
  const port = () => ports[service];

  it('describes a global cluster by identifier in the region asked, and maps members and regions', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters: [globalCluster] });
    const view = await port().describeGlobalCluster('us-west-2', 'shop-orders');

    const call = mock.commandCalls(sdk.DescribeGlobalClustersCommand)[0]!;
    expect(inputOf(call)).toEqual({ GlobalClusterIdentifier: 'shop-orders' });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(view).toEqual({
      id: 'shop-orders',
      arn: globalCluster.GlobalClusterArn,
      status: 'available',
      engine: 'aurora-postgresql',
      engineVersion: '15.4',
      endpoint: globalCluster.Endpoint,
      members: [
        { clusterArn: PRIMARY, clusterId: 'orders-east', region: 'us-east-1', isWriter: true, synchronizationStatus: 'connected' },
        { clusterArn: SECONDARY, clusterId: 'orders-west', region: 'us-west-2', isWriter: false, synchronizationStatus: 'pending-resync' },
      ],
      failoverState: undefined,
    });
  });

  it('keeps a failover state, including the switching-over status the SDK enum lacks', async () => {
    const FailoverState = { Status: 'switching-over', FromDbClusterArn: PRIMARY, ToDbClusterArn: SECONDARY, IsDataLossAllowed: false };
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters: [{ ...globalCluster, FailoverState } as never] });
    const view = await port().describeGlobalCluster('us-east-1', 'shop-orders');
    expect(view.failoverState).toEqual({
      status: 'switching-over',
      fromClusterArn: PRIMARY,
      toClusterArn: SECONDARY,
      isDataLossAllowed: false,
    });
  });

  it('treats an empty FailoverState as no operation under way', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters: [{ ...globalCluster, FailoverState: {} }] });
    expect((await port().describeGlobalCluster('us-east-1', 'shop-orders')).failoverState).toBeUndefined();
  });

  it.each([
    ['no cluster at all', []],
    ['only other clusters (a filter ignored)', [{ ...globalCluster, GlobalClusterIdentifier: 'someone-else' }]],
  ])('raises not-found when the answer has %s', async (_, GlobalClusters) => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters });
    const error = await port().describeGlobalCluster('us-east-1', 'shop-orders').catch((e: unknown) => e);
    expect(isAwsError(error, 'not-found')).toBe(true);
    expect((error as Error).message).toContain('global cluster shop-orders');
  });

  it('describes a DB cluster by id or ARN without any filter, counting its instances', async () => {
    mock.on(sdk.DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: 'orders-west',
          DBClusterArn: SECONDARY,
          Status: 'available',
          Engine: 'aurora-postgresql',
          EngineVersion: '15.4',
          Endpoint: 'orders-west.cluster-xyz.us-west-2.rds.amazonaws.com',
          DBClusterMembers: [{ DBInstanceIdentifier: 'w1' }, { DBInstanceIdentifier: 'w2' }],
        },
      ],
    });
    const view = await port().describeDbCluster('us-west-2', SECONDARY);

    const call = mock.commandCalls(sdk.DescribeDBClustersCommand)[0]!;
    // The engine=docdb filter is for listing; describing an exact identifier must not add it.
    expect(inputOf(call)).toEqual({ DBClusterIdentifier: SECONDARY });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(view).toEqual({
      id: 'orders-west',
      arn: SECONDARY,
      region: 'us-west-2',
      status: 'available',
      engine: 'aurora-postgresql',
      engineVersion: '15.4',
      endpoint: 'orders-west.cluster-xyz.us-west-2.rds.amazonaws.com',
      instanceCount: 2,
    });
  });

  it('reports a headless cluster as zero instances, and an empty answer as not-found', async () => {
    mock
      .on(sdk.DescribeDBClustersCommand)
      .resolvesOnce({ DBClusters: [{ DBClusterIdentifier: 'orders-west', DBClusterArn: SECONDARY, Status: 'available' }] })
      .resolvesOnce({ DBClusters: [] });
    expect((await port().describeDbCluster('us-west-2', 'orders-west')).instanceCount).toBe(0);
    await expect(port().describeDbCluster('us-west-2', 'orders-west')).rejects.toMatchObject({ code: 'aws.not-found' });
  });

  it("sends a switchover to the region it is given (the primary's) with the target ARN", async () => {
    mock.on(sdk.SwitchoverGlobalClusterCommand).resolves({ GlobalCluster: globalCluster });
    const view = await port().switchoverGlobalCluster('us-east-1', 'shop-orders', SECONDARY);
    const call = mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)[0]!;
    expect(inputOf(call)).toEqual({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: SECONDARY });
    expect(await regionOfCall(call)).toBe('us-east-1');
    expect(view.id).toBe('shop-orders');
  });

  it("sends a failover with AllowDataLoss=true and never Switchover, to the target's region", async () => {
    mock.on(sdk.FailoverGlobalClusterCommand).resolves({ GlobalCluster: globalCluster });
    await port().failoverGlobalCluster('us-west-2', 'shop-orders', SECONDARY);
    const call = mock.commandCalls(sdk.FailoverGlobalClusterCommand)[0]!;
    expect(inputOf(call)).toStrictEqual({
      GlobalClusterIdentifier: 'shop-orders',
      TargetDbClusterIdentifier: SECONDARY,
      AllowDataLoss: true,
    });
    expect(inputOf(call)).not.toHaveProperty('Switchover');
    expect(await regionOfCall(call)).toBe('us-west-2');
  });

  it('detaches with RemoveFromGlobalCluster using the SDK casing DbClusterIdentifier', async () => {
    mock.on(sdk.RemoveFromGlobalClusterCommand).resolves({ GlobalCluster: globalCluster });
    await port().removeFromGlobalCluster('us-west-2', 'shop-orders', SECONDARY);
    const call = mock.commandCalls(sdk.RemoveFromGlobalClusterCommand)[0]!;
    expect(inputOf(call)).toEqual({ GlobalClusterIdentifier: 'shop-orders', DbClusterIdentifier: SECONDARY });
    expect(await regionOfCall(call)).toBe('us-west-2');
  });

  it('raises a service error when a change answers without the GlobalCluster', async () => {
    mock.on(sdk.SwitchoverGlobalClusterCommand).resolves({ $metadata: metadata(200) });
    await expect(port().switchoverGlobalCluster('us-east-1', 'shop-orders', SECONDARY)).rejects.toMatchObject({
      code: 'aws.service',
    });
  });

  it('keeps one client per region and reuses it', async () => {
    mock.on(sdk.DescribeGlobalClustersCommand).resolves({ GlobalClusters: [globalCluster] });
    await port().describeGlobalCluster('us-east-1', 'shop-orders');
    await port().describeGlobalCluster('us-west-2', 'shop-orders');
    await port().describeGlobalCluster('us-east-1', 'shop-orders');
    const clients = mock.calls().map((call) => call.thisValue);
    expect(clients[0]).toBe(clients[2]);
    expect(clients[0]).not.toBe(clients[1]);
  });
});
