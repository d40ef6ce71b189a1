// ElastiCache global datastores through the real SDK client over HTTP.
import {
  DescribeGlobalReplicationGroupsCommand,
  DescribeReplicationGroupsCommand,
  DisassociateGlobalReplicationGroupCommand,
  FailoverGlobalReplicationGroupCommand,
} from '@aws-sdk/client-elasticache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, failure, MINUTE, startShop } from './helpers';

let sim: Awaited<ReturnType<typeof startShop>>;
beforeEach(async () => {
  sim = await startShop();
});
afterEach(async () => {
  await sim.close();
});

const ID = 'ldgnf-shop-sessions';

describe('ElastiCache over HTTP', () => {
  it('shows Members only with ShowMemberInfo', async () => {
    const { elasticache } = clients(sim.endpoint, 'us-east-1');
    const bare = await elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: ID }));
    expect(bare.GlobalReplicationGroups?.[0]?.Status).toBe('available');
    expect(bare.GlobalReplicationGroups?.[0]?.Members).toBeUndefined();
    const full = await elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: ID, ShowMemberInfo: true }));
    expect(full.GlobalReplicationGroups?.[0]?.Members).toEqual([
      expect.objectContaining({ ReplicationGroupId: 'shop-sessions-use1', ReplicationGroupRegion: 'us-east-1', Role: 'PRIMARY', Status: 'associated' }),
      expect.objectContaining({ ReplicationGroupId: 'shop-sessions-usw2', ReplicationGroupRegion: 'us-west-2', Role: 'SECONDARY', Status: 'associated' }),
    ]);
  });

  it('describes replication groups with their global role and member clusters', async () => {
    const { elasticache } = clients(sim.endpoint, 'us-west-2');
    const out = await elasticache.send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: 'shop-sessions-usw2' }));
    const group = out.ReplicationGroups?.[0];
    expect(group?.GlobalReplicationGroupInfo).toEqual({ GlobalReplicationGroupId: ID, GlobalReplicationGroupMemberRole: 'secondary' });
    expect(group?.MemberClusters).toEqual(['shop-sessions-usw2-001', 'shop-sessions-usw2-002']);
    expect(group?.NodeGroups?.[0]?.NodeGroupMembers).toHaveLength(2);
    const missing = await failure(elasticache.send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: 'shop-sessions-use1' })));
    expect(missing.name).toBe('ReplicationGroupNotFoundFault');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it('fails over to the NEW primary named by PrimaryRegion / PrimaryReplicationGroupId', async () => {
    const { elasticache } = clients(sim.endpoint, 'us-west-2');
    const out = await elasticache.send(
      new FailoverGlobalReplicationGroupCommand({ GlobalReplicationGroupId: ID, PrimaryRegion: 'us-west-2', PrimaryReplicationGroupId: 'shop-sessions-usw2' }),
    );
    expect(out.GlobalReplicationGroup?.Status).toBe('modifying');
    const busy = await failure(
      elasticache.send(new FailoverGlobalReplicationGroupCommand({ GlobalReplicationGroupId: ID, PrimaryRegion: 'us-west-2', PrimaryReplicationGroupId: 'shop-sessions-usw2' })),
    );
    expect(busy.name).toBe('InvalidGlobalReplicationGroupStateFault');
    await sim.clock.advance(MINUTE + 1);
    const after = await elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: ID, ShowMemberInfo: true }));
    expect(after.GlobalReplicationGroups?.[0]?.Status).toBe('available');
    expect(after.GlobalReplicationGroups?.[0]?.Members?.find((member) => member.Role === 'PRIMARY')?.ReplicationGroupId).toBe('shop-sessions-usw2');
  });

  it('rejects a failover to a group that is not a member, and unknown datastores', async () => {
    const { elasticache } = clients(sim.endpoint, 'us-west-2');
    const stranger = await failure(
      elasticache.send(new FailoverGlobalReplicationGroupCommand({ GlobalReplicationGroupId: ID, PrimaryRegion: 'eu-west-1', PrimaryReplicationGroupId: 'nope' })),
    );
    expect(stranger.name).toBe('InvalidParameterValueException');
    const unknown = await failure(elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: 'nope' })));
    expect(unknown.name).toBe('GlobalReplicationGroupNotFoundFault');
  });

  it('disassociates the secondary and leaves the datastore primary-only', async () => {
    const { elasticache } = clients(sim.endpoint, 'us-east-1');
    await elasticache.send(
      new DisassociateGlobalReplicationGroupCommand({ GlobalReplicationGroupId: ID, ReplicationGroupId: 'shop-sessions-usw2', ReplicationGroupRegion: 'us-west-2' }),
    );
    await sim.clock.advance(MINUTE);
    const after = await elasticache.send(new DescribeGlobalReplicationGroupsCommand({ GlobalReplicationGroupId: ID, ShowMemberInfo: true }));
    expect(after.GlobalReplicationGroups?.[0]?.Status).toBe('primary-only');
    expect(after.GlobalReplicationGroups?.[0]?.Members).toHaveLength(1);
  });
});
