// The error for an id that does not exist, over the stateful fake: it lists what does exist (with member
// regions), suggests the closest id, and falls back to the AWS CLI command only when listing fails.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/resources';
import { checkFailoverTarget } from '../../src/status/failover-target';
import { gatherStatus } from '../../src/status/gather';
import { readHealthChecks } from '../../src/status/health';
import { notFoundError } from '../../src/status/not-found';
import { InstantClock } from '../helpers/action-context';
import { FakeAws } from '../helpers/fake-aws';
import { fakeAwsError } from '../helpers/fake-aws/core';

let aws: FakeAws;
let deps: { ports: FakeAws; clock: InstantClock; defaultRegion?: string };
beforeEach(() => {
  const clock = new InstantClock();
  aws = new FakeAws(() => clock.now());
  deps = { ports: aws, clock };
  aws.rds.add({ id: 'shop-orders', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2' }] });
  aws.rds.add({ id: 'shop-ledger', members: [{ region: 'us-east-1', writer: true }] });
  aws.docdb.add({ id: 'shop-catalog', members: [{ region: 'us-east-1', writer: true }, { region: 'us-west-2' }] });
  aws.elasticache.add({ id: 'ldgnf-shop-sessions', members: [{ region: 'us-east-1', primary: true }, { region: 'us-west-2' }] });
  aws.route53.addHealthCheck({ id: 'hc-east' });
  aws.route53.addHealthCheck({ id: 'hc-west' });
});

const aurora = (globalClusterId: string, regions = ['us-west-2', 'us-east-1']): Record<string, Resource> => ({
  [globalClusterId]: { type: 'aurora-global', globalClusterId, regions },
});
interface Refusal { code: string; message: string; hint: string }
/** The error a call that must fail failed with. */
const refusal = (promise: Promise<unknown>): Promise<Refusal> =>
  promise.then(
    () => { throw new Error('expected an error'); },
    (e: unknown) => e as Refusal,
  );
const statusError = (resources: Record<string, Resource>) => refusal(gatherStatus(deps, { resources }));

describe('an unknown id lists what exists', () => {
  it('names the global clusters there with their regions, and suggests the closest', async () => {
    const error = await statusError(aurora('shop-ordrs'));
    expect(error).toMatchObject({
      code: 'status.not-found',
      exitCode: 2,
      message: 'Aurora global cluster shop-ordrs was not found in us-west-2, us-east-1. Aurora global clusters there: shop-orders (us-east-1, us-west-2), shop-ledger (us-east-1)',
      hint: 'Did you mean "shop-orders"? Check the id, --region (or the resource\'s regions) and the account (--profile).',
    });
    // One listing per region asked: a region that is down must not hide what the other knows.
    expect(aws.callsTo('DescribeGlobalClusters').filter((call) => !('GlobalClusterIdentifier' in call.params)).map((call) => call.region).sort()).toEqual(['us-east-1', 'us-west-2']);
  });

  it('lists DocumentDB clusters for docdb and datastores for elasticache, never the other kinds', async () => {
    const docdb = await statusError({ catalog: { type: 'docdb-global', globalClusterId: 'shop-catalogue', regions: ['us-west-2'] } });
    expect(docdb.message).toBe('DocumentDB global cluster shop-catalogue (resource "catalog") was not found in us-west-2. DocumentDB global clusters there: shop-catalog (us-east-1, us-west-2)');
    expect(docdb.hint).toMatch(/^Did you mean "shop-catalog"\?/);
    const datastore = await statusError({ sessions: { type: 'elasticache-global', globalReplicationGroupId: 'shop-sessions', regions: ['us-east-1'] } });
    expect(datastore.message).toBe('ElastiCache global datastore shop-sessions (resource "sessions") was not found in us-east-1. ElastiCache global datastores there: ldgnf-shop-sessions (us-east-1, us-west-2)');
    expect(datastore.hint).toMatch(/^Did you mean "ldgnf-shop-sessions"\? Global datastore ids start with a region prefix\./);
  });

  it('says there are none, and suggests nothing, when nothing is close', async () => {
    const error = await statusError({ x: { type: 'elasticache-global', globalReplicationGroupId: 'zzzzz', regions: ['us-east-1'] } });
    expect(error.message).toContain('ElastiCache global datastores there: ldgnf-shop-sessions (us-east-1, us-west-2)');
    expect(error.hint).toBe('Check the id, --region (or the resource\'s regions) and the account (--profile).');
    const empty = new FakeAws();
    const none = await gatherStatus({ ports: empty, clock: new InstantClock() }, { resources: aurora('nope', ['eu-west-1']) }).catch((e: unknown) => e);
    expect(none).toMatchObject({ message: 'Aurora global cluster nope was not found in eu-west-1. There are no Aurora global clusters there' });
  });

  it('shows at most ten, the closest first, and counts the rest', async () => {
    for (let i = 0; i < 12; i++) aws.rds.add({ id: `other-${String(i).padStart(2, '0')}`, members: [{ region: 'us-east-1', writer: true }] });
    const error = await statusError(aurora('shop-orderz', ['us-east-1']));
    expect(error.message).toMatch(/there: shop-orders \(us-east-1, us-west-2\), shop-ledger \(us-east-1\), other-00 \(us-east-1\), .* and 4 more$/);
    expect(error.message.match(/\(us-east-1/g)).toHaveLength(10);
  });

  it('lists the health checks of the account, and knows a domain name given for an id', async () => {
    const typo = await refusal(readHealthChecks(deps, ['hc-eastt']));
    expect(typo).toMatchObject({
      code: 'health.not-found',
      message: 'Route 53 health check hc-eastt was not found. Route 53 health checks in this account: hc-east (hc-east.example.com), hc-west (hc-west.example.com)',
      hint: 'Did you mean "hc-east"? Check the id and the account (--profile).',
    });
    const byName = await refusal(readHealthChecks(deps, ['HC-WEST.example.com']));
    expect(byName.hint).toMatch(/^Did you mean "hc-west"\? That health check looks at hc-west\.example\.com\./);
  });

  it('lists for failover too, in the regions it asked (--to, then the default region)', async () => {
    const error = await checkFailoverTarget({ ...deps, defaultRegion: 'us-east-1' }, aurora('shop-order'), 'shop-order', 'us-west-2').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'failover.not-found',
      message: 'Aurora global cluster shop-order was not found in us-west-2, us-east-1. Aurora global clusters there: shop-orders (us-east-1, us-west-2), shop-ledger (us-east-1)',
      hint: expect.stringMatching(/^Did you mean "shop-orders"\?/),
    });
  });
});

describe('when listing fails', () => {
  it('falls back to the AWS CLI command, saying why it could not list', async () => {
    // Describing the id fails as not-found first; only the listing is refused.
    aws.fail({ kind: 'access-denied', operation: 'DescribeGlobalClusters', times: Infinity });
    const cause = fakeAwsError('not-found', { service: 'rds', region: 'us-west-2', operation: 'DescribeGlobalClusters' });
    const error = await notFoundError('status', aws, 'shop-ordrs', aurora('shop-ordrs')['shop-ordrs']!, ['us-west-2'], cause);
    expect(error.code).toBe('status.not-found');
    expect(error.message).toBe('Aurora global cluster shop-ordrs was not found in us-west-2');
    expect(error.hint).toMatch(/^List what exists with: aws rds describe-global-clusters --region us-west-2 --query "GlobalClusters\[\]\.GlobalClusterIdentifier" \(drctl could not list them: rds DescribeGlobalClusters in us-west-2 failed: AccessDenied\)\. Check the id/);
  });

  it('falls back for health checks when ListHealthChecks is refused', async () => {
    aws.fail({ kind: 'access-denied', operation: 'ListHealthChecks' });
    const error = await readHealthChecks(deps, ['nope']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'health.not-found', message: 'Route 53 health check nope was not found', hint: expect.stringContaining('List what exists with: aws route53 list-health-checks') });
  });

  it('lists what the regions that answered know, and names the one that did not', async () => {
    aws.fail({ kind: 'service', operation: 'DescribeGlobalClusters', region: 'us-west-2' });
    const cause = fakeAwsError('not-found', { service: 'rds', region: 'us-west-2', operation: 'DescribeGlobalClusters' });
    const resource = aurora('shop-ordrs')['shop-ordrs']!;
    const error = await notFoundError('status', aws, 'shop-ordrs', resource, ['us-west-2', 'us-east-1'], cause);
    expect(error.message).toBe('Aurora global cluster shop-ordrs was not found in us-west-2, us-east-1. Aurora global clusters there: shop-orders (us-east-1, us-west-2), shop-ledger (us-east-1)');
    expect(error.hint).toBe('Did you mean "shop-orders"? us-west-2 could not be listed, so some may be missing. Check the id, --region (or the resource\'s regions) and the account (--profile).');
  });
});
