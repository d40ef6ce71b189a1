// Aurora and DocumentDB through the real SDK clients over HTTP.
import {
  DescribeDBClustersCommand as DocDescribeDBClusters,
  DescribeGlobalClustersCommand as DocDescribeGlobalClusters,
  SwitchoverGlobalClusterCommand as DocSwitchover,
} from '@aws-sdk/client-docdb';
import {
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  FailoverGlobalClusterCommand,
  RemoveFromGlobalClusterCommand,
  SwitchoverGlobalClusterCommand,
} from '@aws-sdk/client-rds';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_WEST, clients, failure, MINUTE, ORDERS_EAST, ORDERS_WEST, startShop } from './helpers';

let sim: Awaited<ReturnType<typeof startShop>>;
beforeEach(async () => {
  sim = await startShop();
});
afterEach(async () => {
  await sim.close();
});

describe('RDS over HTTP', () => {
  it('describes the global cluster with its members, writer and endpoint', async () => {
    const { rds } = clients(sim.endpoint, 'us-east-1');
    const out = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const global = out.GlobalClusters?.[0];
    expect(global).toMatchObject({ GlobalClusterIdentifier: 'shop-orders', Status: 'available', Engine: 'aurora-postgresql' });
    expect(global?.Endpoint).toContain('global.rds.amazonaws.com');
    expect(global?.FailoverState).toBeUndefined();
    expect(global?.GlobalClusterMembers).toEqual([
      expect.objectContaining({ DBClusterArn: ORDERS_EAST, IsWriter: true, Readers: [ORDERS_WEST], SynchronizationStatus: 'connected' }),
      expect.objectContaining({ DBClusterArn: ORDERS_WEST, IsWriter: false, Readers: [], SynchronizationStatus: 'connected' }),
    ]);
  });

  it('filters global clusters by region and lists DB clusters of the region called', async () => {
    const { rds } = clients(sim.endpoint, 'us-west-2');
    const filtered = await rds.send(new DescribeGlobalClustersCommand({ Filters: [{ Name: 'region', Values: ['eu-west-1'] }] }));
    expect(filtered.GlobalClusters).toEqual([]);
    const clusters = await rds.send(new DescribeDBClustersCommand({}));
    expect(clusters.DBClusters?.map((cluster) => cluster.DBClusterIdentifier)).toEqual(['shop-orders-usw2', 'shop-catalog-usw2']);
    const one = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: ORDERS_WEST }));
    expect(one.DBClusters?.[0]).toMatchObject({ Status: 'available', GlobalClusterIdentifier: 'shop-orders', DBClusterMembers: [expect.objectContaining({ IsClusterWriter: false })] });
  });

  it('answers unknown ids with typed NotFound errors', async () => {
    const { rds } = clients(sim.endpoint, 'us-east-1');
    const global = await failure(rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'nope' })));
    expect(global.name).toBe('GlobalClusterNotFoundFault');
    expect(global.$metadata?.httpStatusCode).toBe(404);
    expect(global.$metadata?.requestId).toBeTruthy();
    const cluster = await failure(rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'shop-orders-usw2' })));
    expect(cluster.name).toBe('DBClusterNotFoundFault');
  });

  it('switches over, then refuses a second operation while the first runs', async () => {
    const { rds } = clients(sim.endpoint, 'us-east-1');
    const out = await rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST }));
    expect(out.GlobalCluster?.FailoverState).toMatchObject({ Status: 'pending', FromDbClusterArn: ORDERS_EAST, ToDbClusterArn: ORDERS_WEST, IsDataLossAllowed: false });
    const again = await failure(rds.send(new SwitchoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST })));
    expect(again.name).toBe('InvalidGlobalClusterStateFault');
    expect(again.$metadata?.httpStatusCode).toBe(400);
    await sim.clock.advance(2 * MINUTE);
    const after = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
    expect(after.GlobalClusters?.[0]?.FailoverState).toBeUndefined();
    expect(after.GlobalClusters?.[0]?.GlobalClusterMembers?.find((member) => member.IsWriter)?.DBClusterArn).toBe(ORDERS_WEST);
  });

  it('fails over with AllowDataLoss from the target region and rejects both flags together', async () => {
    const { rds } = clients(sim.endpoint, 'us-west-2');
    const bothFlags = { GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST, AllowDataLoss: true, Switchover: true };
    const both = await failure(rds.send(new FailoverGlobalClusterCommand(bothFlags)));
    expect(both.name).toBe('InvalidParameterCombination');
    const stranger = await failure(rds.send(new FailoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: CATALOG_WEST, AllowDataLoss: true })));
    expect(stranger.name).toBe('InvalidParameterValue');
    expect(stranger.$metadata?.httpStatusCode).toBe(400);
    const out = await rds.send(new FailoverGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', TargetDbClusterIdentifier: ORDERS_WEST, AllowDataLoss: true }));
    expect(out.GlobalCluster?.FailoverState?.IsDataLossAllowed).toBe(true);
    await sim.clock.advance(MINUTE + 1);
    const after = await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: 'shop-orders' }));
    const members = after.GlobalClusters?.[0]?.GlobalClusterMembers ?? [];
    expect(members.find((member) => member.DBClusterArn === ORDERS_EAST)).toMatchObject({ IsWriter: false, SynchronizationStatus: 'pending-resync' });
  });

  it('detaches a secondary with RemoveFromGlobalCluster (DbClusterIdentifier casing)', async () => {
    const { rds } = clients(sim.endpoint, 'us-west-2');
    await rds.send(new RemoveFromGlobalClusterCommand({ GlobalClusterIdentifier: 'shop-orders', DbClusterIdentifier: ORDERS_WEST }));
    await sim.clock.advance(2 * MINUTE);
    const cluster = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'shop-orders-usw2' }));
    expect(cluster.DBClusters?.[0]?.GlobalClusterIdentifier).toBeUndefined();
    expect(cluster.DBClusters?.[0]?.DBClusterMembers?.[0]?.IsClusterWriter).toBe(true);
  });
});

describe('DocumentDB over HTTP', () => {
  it('is told apart from RDS by its user-agent and has the DocumentDB shapes', async () => {
    const { docdb } = clients(sim.endpoint, 'us-east-1');
    const out = await docdb.send(new DocDescribeGlobalClusters({ GlobalClusterIdentifier: 'shop-catalog' }));
    expect(out.GlobalClusters?.[0]).toMatchObject({ Engine: 'docdb', EngineVersion: '5.0.0' });
    expect(out.GlobalClusters?.[0]?.GlobalClusterMembers).toHaveLength(2);
    await docdb.send(new DocSwitchover({ GlobalClusterIdentifier: 'shop-catalog', TargetDbClusterIdentifier: CATALOG_WEST }));
    expect(sim.world.requestCount('docdb', 'us-east-1', 'SwitchoverGlobalCluster', 'shop-catalog')).toBe(1);
    expect(sim.world.requestCount('rds', 'us-east-1', 'SwitchoverGlobalCluster', 'shop-catalog')).toBe(0);
    const west = clients(sim.endpoint, 'us-west-2').docdb;
    const clusters = await west.send(new DocDescribeDBClusters({ DBClusterIdentifier: 'shop-catalog-usw2' }));
    expect(clusters.DBClusters?.[0]).toMatchObject({ Engine: 'docdb', Status: 'available', ReplicationSourceIdentifier: expect.stringContaining('shop-catalog-use1') });
    expect(clusters.DBClusters?.[0]?.DBClusterMembers).toHaveLength(1);
  });

  it('describes only its own engine\'s global clusters: DocumentDB\'s API never lists Aurora, whoever calls', async () => {
    const { docdb, rds } = clients(sim.endpoint, 'us-east-1');
    const viaSdk = await docdb.send(new DocDescribeGlobalClusters({}));
    expect(viaSdk.GlobalClusters?.map((global) => global.GlobalClusterIdentifier)).toEqual(['shop-catalog']);
    const viaRds = await rds.send(new DescribeGlobalClustersCommand({}));
    expect(viaRds.GlobalClusters?.map((global) => global.GlobalClusterIdentifier)).toEqual(['shop-orders']);
    // boto3 and the AWS CLI v1 send exactly what RDS sends: DocumentDB clients of theirs use <endpoint>/docdb.
    const bare = await fetch(`${sim.endpoint}/docdb`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeGlobalClusters&Version=2014-10-31' });
    const xml = await bare.text();
    expect(xml).toContain('<GlobalClusterIdentifier>shop-catalog</GlobalClusterIdentifier>');
    expect(xml).not.toContain('shop-orders');
    const aurora = await fetch(`${sim.endpoint}/docdb`, { method: 'POST', body: 'Action=DescribeGlobalClusters&Version=2014-10-31&GlobalClusterIdentifier=shop-orders' });
    expect(aurora.status).toBe(404);
  });
});
