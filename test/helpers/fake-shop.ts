// The shop from DESIGN.md as fake AWS ports (test/helpers/fake-aws) and an action context over them, for
// the action suites: writers in us-east-1, secondaries in us-west-2 (and, for
// Aurora, eu-west-1), lag metrics published in the secondaries' regions, health checks and a zone.
import { makeContext, type TestContext } from './action-context';
import type { Resource } from '../../src/core/resources';

export const FAKE_SHOP_RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders' },
  'catalog-db': { type: 'docdb-global', globalClusterId: 'shop-catalog' },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions' },
  'api-west': { type: 'route53-health-check', healthCheckId: 'hc-west' },
  'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east' },
  'api-record': { type: 'route53-record-set', hostedZoneId: 'Z1SHOP', name: 'api.shop.example.com', recordType: 'A' },
};

export function fakeShop(options: { defaultRegion?: string } = {}): TestContext {
  const ctx = makeContext(FAKE_SHOP_RESOURCES, options);
  const { aws } = ctx;
  aws.rds.add({
    id: 'shop-orders',
    members: [
      { region: 'us-east-1', clusterId: 'orders-east', writer: true },
      { region: 'us-west-2', clusterId: 'orders-west' },
      { region: 'eu-west-1', clusterId: 'orders-eu' },
    ],
  });
  aws.docdb.add({
    id: 'shop-catalog',
    members: [
      { region: 'us-east-1', clusterId: 'catalog-east', writer: true },
      { region: 'us-west-2', clusterId: 'catalog-west' },
    ],
  });
  aws.elasticache.add({
    id: 'ldgnf-shop-sessions',
    members: [
      { region: 'us-east-1', replicationGroupId: 'sessions-east', primary: true },
      { region: 'us-west-2', replicationGroupId: 'sessions-west' },
    ],
  });
  aws.cloudwatch.auroraLag('us-west-2', 'orders-west', 412);
  aws.cloudwatch.auroraLag('eu-west-1', 'orders-eu', 730);
  aws.cloudwatch.docdbLag('us-west-2', 'catalog-west', 250);
  aws.cloudwatch.elasticacheLag('us-west-2', 'sessions-west-001', 0.8);
  aws.route53.addHealthCheck({ id: 'hc-west' });
  aws.route53.addHealthCheck({ id: 'hc-east' });
  aws.route53.addZone('Z1SHOP');
  return ctx;
}
