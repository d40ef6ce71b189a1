// aurora.* and docdb.* (switchover, failover, detach) through the real RDS / DocDB ports, with
// aws-sdk-client-mock answering DescribeGlobalClusters, DescribeDBClusters, GetMetricData and the
// mutating calls. Every test checks which region each call went to: switchover to the primary's region,
// failover and detach to the target's, and progress asked in the target's region first.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import * as docdb from '@aws-sdk/client-docdb';
import * as rds from '@aws-sdk/client-rds';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { globalClusterFamily } from '../../../src/actions/global-cluster/family';
import { DrctlError } from '../../../src/core/errors';
import { actionNamed } from '../../helpers/action-context';
import { FAKE_SHOP_RESOURCES } from '../../helpers/fake-shop';
import { answerMetrics, callsOf, clusterArn, errorMetadata, inputOf, mutatingCallsOf, regionOfCall, runAction, sdkContext, type SdkContext } from './harness';

type Member = 'east' | 'west' | 'eu';
const REGION: Record<Member, string> = { east: 'us-east-1', west: 'us-west-2', eu: 'eu-west-1' };

// DocDB's commands and shapes are a subset of RDS's: its mock is typed as its RDS twin (as in test/aws).
type RdsMock = AwsClientStub<rds.RDSClient>;
const rdsMock = mockClient(rds.RDSClient);
const docdbMock = mockClient(docdb.DocDBClient) as unknown as RdsMock;
const cloudwatch = mockClient(CloudWatchClient);

const families = [
  {
    prefix: 'aurora' as const,
    sdk: rds,
    mock: rdsMock,
    resource: 'orders-db',
    globalClusterId: 'shop-orders',
    clusterPrefix: 'orders',
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    globalEndpoint: 'shop-orders.global-abc123xyz.global.rds.amazonaws.com',
    endpointDomain: 'rds.amazonaws.com',
    lagMetric: 'AuroraGlobalDBRPOLag',
    lagMs: 412,
  },
  {
    prefix: 'docdb' as const,
    sdk: docdb as unknown as typeof rds,
    mock: docdbMock,
    resource: 'catalog-db',
    globalClusterId: 'shop-catalog',
    clusterPrefix: 'catalog',
    engine: 'docdb',
    engineVersion: '5.0.0',
    // DocumentDB has no global writer endpoint.
    globalEndpoint: undefined,
    endpointDomain: 'docdb.amazonaws.com',
    lagMetric: 'GlobalClusterReplicationLag',
    lagMs: 250,
  },
];

afterAll(() => {
  rdsMock.restore();
  docdbMock.restore();
  cloudwatch.restore();
});

describe.each(families)('$prefix actions through the SDK', (family) => {
  const { sdk, mock } = family;
  const id = (member: Member) => `${family.clusterPrefix}-${member}`;
  const arn = (member: Member) => clusterArn(REGION[member], id(member));
  const endpoint = (member: Member) => `${id(member)}.cluster-c9akciq32xyz.${REGION[member]}.${family.endpointDomain}`;
  const to = 'us-west-2';
  const params = { resource: family.resource, to };

  /** A DescribeGlobalClusters answer: who writes, what operation is under way, who is resyncing. */
  function globalCluster(options: {
    writer?: Member;
    failover?: { status: string; from?: Member; to: Member; dataLoss: boolean };
    resyncing?: Member[];
    members?: Member[];
  } = {}): rds.GlobalCluster {
    const writer = options.writer ?? 'east';
    const members = options.members ?? (['east', 'west', 'eu'] as Member[]);
    const state = options.failover;
    return {
      GlobalClusterIdentifier: family.globalClusterId,
      GlobalClusterResourceId: 'cluster-f0e1d2c3b4a5968778695a4b3c',
      GlobalClusterArn: `arn:aws:rds::123456789012:global-cluster:${family.globalClusterId}`,
      Status: state ? 'modifying' : 'available',
      Engine: family.engine,
      EngineVersion: family.engineVersion,
      StorageEncrypted: true,
      DeletionProtection: true,
      ...(family.globalEndpoint ? { Endpoint: family.globalEndpoint } : {}),
      GlobalClusterMembers: members.map((member) => ({
        DBClusterArn: arn(member),
        IsWriter: member === writer,
        Readers: member === writer ? members.filter((m) => m !== writer).map(arn) : [],
        SynchronizationStatus: options.resyncing?.includes(member) ? 'pending-resync' : 'connected',
        ...(family.prefix === 'aurora' ? { GlobalWriteForwardingStatus: 'disabled' as const } : {}),
      })),
      ...(state
        ? {
            FailoverState: {
              // switching-over is what AWS sends, though the SDK enum lacks it.
              Status: state.status as rds.FailoverStatus,
              FromDbClusterArn: arn(state.from ?? writer),
              ToDbClusterArn: arn(state.to),
              IsDataLossAllowed: state.dataLoss,
            },
          }
        : {}),
      TagList: [],
    };
  }
  const described = (options?: Parameters<typeof globalCluster>[0]) => ({ GlobalClusters: [globalCluster(options)] });

  /** A DescribeDBClusters answer for the target member. */
  function dbCluster(status: string, member: Member = 'west'): { DBClusters: rds.DBCluster[] } {
    return {
      DBClusters: [
        {
          DBClusterIdentifier: id(member),
          DBClusterArn: arn(member),
          Status: status,
          Engine: family.engine,
          EngineVersion: family.engineVersion,
          Endpoint: endpoint(member),
          ReaderEndpoint: endpoint(member).replace('.cluster-', '.cluster-ro-'),
          ...(family.prefix === 'aurora' ? { GlobalClusterIdentifier: family.globalClusterId } : {}),
          DBClusterMembers: [
            { DBInstanceIdentifier: `${id(member)}-1`, IsClusterWriter: false, PromotionTier: 1 },
            { DBInstanceIdentifier: `${id(member)}-2`, IsClusterWriter: false, PromotionTier: 1 },
          ],
        },
      ],
    };
  }

  const invalidGlobalClusterState = (message: string) =>
    new sdk.InvalidGlobalClusterStateFault({ message, $metadata: errorMetadata(400) });

  let ctx: SdkContext;
  beforeEach(() => {
    rdsMock.reset();
    docdbMock.reset();
    cloudwatch.reset();
    answerMetrics(cloudwatch, 'us-west-2', { [`${family.lagMetric}/${id('west')}`]: family.lagMs, [`${family.lagMetric}/${id('eu')}`]: 730 });
    ctx = sdkContext(FAKE_SHOP_RESOURCES);
  });
  afterEach(() => ctx.ports.close());

  describe(`${family.prefix}.switchover`, () => {
    const switchover = actionNamed(globalClusterFamily.actions, `${family.prefix}.switchover`);

    it("switches over: SwitchoverGlobalCluster to the primary's region, progress from FailoverState to cleared", async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described()) // plan
        .resolvesOnce(described({ failover: { status: 'switching-over', to: 'west', dataLoss: false } }))
        .resolvesOnce(described({ writer: 'west', resyncing: ['eu'] }))
        .resolves(described({ writer: 'west' }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock.on(sdk.SwitchoverGlobalClusterCommand).resolves({
        GlobalCluster: globalCluster({ failover: { status: 'pending', to: 'west', dataLoss: false } }),
      });

      const run = await runAction(switchover, ctx, params);

      expect(run.plan.status).toBe('ready');
      expect(run.plan.calls).toEqual([
        {
          service: family.prefix === 'aurora' ? 'rds' : 'docdb',
          region: 'us-east-1',
          operation: 'SwitchoverGlobalCluster',
          params: { GlobalClusterIdentifier: family.globalClusterId, TargetDbClusterIdentifier: arn('west') },
        },
      ]);
      const [call, ...more] = mock.commandCalls(sdk.SwitchoverGlobalClusterCommand);
      expect(more).toHaveLength(0);
      expect(inputOf(call!)).toStrictEqual({ GlobalClusterIdentifier: family.globalClusterId, TargetDbClusterIdentifier: arn('west') });
      expect(await regionOfCall(call!)).toBe('us-east-1');

      // Plan and progress asked in the target's region; only the switchover itself went to the primary's.
      expect(await callsOf(mock)).toEqual([
        ['DescribeGlobalClusters', 'us-west-2'],
        ['DescribeDBClusters', 'us-west-2'],
        ['SwitchoverGlobalCluster', 'us-east-1'],
        ['DescribeGlobalClusters', 'us-west-2'],
        ['DescribeGlobalClusters', 'us-west-2'],
        ['DescribeGlobalClusters', 'us-west-2'],
        ['DescribeDBClusters', 'us-west-2'],
      ]);
      // Each family goes through its own client: nothing reached the other package's.
      expect((mock === rdsMock ? docdbMock : rdsMock).calls()).toHaveLength(0);
      expect(run.polls.map((poll) => poll.done)).toEqual([false, false, true]);
      expect(run.polls[0]?.observation).toBe(`${family.globalClusterId}: switching-over us-east-1 -> us-west-2`);
      expect(run.polls[1]?.observation).toContain(`waiting for ${id('eu')} in eu-west-1, pending-resync`);
      expect(run.outputs).toStrictEqual({
        writerRegion: 'us-west-2',
        writerClusterArn: arn('west'),
        writerClusterId: id('west'),
        previousWriterRegion: 'us-east-1',
        writerEndpoint: endpoint('west'),
        ...(family.globalEndpoint ? { globalEndpoint: family.globalEndpoint } : {}),
      });
      // Lag read in the secondary's region just before the call: the switchover's RPO is 0 by construction.
      expect(ctx.metrics.map((m) => [m.metricName, m.region, m.valueMs])).toEqual([[family.lagMetric, 'us-west-2', family.lagMs]]);
      const metricCalls = await callsOf(cloudwatch);
      expect(metricCalls).toEqual([
        ['ListMetrics', 'us-west-2'],
        ['GetMetricData', 'us-west-2'],
        ['ListMetrics', 'us-west-2'],
        ['GetMetricData', 'us-west-2'],
      ]);
      expect(inputOf(cloudwatch.calls()[1]!)).toMatchObject({
        MetricDataQueries: [{ MetricStat: { Metric: { MetricName: family.lagMetric, Dimensions: [{ Name: 'DBClusterIdentifier', Value: id('west') }] } } }],
      });
    });

    it('is done, with no call, when the writer is already in the target and every member is connected', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ writer: 'west' }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      const run = await runAction(switchover, ctx, params);
      expect(run.plan).toMatchObject({ status: 'done', calls: [], summary: `${family.resource}: writer already in us-west-2` });
      expect(mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)).toHaveLength(0);
      expect(await mutatingCallsOf(mock)).toEqual([]);
    });

    it('joins a switchover already under way to the same target without calling again', async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described({ failover: { status: 'switching-over', to: 'west', dataLoss: false } }))
        .resolves(described({ writer: 'west' }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      const run = await runAction(switchover, ctx, params);
      expect(run.plan).toMatchObject({ status: 'in-progress', calls: [] });
      expect(run.plan.summary).toContain('already under way to us-west-2');
      expect(run.outputs?.writerRegion).toBe('us-west-2');
      expect(mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('refuses when an operation is under way to another target, and calls nothing', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ failover: { status: 'switching-over', to: 'eu', dataLoss: false } }));
      await expect(switchover.plan(ctx, params)).rejects.toMatchObject({
        code: 'action.operation-in-progress-elsewhere',
        message: expect.stringContaining('under way to eu-west-1, not us-west-2'),
        hint: expect.stringContaining('drctl status'),
      });
      expect(mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('joins when AWS answers InvalidGlobalClusterStateFault because an earlier attempt started it', async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described())
        .resolves(described({ failover: { status: 'switching-over', to: 'west', dataLoss: false } }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock.on(sdk.SwitchoverGlobalClusterCommand).rejects(invalidGlobalClusterState(`Global cluster ${family.globalClusterId} is already being switched over.`));
      const plan = await switchover.plan(ctx, params);
      const applied = await switchover.apply(ctx, params, plan);
      expect(applied).toMatchObject({ done: false, observation: expect.stringContaining('already under way; joined') });
      expect(mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)).toHaveLength(1);
    });

    it('raises aws.invalid-state with a hint when AWS refuses the switchover', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described());
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock
        .on(sdk.SwitchoverGlobalClusterCommand)
        .rejects(invalidGlobalClusterState(`The global cluster ${family.globalClusterId} is in a state that doesn't allow switchover.`));
      const plan = await switchover.plan(ctx, params);
      const error = await switchover.apply(ctx, params, plan).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DrctlError);
      expect(error).toMatchObject({
        code: 'aws.invalid-state',
        message: expect.stringContaining(`${family.resource}: SwitchoverGlobalCluster in us-east-1`),
        hint: expect.stringContaining('Another operation is under way'),
        details: { kind: 'invalid-state', awsCode: 'InvalidGlobalClusterStateFault', httpStatus: 400, region: 'us-east-1', operation: 'SwitchoverGlobalCluster' },
      });
      expect((error as DrctlError).retryable).toBe(false);
    });
  });

  describe(`${family.prefix}.failover`, () => {
    const failover = actionNamed(globalClusterFamily.actions, `${family.prefix}.failover`);

    it("fails over: AllowDataLoss and no Switchover, every call to the target's region, old primary left resyncing", async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described())
        .resolvesOnce(described({ failover: { status: 'failing-over', to: 'west', dataLoss: true } }))
        .resolves(described({ writer: 'west', resyncing: ['east'] }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock.on(sdk.FailoverGlobalClusterCommand).resolves({
        GlobalCluster: globalCluster({ failover: { status: 'pending', to: 'west', dataLoss: true } }),
      });

      const run = await runAction(failover, ctx, params);

      const [call, ...more] = mock.commandCalls(sdk.FailoverGlobalClusterCommand);
      expect(more).toHaveLength(0);
      expect(inputOf(call!)).toStrictEqual({ GlobalClusterIdentifier: family.globalClusterId, TargetDbClusterIdentifier: arn('west'), AllowDataLoss: true });
      expect(inputOf(call!)).not.toHaveProperty('Switchover');
      expect(await regionOfCall(call!)).toBe('us-west-2');
      expect(mock.commandCalls(sdk.SwitchoverGlobalClusterCommand)).toHaveLength(0);
      // The old primary's region is never asked: in an outage it is the one that does not answer.
      const regions = [...(await callsOf(mock)), ...(await callsOf(cloudwatch))].map(([, region]) => region);
      expect(new Set(regions)).toEqual(new Set(['us-west-2']));

      expect(run.polls.map((poll) => poll.observation)).toEqual([
        `${family.globalClusterId}: failing-over us-east-1 -> us-west-2`,
        `${family.resource}: writer ${id('west')} available in us-west-2; resyncing: ${id('east')} in us-east-1, pending-resync`,
      ]);
      expect(run.outputs).toMatchObject({ writerRegion: 'us-west-2', writerClusterArn: arn('west'), previousWriterRegion: 'us-east-1' });
      // The lag read just before the call is the RPO; a failover records no RPO 0.
      expect(ctx.metrics).toEqual([
        expect.objectContaining({ resource: family.resource, kind: 'replication-lag', metricName: family.lagMetric, region: 'us-west-2', valueMs: family.lagMs }),
      ]);
    });

    it('is done, with no call, when the writer is already in the target (old primary still resyncing)', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ writer: 'west', resyncing: ['east'] }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      const run = await runAction(failover, ctx, params);
      expect(run.plan.status).toBe('done');
      expect(run.plan.observations.join('\n')).toContain(`resyncing (AWS rebuilds these on its own): ${id('east')} in us-east-1, pending-resync`);
      expect(mock.commandCalls(sdk.FailoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('joins a failover already under way to the same target', async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described({ failover: { status: 'failing-over', to: 'west', dataLoss: true } }))
        .resolves(described({ writer: 'west', resyncing: ['east'] }));
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      const run = await runAction(failover, ctx, params);
      expect(run.plan).toMatchObject({ status: 'in-progress', calls: [], summary: expect.stringContaining('join a failover') });
      expect(run.outputs?.writerRegion).toBe('us-west-2');
      expect(mock.commandCalls(sdk.FailoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('refuses when a failover is under way to another target', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ failover: { status: 'failing-over', to: 'eu', dataLoss: true } }));
      await expect(failover.plan(ctx, params)).rejects.toMatchObject({
        code: 'action.operation-in-progress-elsewhere',
        message: expect.stringContaining('a failover'),
      });
      expect(mock.commandCalls(sdk.FailoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('refuses to call when the lag read before the call is above maxLag', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described());
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      const guarded = { ...params, maxLag: '100ms' };
      const plan = await failover.plan(ctx, guarded);
      await expect(failover.apply(ctx, guarded, plan)).rejects.toMatchObject({ code: 'action.lag-above-limit' });
      expect(mock.commandCalls(sdk.FailoverGlobalClusterCommand)).toHaveLength(0);
    });

    it('raises aws.invalid-state, naming the last resort, when AWS refuses the target', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described());
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock.on(sdk.FailoverGlobalClusterCommand).rejects(
        new sdk.InvalidDBClusterStateFault({
          message: 'The target DB cluster specified is running an engine version with a different patch level than the source DB cluster.',
          $metadata: errorMetadata(400),
        }),
      );
      const plan = await failover.plan(ctx, params);
      await expect(failover.apply(ctx, params, plan)).rejects.toMatchObject({
        code: 'aws.invalid-state',
        message: expect.stringContaining('different patch level'),
        hint: expect.stringContaining(`${family.prefix}.detach is the last resort`),
        details: { awsCode: 'InvalidDBClusterStateFault', region: 'us-west-2', operation: 'FailoverGlobalCluster' },
      });
      expect(mock.commandCalls(sdk.FailoverGlobalClusterCommand)).toHaveLength(1);
    });
  });

  describe(`${family.prefix}.detach`, () => {
    const detach = actionNamed(globalClusterFamily.actions, `${family.prefix}.detach`);

    it("detaches in the member's region and waits for the standalone writer to be available", async () => {
      mock
        .on(sdk.DescribeGlobalClustersCommand)
        .resolvesOnce(described()) // plan
        .resolvesOnce(described()) // first poll: still listed
        .resolves(described({ members: ['east', 'eu'] }));
      mock
        .on(sdk.DescribeDBClustersCommand)
        .resolvesOnce(dbCluster('available'))
        .resolvesOnce(dbCluster('promoting'))
        .resolves(dbCluster('available'));
      mock.on(sdk.RemoveFromGlobalClusterCommand).resolves({ GlobalCluster: globalCluster() });

      const run = await runAction(detach, ctx, params);

      expect(run.plan.observations.join('\n')).toMatch(/WARNING split-brain.*Stop writes to us-east-1/);
      const [call, ...more] = mock.commandCalls(sdk.RemoveFromGlobalClusterCommand);
      expect(more).toHaveLength(0);
      // "Db", not "DB": the SDK's own casing for this operation.
      expect(inputOf(call!)).toStrictEqual({ GlobalClusterIdentifier: family.globalClusterId, DbClusterIdentifier: arn('west') });
      expect(await regionOfCall(call!)).toBe('us-west-2');
      expect(run.polls.map((poll) => poll.observation)).toEqual([
        `${family.resource}: detaching ${id('west')} in us-west-2`,
        `${family.resource}: ${id('west')} detached, promoting`,
        `${family.resource}: ${id('west')} is a standalone writer in us-west-2`,
      ]);
      expect(run.outputs).toStrictEqual({
        writerRegion: 'us-west-2',
        writerClusterArn: arn('west'),
        writerClusterId: id('west'),
        previousWriterRegion: 'us-east-1',
        writerEndpoint: endpoint('west'),
      });
      expect(ctx.metrics).toEqual([expect.objectContaining({ metricName: family.lagMetric, region: 'us-west-2', valueMs: family.lagMs })]);
    });

    it('says a repeat has nothing to do once the member has left, and calls nothing', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ members: ['east', 'eu'] }));
      await expect(detach.plan(ctx, params)).rejects.toMatchObject({
        code: 'action.region-not-a-member',
        message: expect.stringContaining(`${id('east')} in us-east-1 (writer); ${id('eu')} in eu-west-1`),
        hint: expect.stringContaining('already detached'),
      });
      expect(await callsOf(mock)).toEqual([['DescribeGlobalClusters', 'us-west-2']]);
    });

    it('refuses while a switchover or failover is under way', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described({ failover: { status: 'switching-over', to: 'eu', dataLoss: false } }));
      await expect(detach.plan(ctx, params)).rejects.toMatchObject({ code: 'action.operation-in-progress-elsewhere' });
      expect(mock.commandCalls(sdk.RemoveFromGlobalClusterCommand)).toHaveLength(0);
    });

    it('raises aws.invalid-state with a hint when AWS refuses to detach (and never tries to join)', async () => {
      mock.on(sdk.DescribeGlobalClustersCommand).resolves(described());
      mock.on(sdk.DescribeDBClustersCommand).resolves(dbCluster('available'));
      mock.on(sdk.RemoveFromGlobalClusterCommand).rejects(invalidGlobalClusterState(`Global cluster ${family.globalClusterId} is being modified.`));
      const plan = await detach.plan(ctx, params);
      await expect(detach.apply(ctx, params, plan)).rejects.toMatchObject({
        code: 'aws.invalid-state',
        hint: expect.stringContaining('AWS refused to detach'),
        details: { awsCode: 'InvalidGlobalClusterStateFault', region: 'us-west-2', operation: 'RemoveFromGlobalCluster' },
      });
      expect(mock.commandCalls(sdk.DescribeGlobalClustersCommand)).toHaveLength(1);
    });
  });
});
