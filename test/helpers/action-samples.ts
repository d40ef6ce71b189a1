// Valid `with` values for every registered action and check, against the shop world of the fakes:
// the sweeps over "every action" use them, so a new action without a sample fails those tests.
export const ACTION_SAMPLES: Record<string, Record<string, unknown>> = {
  approval: { message: 'Fail over to us-west-2?' },
  wait: { duration: '30s' },
  assert: { that: true },
  'aurora.switchover': { resource: 'orders-db', to: 'us-west-2' },
  'aurora.failover': { resource: 'orders-db', to: 'us-west-2' },
  'aurora.detach': { resource: 'orders-db', to: 'us-west-2' },
  'docdb.switchover': { resource: 'catalog-db', to: 'us-west-2' },
  'docdb.failover': { resource: 'catalog-db', to: 'us-west-2' },
  'docdb.detach': { resource: 'catalog-db', to: 'us-west-2' },
  'elasticache.failover': { resource: 'sessions', to: 'us-west-2' },
  'elasticache.disassociate': { resource: 'sessions', to: 'us-west-2' },
  'route53.wait-healthy': { resource: 'api-west' },
  'route53.assert-healthy': { resource: 'api-west' },
  'route53.invert-health-check': { resource: 'api-east' },
  'arc.set-routing-controls': { off: ['east-traffic'], on: ['west-traffic'] },
  'arc.wait-routing-controls': { on: ['east-traffic'] },
  'route53.point-to-writer': { resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2' },
  'route53.set-records': { resource: 'api-record', records: [{ setIdentifier: 'west', weight: 100, values: ['192.0.2.20'] }] },
  'cloudwatch.wait-alarms': { resource: 'app-west', stableFor: '1m' },
  'http.probe': { resource: 'shop-api', body: 'ok', consecutive: 3 },
};

export const CORE_ACTIONS = ['approval', 'wait', 'assert'];
