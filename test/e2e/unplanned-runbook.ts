// The shop's databases failed over with data loss, and no preflight that needs the region being left:
// what the drill and fault tests run when a region is lost or its lag is high. Waiting on a health check
// needs Route 53's control plane (us-east-1, the region left), so the failover goes on without it
// (continue-on-error); an unplanned run refuses it otherwise.
export const UNPLANNED_SHOP = `apiVersion: drctl/v1
kind: Runbook
metadata: { name: shop-unplanned }
spec:
  objectives: { rto: 5m, rpo: 1s }
  resources:
    orders-db: { type: aurora-global, globalClusterId: shop-orders, regions: [us-east-1, us-west-2] }
    catalog-db: { type: docdb-global, globalClusterId: shop-catalog, regions: [us-east-1, us-west-2] }
    api-west: { type: route53-health-check, healthCheckId: 0b1e7c42-west-4f6a-8c1d-api000000002, region: us-west-2 }
  steps:
    - { id: orders, uses: aurora.failover, with: { resource: orders-db, to: us-west-2 } }
    - { id: catalog, uses: docdb.failover, with: { resource: catalog-db, to: us-west-2 } }
    - { id: serving, uses: route53.wait-healthy, needs: [orders, catalog], with: { resource: api-west }, continue-on-error: true }
`;
