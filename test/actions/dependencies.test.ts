// What each action and check says it needs from AWS (service, region, plane) and which regions it leaves,
// read from the runbook alone: what `plan`, `run` and `validate` judge static stability by.
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import type { Resource } from '../../src/core/resources';

const RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders', regions: ['us-east-1', 'us-west-2'] },
  'bare-db': { type: 'aurora-global', globalClusterId: 'bare' },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions', regions: ['us-east-1', 'us-west-2'] },
  'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east', region: 'us-east-1' },
};

const actionNeeds = (uses: string, params: Record<string, unknown>) => actionCatalogue.getAction(uses)!.dependencies(params, RESOURCES);
const where = (needs: ReturnType<typeof actionNeeds>['needs']) => needs.map((n) => `${n.service}/${n.plane}@${n.region ?? n.role}`);

describe('dependencies', () => {
  it('a switchover needs the region it leaves; a failover only the target', () => {
    const switchover = actionNeeds('aurora.switchover', { resource: 'orders-db', to: 'us-west-2' });
    expect(where(switchover.needs)).toEqual(['rds/control@us-east-1', 'rds/control@us-west-2', 'cloudwatch/data@us-west-2']);
    expect(switchover.needs[0]).toMatchObject({ role: 'source', operations: ['SwitchoverGlobalCluster'] });
    expect(switchover.leaves).toEqual(['us-east-1']);
    const failover = actionNeeds('aurora.failover', { resource: 'orders-db', to: 'us-west-2' });
    expect(where(failover.needs)).toEqual(['rds/control@us-west-2', 'cloudwatch/data@us-west-2']);
    expect(failover.leaves).toEqual(['us-east-1']);
    expect(actionNeeds('elasticache.failover', { resource: 'sessions', to: 'us-west-2' }).needs.map((n) => n.region)).toEqual(['us-west-2', 'us-west-2']);
  });

  it('without a regions hint, the region left is known only live', () => {
    const switchover = actionNeeds('aurora.switchover', { resource: 'bare-db', to: 'us-west-2' });
    expect(switchover.leaves).toEqual([]);
    expect(switchover.leavesSource).toBe(true);
    expect(switchover.needs[0]).toMatchObject({ role: 'source' });
    expect(switchover.needs[0]?.region).toBeUndefined();
  });

  it('Route 53 steps need its control plane in us-east-1; inverting a check leaves the region it watches', () => {
    expect(where(actionNeeds('route53.wait-healthy', { resource: 'api-east' }).needs)).toEqual(['route53/control@us-east-1']);
    const invert = actionNeeds('route53.invert-health-check', { resource: 'api-east', inverted: true });
    expect(invert.needs[0]?.operations).toContain('UpdateHealthCheck');
    expect(invert.leaves).toEqual(['us-east-1']);
    expect(actionNeeds('route53.invert-health-check', { resource: 'api-east', inverted: false }).leaves).toEqual([]);
  });

  it('checks read in the target first and need any one region of the hint', () => {
    const lag = actionCatalogue.getCheck('replication-lag-below')!.dependencies({ resources: ['orders-db'], max: '1s', to: 'us-west-2' }, RESOURCES);
    expect(lag.map((n) => [n.service, n.region, n.anyOf])).toEqual([
      ['rds', undefined, ['us-west-2', 'us-east-1']],
      ['cloudwatch', 'us-west-2', undefined],
    ]);
    expect(actionCatalogue.getCheck('healthy')!.dependencies({ resource: 'api-east' }, RESOURCES)).toEqual([
      expect.objectContaining({ service: 'route53', region: 'us-east-1', plane: 'control' }),
    ]);
  });

  it('every action and check declares them (the flow actions need nothing)', () => {
    for (const action of actionCatalogue.actions) expect(typeof action.dependencies).toBe('function');
    for (const check of actionCatalogue.checks) expect(typeof check.dependencies).toBe('function');
    expect(actionNeeds('wait', { duration: '5s' })).toEqual({ needs: [], leaves: [] });
  });
});
