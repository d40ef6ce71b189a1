// GlobalDatastorePort: ElastiCache Global Datastore.
import {
  DescribeGlobalReplicationGroupsCommand,
  DescribeReplicationGroupsCommand,
  DisassociateGlobalReplicationGroupCommand,
  ElastiCacheClient,
  FailoverGlobalReplicationGroupCommand,
} from '@aws-sdk/client-elasticache';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputOf, regionOfCall, testPorts } from './helpers';

const mock = mockClient(ElastiCacheClient);
afterAll(() => mock.restore());

const datastore = {
  GlobalReplicationGroupId: 'ldgnf-shop-sessions',
  Status: 'available',
  Engine: 'redis',
  EngineVersion: '7.1',
  Members: [
    { ReplicationGroupId: 'sessions-east', ReplicationGroupRegion: 'us-east-1', Role: 'primary', Status: 'associated' },
    { ReplicationGroupId: 'sessions-west', ReplicationGroupRegion: 'us-west-2', Role: 'SECONDARY', Status: 'associated' },
  ],
};

describe('elasticache global datastore port', () => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    mock.reset();
    ports = testPorts();
  });
  afterEach(() => ports.close());

  it('describes a datastore with ShowMemberInfo and upper-cases member roles', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves({ GlobalReplicationGroups: [datastore] });
    const view = await ports.elasticache.describeGlobalDatastore('us-west-2', 'ldgnf-shop-sessions');

    const call = mock.commandCalls(DescribeGlobalReplicationGroupsCommand)[0]!;
    expect(inputOf(call)).toEqual({ GlobalReplicationGroupId: 'ldgnf-shop-sessions', ShowMemberInfo: true });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(view).toEqual({
      id: 'ldgnf-shop-sessions',
      status: 'available',
      engine: 'redis',
      engineVersion: '7.1',
      members: [
        { replicationGroupId: 'sessions-east', region: 'us-east-1', role: 'PRIMARY', status: 'associated' },
        { replicationGroupId: 'sessions-west', region: 'us-west-2', role: 'SECONDARY', status: 'associated' },
      ],
    });
  });

  it('raises not-found when no datastore with that id comes back', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves({ GlobalReplicationGroups: [] });
    await expect(ports.elasticache.describeGlobalDatastore('us-east-1', 'ldgnf-shop-sessions')).rejects.toMatchObject({
      code: 'aws.not-found',
      details: { service: 'elasticache', region: 'us-east-1', operation: 'DescribeGlobalReplicationGroups' },
    });
  });

  it('describes a replication group: global role upper-cased, member clusters, region from the ARN', async () => {
    mock.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [
        {
          ReplicationGroupId: 'sessions-west',
          ARN: 'arn:aws:elasticache:us-west-2:111122223333:replicationgroup:sessions-west',
          Status: 'available',
          GlobalReplicationGroupInfo: { GlobalReplicationGroupId: 'ldgnf-shop-sessions', GlobalReplicationGroupMemberRole: 'secondary' },
          MemberClusters: ['sessions-west-001', 'sessions-west-002'],
          NodeGroups: [{ NodeGroupId: '0001', PrimaryEndpoint: { Address: 'master.sessions-west.abc123.usw2.cache.amazonaws.com', Port: 6379 } }],
        },
      ],
    });
    const view = await ports.elasticache.describeReplicationGroup('us-west-2', 'sessions-west');
    const call = mock.commandCalls(DescribeReplicationGroupsCommand)[0]!;
    expect(inputOf(call)).toEqual({ ReplicationGroupId: 'sessions-west' });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(view).toEqual({
      id: 'sessions-west',
      region: 'us-west-2',
      status: 'available',
      globalRole: 'SECONDARY',
      memberClusters: ['sessions-west-001', 'sessions-west-002'],
      endpoint: 'master.sessions-west.abc123.usw2.cache.amazonaws.com',
    });
  });

  it('takes the configuration endpoint of a cluster-mode group before its first primary endpoint', async () => {
    mock.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [{ ReplicationGroupId: 'sharded', ConfigurationEndpoint: { Address: 'clustercfg.sharded.abc123.usw2.cache.amazonaws.com' }, NodeGroups: [{ PrimaryEndpoint: { Address: 'ignored' } }] }],
    });
    expect((await ports.elasticache.describeReplicationGroup('us-west-2', 'sharded')).endpoint).toBe('clustercfg.sharded.abc123.usw2.cache.amazonaws.com');
  });

  it('leaves globalRole undefined for a group outside any datastore', async () => {
    mock.on(DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [{ ReplicationGroupId: 'solo', Status: 'available' }] });
    const view = await ports.elasticache.describeReplicationGroup('eu-west-1', 'solo');
    expect(view).toEqual({ id: 'solo', region: 'eu-west-1', status: 'available', globalRole: undefined, memberClusters: [] });
  });

  it('fails over naming the NEW primary region and group', async () => {
    mock.on(FailoverGlobalReplicationGroupCommand).resolves({ GlobalReplicationGroup: { ...datastore, Status: 'modifying' } });
    const view = await ports.elasticache.failoverGlobalDatastore('us-west-2', 'ldgnf-shop-sessions', 'us-west-2', 'sessions-west');
    const call = mock.commandCalls(FailoverGlobalReplicationGroupCommand)[0]!;
    expect(inputOf(call)).toEqual({
      GlobalReplicationGroupId: 'ldgnf-shop-sessions',
      PrimaryRegion: 'us-west-2',
      PrimaryReplicationGroupId: 'sessions-west',
    });
    expect(await regionOfCall(call)).toBe('us-west-2');
    expect(view.status).toBe('modifying');
  });

  it('disassociates a secondary by group and region', async () => {
    mock.on(DisassociateGlobalReplicationGroupCommand).resolves({ GlobalReplicationGroup: { ...datastore, Status: 'primary-only' } });
    const view = await ports.elasticache.disassociateGlobalDatastore('us-east-1', 'ldgnf-shop-sessions', 'sessions-west', 'us-west-2');
    const call = mock.commandCalls(DisassociateGlobalReplicationGroupCommand)[0]!;
    expect(inputOf(call)).toEqual({
      GlobalReplicationGroupId: 'ldgnf-shop-sessions',
      ReplicationGroupId: 'sessions-west',
      ReplicationGroupRegion: 'us-west-2',
    });
    expect(await regionOfCall(call)).toBe('us-east-1');
    expect(view.status).toBe('primary-only');
  });
});
