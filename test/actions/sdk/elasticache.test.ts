// elasticache.failover and elasticache.disassociate through the real ElastiCache port, with
// aws-sdk-client-mock answering DescribeGlobalReplicationGroups, DescribeReplicationGroups, GetMetricData
// (per node, in seconds) and the mutating calls. Both mutating calls go to the target's region, and
// FailoverGlobalReplicationGroup names the NEW primary in PrimaryRegion / PrimaryReplicationGroupId.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  DescribeGlobalReplicationGroupsCommand,
  DescribeReplicationGroupsCommand,
  DisassociateGlobalReplicationGroupCommand,
  ElastiCacheClient,
  FailoverGlobalReplicationGroupCommand,
  type GlobalReplicationGroup,
  InvalidGlobalReplicationGroupStateFault,
  type ReplicationGroup,
} from '@aws-sdk/client-elasticache';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { elasticacheFamily } from '../../../src/actions/elasticache/family';
import { DrctlError } from '../../../src/core/errors';
import { actionNamed } from '../../helpers/action-context';
import { FAKE_SHOP_RESOURCES } from '../../helpers/fake-shop';
import { answerMetrics, callsOf, errorMetadata, inputOf, regionOfCall, runAction, sdkContext, type SdkContext } from './harness';

const mock = mockClient(ElastiCacheClient);
const cloudwatch = mockClient(CloudWatchClient);
afterAll(() => {
  mock.restore();
  cloudwatch.restore();
});

const DATASTORE = 'ldgnf-shop-sessions';
type Member = 'east' | 'west';
const REGION: Record<Member, string> = { east: 'us-east-1', west: 'us-west-2' };
const groupId = (member: Member) => `sessions-${member}`;
const params = { resource: 'sessions', to: 'us-west-2' };

/** A DescribeGlobalReplicationGroups answer (with ShowMemberInfo): status, who is primary, who is left. */
function datastore(options: { status?: string; primary?: Member; members?: Member[] } = {}): GlobalReplicationGroup {
  const primary = options.primary ?? 'east';
  return {
    GlobalReplicationGroupId: DATASTORE,
    GlobalReplicationGroupDescription: 'shop sessions',
    Status: options.status ?? 'available',
    CacheNodeType: 'cache.r7g.large',
    Engine: 'redis',
    EngineVersion: '7.1.0',
    ClusterEnabled: false,
    AuthTokenEnabled: false,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    ARN: `arn:aws:elasticache::123456789012:globalreplicationgroup:${DATASTORE}`,
    Members: (options.members ?? (['east', 'west'] as Member[])).map((member) => ({
      ReplicationGroupId: groupId(member),
      ReplicationGroupRegion: REGION[member],
      Role: member === primary ? 'PRIMARY' : 'SECONDARY',
      AutomaticFailover: 'enabled',
      Status: 'associated',
    })),
  };
}
const described = (options?: Parameters<typeof datastore>[0]) => ({ GlobalReplicationGroups: [datastore(options)] });

/** A DescribeReplicationGroups answer for the west group; no GlobalReplicationGroupInfo (null) once it is standalone. */
function westGroup(status: string, role: 'secondary' | 'primary' | null = 'secondary'): { ReplicationGroups: ReplicationGroup[] } {
  return {
    ReplicationGroups: [
      {
        ReplicationGroupId: groupId('west'),
        Description: 'shop sessions (us-west-2)',
        ARN: `arn:aws:elasticache:us-west-2:123456789012:replicationgroup:${groupId('west')}`,
        Status: status,
        ...(role ? { GlobalReplicationGroupInfo: { GlobalReplicationGroupId: DATASTORE, GlobalReplicationGroupMemberRole: role } } : {}),
        MemberClusters: ['sessions-west-001', 'sessions-west-002'],
        NodeGroups: [
          {
            NodeGroupId: '0001',
            Status: status,
            PrimaryEndpoint: { Address: 'sessions-west.abc123.ng.0001.usw2.cache.amazonaws.com', Port: 6379 },
            ReaderEndpoint: { Address: 'sessions-west-ro.abc123.ng.0001.usw2.cache.amazonaws.com', Port: 6379 },
          },
        ],
        AutomaticFailover: 'enabled',
        MultiAZ: 'enabled',
        ClusterEnabled: false,
      },
    ],
  };
}

const invalidState = () =>
  new InvalidGlobalReplicationGroupStateFault({
    message: `Global datastore ${DATASTORE} is not in available state.`,
    $metadata: errorMetadata(400),
  });

let ctx: SdkContext;
beforeEach(() => {
  mock.reset();
  cloudwatch.reset();
  // GlobalDatastoreReplicationLag is per node and in SECONDS; the group's lag is its largest node's.
  answerMetrics(cloudwatch, 'us-west-2', {
    'GlobalDatastoreReplicationLag/sessions-west-001': 0.8,
    'GlobalDatastoreReplicationLag/sessions-west-002': 1.2,
  });
  ctx = sdkContext(FAKE_SHOP_RESOURCES);
});
afterEach(() => ctx.ports.close());

describe('elasticache.failover', () => {
  const failover = actionNamed(elasticacheFamily.actions, 'elasticache.failover');

  it("fails over: the NEW primary in PrimaryRegion/PrimaryReplicationGroupId, sent to the target's region", async () => {
    mock
      .on(DescribeGlobalReplicationGroupsCommand)
      .resolvesOnce(described()) // plan
      .resolvesOnce(described({ status: 'modifying' }))
      .resolvesOnce(described({ status: 'modifying', primary: 'west' }))
      .resolves(described({ primary: 'west' }));
    mock.on(DescribeReplicationGroupsCommand).resolves(westGroup('available'));
    mock.on(FailoverGlobalReplicationGroupCommand).resolves({ GlobalReplicationGroup: datastore({ status: 'modifying' }) });

    const run = await runAction(failover, ctx, params);

    expect(run.plan.status).toBe('ready');
    expect(run.plan.calls).toEqual([
      {
        service: 'elasticache',
        region: 'us-west-2',
        operation: 'FailoverGlobalReplicationGroup',
        params: { GlobalReplicationGroupId: DATASTORE, PrimaryRegion: 'us-west-2', PrimaryReplicationGroupId: 'sessions-west' },
      },
    ]);
    const [call, ...more] = mock.commandCalls(FailoverGlobalReplicationGroupCommand);
    expect(more).toHaveLength(0);
    expect(inputOf(call!)).toStrictEqual({ GlobalReplicationGroupId: DATASTORE, PrimaryRegion: 'us-west-2', PrimaryReplicationGroupId: 'sessions-west' });
    expect(await regionOfCall(call!)).toBe('us-west-2');
    expect(await callsOf(mock)).toEqual([
      ['DescribeGlobalReplicationGroups', 'us-west-2'],
      ['DescribeReplicationGroups', 'us-west-2'],
      ['FailoverGlobalReplicationGroup', 'us-west-2'],
      ['DescribeGlobalReplicationGroups', 'us-west-2'],
      ['DescribeGlobalReplicationGroups', 'us-west-2'],
      ['DescribeGlobalReplicationGroups', 'us-west-2'],
    ]);
    expect(inputOf(mock.commandCalls(DescribeGlobalReplicationGroupsCommand)[0]!)).toEqual({ GlobalReplicationGroupId: DATASTORE, ShowMemberInfo: true });

    expect(run.polls.map((poll) => poll.observation)).toEqual([
      `${DATASTORE}: modifying, primary in us-east-1, moving us-east-1 -> us-west-2`,
      `${DATASTORE}: modifying, primary in us-west-2, moving us-east-1 -> us-west-2`,
      'sessions: primary sessions-west available in us-west-2',
    ]);
    expect(run.outputs).toStrictEqual({ primaryRegion: 'us-west-2', primaryReplicationGroupId: 'sessions-west', previousPrimaryRegion: 'us-east-1' });

    // One lag read per node in the secondary's region (its dimension sets listed, then read), at plan and
    // just before the call; the largest node's lag, converted from seconds, is the RPO.
    expect(await callsOf(cloudwatch)).toEqual(Array.from({ length: 4 }, () => [['ListMetrics', 'us-west-2'], ['GetMetricData', 'us-west-2']]).flat());
    expect(ctx.metrics).toEqual([
      expect.objectContaining({ resource: 'sessions', kind: 'replication-lag', metricName: 'GlobalDatastoreReplicationLag', region: 'us-west-2', valueMs: 1_200 }),
    ]);
  });

  it('is done, with no call, when the target is already the primary and the datastore available', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described({ primary: 'west' }));
    const run = await runAction(failover, ctx, params);
    expect(run.plan).toMatchObject({ status: 'done', calls: [], summary: 'sessions: primary already in us-west-2' });
    expect(mock.commandCalls(FailoverGlobalReplicationGroupCommand)).toHaveLength(0);
    // The plan's read, and the engine's read of a done step's outputs: no FailoverGlobalReplicationGroup.
    expect(await callsOf(mock)).toEqual([['DescribeGlobalReplicationGroups', 'us-west-2'], ['DescribeGlobalReplicationGroups', 'us-west-2']]);
  });

  it('joins a failover under way to the same target (modifying, target already PRIMARY) without calling', async () => {
    mock
      .on(DescribeGlobalReplicationGroupsCommand)
      .resolvesOnce(described({ status: 'modifying', primary: 'west' }))
      .resolves(described({ primary: 'west' }));
    const run = await runAction(failover, ctx, params);
    expect(run.plan).toMatchObject({ status: 'in-progress', calls: [], summary: 'join the failover of sessions to us-west-2 (modifying)' });
    expect(run.outputs).toMatchObject({ primaryRegion: 'us-west-2' });
    expect(mock.commandCalls(FailoverGlobalReplicationGroupCommand)).toHaveLength(0);
  });

  it('refuses when another change is under way (modifying, primary not the target)', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described({ status: 'modifying' }));
    await expect(failover.plan(ctx, params)).rejects.toMatchObject({
      code: 'action.operation-in-progress-elsewhere',
      message: expect.stringContaining('is modifying'),
      hint: expect.stringContaining('drctl status'),
    });
    expect(mock.commandCalls(FailoverGlobalReplicationGroupCommand)).toHaveLength(0);
  });

  it('joins when AWS answers InvalidGlobalReplicationGroupState because an earlier attempt started it', async () => {
    mock
      .on(DescribeGlobalReplicationGroupsCommand)
      .resolvesOnce(described())
      .resolves(described({ status: 'modifying', primary: 'west' }));
    mock.on(DescribeReplicationGroupsCommand).resolves(westGroup('available'));
    mock.on(FailoverGlobalReplicationGroupCommand).rejects(invalidState());
    const plan = await failover.plan(ctx, params);
    await expect(failover.apply(ctx, params, plan)).resolves.toMatchObject({
      done: false,
      observation: expect.stringContaining('already under way; joined'),
    });
    expect(mock.commandCalls(FailoverGlobalReplicationGroupCommand)).toHaveLength(1);
  });

  it('raises aws.invalid-state with a hint when AWS refuses the failover', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described());
    mock.on(DescribeReplicationGroupsCommand).resolves(westGroup('available'));
    mock.on(FailoverGlobalReplicationGroupCommand).rejects(invalidState());
    const plan = await failover.plan(ctx, params);
    const error = await failover.apply(ctx, params, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrctlError);
    expect(error).toMatchObject({
      code: 'aws.invalid-state',
      message: expect.stringContaining('sessions: FailoverGlobalReplicationGroup in us-west-2'),
      hint: expect.stringContaining('The global datastore is not available'),
      details: { kind: 'invalid-state', awsCode: 'InvalidGlobalReplicationGroupStateFault', httpStatus: 400, region: 'us-west-2', operation: 'FailoverGlobalReplicationGroup' },
    });
  });
});

describe('elasticache.disassociate', () => {
  const disassociate = actionNamed(elasticacheFamily.actions, 'elasticache.disassociate');

  it("disassociates in the member's region and waits for a standalone, available group", async () => {
    mock
      .on(DescribeGlobalReplicationGroupsCommand)
      .resolvesOnce(described()) // plan
      .resolvesOnce(described({ status: 'modifying' }))
      .resolves(described({ status: 'primary-only', members: ['east'] }));
    mock
      .on(DescribeReplicationGroupsCommand)
      .resolvesOnce(westGroup('available')) // plan
      .resolvesOnce(westGroup('modifying', null))
      .resolves(westGroup('available', null));
    mock.on(DisassociateGlobalReplicationGroupCommand).resolves({ GlobalReplicationGroup: datastore({ status: 'modifying' }) });

    const run = await runAction(disassociate, ctx, params);

    expect(run.plan.unverifiable.join('\n')).toContain('split-brain');
    const [call, ...more] = mock.commandCalls(DisassociateGlobalReplicationGroupCommand);
    expect(more).toHaveLength(0);
    expect(inputOf(call!)).toStrictEqual({ GlobalReplicationGroupId: DATASTORE, ReplicationGroupId: 'sessions-west', ReplicationGroupRegion: 'us-west-2' });
    expect(await regionOfCall(call!)).toBe('us-west-2');
    expect(mock.commandCalls(FailoverGlobalReplicationGroupCommand)).toHaveLength(0);
    expect(run.polls.map((poll) => poll.observation)).toEqual([
      'sessions: disassociating sessions-west (modifying)',
      'sessions: sessions-west is modifying',
      'sessions: sessions-west is a standalone replication group in us-west-2',
    ]);
    expect(run.outputs).toStrictEqual({ standaloneRegion: 'us-west-2', standaloneReplicationGroupId: 'sessions-west' });
    const regions = [...(await callsOf(mock)), ...(await callsOf(cloudwatch))].map(([, region]) => region);
    expect(new Set(regions)).toEqual(new Set(['us-west-2']));
  });

  it('says a repeat has nothing to do once the member has left, and calls nothing', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described({ status: 'primary-only', members: ['east'] }));
    await expect(disassociate.plan(ctx, params)).rejects.toMatchObject({
      code: 'action.region-not-a-member',
      message: expect.stringContaining('sessions-east in us-east-1 (primary)'),
      hint: expect.stringContaining('already disassociated'),
    });
    expect(mock.commandCalls(DisassociateGlobalReplicationGroupCommand)).toHaveLength(0);
  });

  it('refuses while another change is under way', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described({ status: 'modifying', primary: 'west' }));
    await expect(disassociate.plan(ctx, params)).rejects.toMatchObject({ code: 'action.operation-in-progress-elsewhere' });
    expect(mock.commandCalls(DisassociateGlobalReplicationGroupCommand)).toHaveLength(0);
  });

  it('raises aws.invalid-state with a hint when AWS refuses to disassociate', async () => {
    mock.on(DescribeGlobalReplicationGroupsCommand).resolves(described());
    mock.on(DescribeReplicationGroupsCommand).resolves(westGroup('available'));
    mock.on(DisassociateGlobalReplicationGroupCommand).rejects(invalidState());
    const plan = await disassociate.plan(ctx, params);
    await expect(disassociate.apply(ctx, params, plan)).rejects.toMatchObject({
      code: 'aws.invalid-state',
      hint: expect.stringContaining('primary-only'),
      details: { awsCode: 'InvalidGlobalReplicationGroupStateFault', region: 'us-west-2', operation: 'DisassociateGlobalReplicationGroup' },
    });
    // No join attempt for a disassociation: only the plan's describe.
    expect(mock.commandCalls(DescribeGlobalReplicationGroupsCommand)).toHaveLength(1);
  });
});
