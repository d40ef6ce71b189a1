import { describe, expect, it } from 'vitest';
import { route53Family } from '../../src/actions/route53/family';
import { actionNamed, runAction } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const setRecords = actionNamed(route53Family.actions, 'route53.set-records');
const failoverRecords = {
  resource: 'api-record',
  records: [
    { setIdentifier: 'west', failover: 'PRIMARY', values: ['192.0.2.20'], healthCheck: 'api-west' },
    { setIdentifier: 'east', failover: 'SECONDARY', values: ['192.0.2.10'], ttl: 60 },
  ],
};

describe('route53.set-records', () => {
  it('plans one UPSERT batch for the records that differ', async () => {
    const ctx = fakeShop();
    ctx.aws.route53.addZone('Z1SHOP', [
      { name: 'api.shop.example.com.', type: 'A', setIdentifier: 'east', failover: 'SECONDARY', ttl: 60, values: ['192.0.2.10'] },
      { name: 'api.shop.example.com.', type: 'A', setIdentifier: 'west', failover: 'SECONDARY', ttl: 60, values: ['192.0.2.20'] },
    ]);
    const plan = await setRecords.plan(ctx, failoverRecords);
    expect(plan.status).toBe('ready');
    expect(plan.calls).toEqual([
      {
        service: 'route53',
        region: 'us-east-1',
        operation: 'ChangeResourceRecordSets',
        params: {
          HostedZoneId: 'Z1SHOP',
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: 'api.shop.example.com.',
                  Type: 'A',
                  SetIdentifier: 'west',
                  Failover: 'PRIMARY',
                  HealthCheckId: 'hc-west',
                  TTL: 60,
                  ResourceRecords: [{ Value: '192.0.2.20' }],
                },
              },
            ],
          },
        },
      },
    ]);
    expect(plan.estimateMs).toBe(60_000);
  });

  it('UPSERTs, then polls GetChange every few seconds until INSYNC', async () => {
    const ctx = fakeShop();
    const plan = await setRecords.plan(ctx, failoverRecords);
    const applied = await setRecords.apply(ctx, failoverRecords, plan);
    expect(applied).toMatchObject({ done: false, observation: expect.stringContaining('PENDING') });
    const polls = [];
    for (let i = 0; i < 5; i++) {
      const result = await setRecords.poll(ctx, failoverRecords, plan);
      polls.push(result);
      if (result.done) break;
    }
    expect(polls.map((p) => p.done)).toEqual([false, false, true]);
    expect(polls.at(-1)?.outputs).toEqual({ changeId: 'C000000000001' });
    expect(setRecords.pollIntervalMs).toBeGreaterThanOrEqual(2_000);
    expect(setRecords.pollIntervalMs).toBeLessThanOrEqual(5_000);
    expect(ctx.aws.route53.records('Z1SHOP').map((r) => r.setIdentifier).sort()).toEqual(['east', 'west']);
  });

  it('is done, with no call, when Route 53 already holds the records', async () => {
    const ctx = fakeShop();
    await runAction(setRecords, ctx, failoverRecords);
    const plan = await setRecords.plan(ctx, failoverRecords);
    expect(plan).toMatchObject({ status: 'done', calls: [] });
    expect(ctx.aws.mutatingCalls()).toHaveLength(1);
  });

  it('sets weighted alias records', async () => {
    const ctx = fakeShop();
    const weighted = {
      resource: 'api-record',
      records: [
        { setIdentifier: 'west', weight: 100, alias: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'west-alb.example.com' } },
        { setIdentifier: 'east', weight: 0, alias: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'east-alb.example.com' } },
      ],
    };
    const run = await runAction(setRecords, ctx, weighted);
    expect(run.outputs).toEqual({ changeId: 'C000000000001' });
    expect(ctx.aws.route53.records('Z1SHOP')).toContainEqual(
      expect.objectContaining({ setIdentifier: 'west', weight: 100, aliasTarget: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'west-alb.example.com.', evaluateTargetHealth: false } }),
    );
    expect((await setRecords.plan(ctx, weighted)).status).toBe('done');
  });

  it('rejects record sets Route 53 would reject, at validation time', () => {
    const bad = (records: unknown[]) => setRecords.params.safeParse({ resource: 'api-record', records }).success;
    expect(bad([{ values: ['192.0.2.1'], alias: { hostedZoneId: 'Z', dnsName: 'x' } }])).toBe(false);
    expect(bad([{ failover: 'PRIMARY', values: ['192.0.2.1'] }])).toBe(false); // no setIdentifier
    expect(bad([{ setIdentifier: 'a', failover: 'PRIMARY', weight: 1, values: ['192.0.2.1'] }])).toBe(false);
    expect(bad([{ setIdentifier: 'a', weight: 1, values: ['192.0.2.1'], ttl: 60 }, { setIdentifier: 'b', weight: 1, values: ['192.0.2.2'], ttl: 30 }])).toBe(false);
    expect(bad([{ setIdentifier: 'a', weight: 256, values: ['192.0.2.1'] }])).toBe(false);
    expect(bad([{ setIdentifier: 'a', weight: 1, values: ['192.0.2.1'], color: 'red' }])).toBe(false);
    expect(bad([{ setIdentifier: 'a', weight: 1, values: ['192.0.2.1'] }])).toBe(true);
  });

  it('explains a rejected batch and a missing zone', async () => {
    const ctx = fakeShop();
    const plan = await setRecords.plan(ctx, failoverRecords);
    ctx.aws.fail({ kind: 'invalid-request', operation: 'ChangeResourceRecordSets', awsCode: 'InvalidChangeBatch' });
    await expect(setRecords.apply(ctx, failoverRecords, plan)).rejects.toMatchObject({ hint: expect.stringContaining('nothing changed') });
    ctx.resources['api-record'] = { type: 'route53-record-set', hostedZoneId: 'ZNOPE', name: 'api.shop.example.com', recordType: 'A' };
    await expect(setRecords.plan(ctx, failoverRecords)).rejects.toMatchObject({ code: 'aws.not-found', hint: expect.stringContaining('ZNOPE') });
  });
});
