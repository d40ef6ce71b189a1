// The shop from DESIGN.md as fake AWS ports (test/helpers/fake-aws) and an action context over them, for
// the action suites: writers in us-east-1, secondaries in us-west-2 (and, for
// Aurora, eu-west-1), lag metrics published in the secondaries' regions, health checks and a zone, the
// application's west alarm (in ALARM) and its health URL (answering 200).
import { makeContext, type TestContext } from './action-context';
import { FakeProbe, ok } from './fake-probe';
import type { Resource } from '../../src/core/resources';

const ARC_PREFIX = 'arn:aws:route53-recovery-control::111122223333';
/** The shop's ARC cluster: five endpoints (AWS's example regions), a control per region. */
export const FAKE_ARC = {
  cluster: `${ARC_PREFIX}:cluster/shop`,
  endpoints: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'].map((region) => ({ region, endpoint: `https://host-shop.${region}.example.com/v1` })),
  east: `${ARC_PREFIX}:controlpanel/shop/routingcontrol/east`,
  west: `${ARC_PREFIX}:controlpanel/shop/routingcontrol/west`,
  oneOn: `${ARC_PREFIX}:controlpanel/shop/safetyrule/one-region-on`,
};

export const FAKE_SHOP_RESOURCES: Record<string, Resource> = {
  'orders-db': { type: 'aurora-global', globalClusterId: 'shop-orders' },
  'catalog-db': { type: 'docdb-global', globalClusterId: 'shop-catalog' },
  sessions: { type: 'elasticache-global', globalReplicationGroupId: 'ldgnf-shop-sessions' },
  'api-west': { type: 'route53-health-check', healthCheckId: 'hc-west' },
  'api-east': { type: 'route53-health-check', healthCheckId: 'hc-east' },
  'api-record': { type: 'route53-record-set', hostedZoneId: 'Z1SHOP', name: 'api.shop.example.com', recordType: 'A' },
  'catalog-dns': { type: 'route53-record-set', hostedZoneId: 'Z1PRIVATE', name: 'catalog.shop.internal', recordType: 'CNAME' },
  'shop-arc': { type: 'arc-cluster', clusterArn: FAKE_ARC.cluster, endpoints: FAKE_ARC.endpoints },
  'east-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', routingControlArn: FAKE_ARC.east, region: 'us-east-1' },
  'west-traffic': { type: 'arc-routing-control', cluster: 'shop-arc', routingControlArn: FAKE_ARC.west, region: 'us-west-2' },
  'app-west': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-usw2', region: 'us-west-2' },
  'shop-api': { type: 'http-endpoint', url: 'https://api.shop.example.com/health' },
};

export function fakeShop(options: { defaultRegion?: string; dryRun?: boolean } = {}): TestContext {
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
  aws.route53.addZone('Z1PRIVATE', [{ name: 'catalog.shop.internal.', type: 'CNAME', ttl: 60, values: ['catalog-east.cluster-abc.us-east-1.docdb.amazonaws.com'] }]);
  aws.arc.setState(FAKE_ARC.east, 'On');
  aws.arc.setState(FAKE_ARC.west, 'Off');
  aws.cloudwatch.setAlarm('us-west-2', 'shop-healthy-usw2', 'ALARM', { kind: 'composite' });
  ctx.http = new FakeProbe(() => ctx.clock.now()).script('https://api.shop.example.com/health', ok());
  return ctx;
}
