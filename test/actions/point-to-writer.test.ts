// route53.point-to-writer: the CNAME applications use follows a DocumentDB or ElastiCache writer to its new
// region, to the endpoint AWS describes (never typed by hand), with its TTL in the estimate.
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { runAction } from '../helpers/action-context';
import { fakeShop } from '../helpers/fake-shop';

const point = actionCatalogue.getAction('route53.point-to-writer')!;
const CATALOG_WEST = 'catalog-west.cluster-abc.us-west-2.docdb.amazonaws.com';

describe('route53.point-to-writer', () => {
  it('plans the CNAME to the target member\'s endpoint read from DescribeDBClusters, TTL in the estimate', async () => {
    const ctx = fakeShop({ dryRun: true });
    const plan = await point.plan(ctx, { resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2', ttl: 30 });
    expect(plan).toMatchObject({ status: 'ready', estimateMs: 60_000 + 30_000, summary: `point catalog.shop.internal. at the catalog-db writer in us-west-2 (${CATALOG_WEST})` });
    expect(plan.calls[0]?.params).toMatchObject({ ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: { Name: 'catalog.shop.internal.', Type: 'CNAME', TTL: 30, ResourceRecords: [{ Value: CATALOG_WEST }] } }] } });
    expect(plan.observations).toContain(`catalog-west in us-west-2: not the writer yet, endpoint ${CATALOG_WEST}`);
    expect(ctx.aws.calls.map((call) => [call.operation, call.region])).toContainEqual(['DescribeDBClusters', 'us-west-2']);
  });

  it('after the failover, UPSERTs the CNAME and waits for INSYNC; then it is done', async () => {
    const ctx = fakeShop();
    ctx.aws.docdb.add({ id: 'shop-catalog', members: [{ region: 'us-east-1', clusterId: 'catalog-east' }, { region: 'us-west-2', clusterId: 'catalog-west', writer: true }] });
    const run = await runAction(point, ctx, { resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2' });
    expect(run.outputs).toMatchObject({ changeId: expect.any(String) });
    expect(ctx.aws.route53.records('Z1PRIVATE')).toEqual([expect.objectContaining({ name: 'catalog.shop.internal.', type: 'CNAME', values: [CATALOG_WEST], ttl: 60 })]);
    expect((await point.plan(ctx, { resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2' })).status).toBe('done');
  });

  it('points an ElastiCache name at the replication group\'s primary endpoint', async () => {
    const ctx = fakeShop({ dryRun: true });
    ctx.resources['sessions-dns'] = { type: 'route53-record-set', hostedZoneId: 'Z1PRIVATE', name: 'sessions.shop.internal', recordType: 'CNAME' };
    const plan = await point.plan(ctx, { resource: 'sessions-dns', writer: 'sessions', to: 'us-west-2' });
    expect(plan.summary).toContain('master.sessions-west.abc123.us-west-2.cache.amazonaws.com');
  });

  it('refuses to run before the member in `to` is the writer, and refuses a record set that is not a CNAME', async () => {
    const ctx = fakeShop();
    await expect(runAction(point, ctx, { resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2' })).rejects.toMatchObject({ code: 'action.not-writer-yet' });
    await expect(runAction(point, ctx, { resource: 'api-record', writer: 'catalog-db', to: 'us-west-2' })).rejects.toMatchObject({ code: 'action.not-a-cname' });
    expect(ctx.aws.mutatingCalls()).toEqual([]);
  });

  it('needs the writer\'s describes in `to` and Route 53\'s control plane', () => {
    const { needs } = point.dependencies({ resource: 'catalog-dns', writer: 'catalog-db', to: 'us-west-2', ttl: 60 }, fakeShop().resources);
    expect(needs.map((n) => [n.service, n.plane, n.region])).toEqual([['docdb', 'control', 'us-west-2'], ['route53', 'control', 'us-east-1']]);
  });
});
