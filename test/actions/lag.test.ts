import { describe, expect, it } from 'vitest';
import { datastoreLagMetrics, describeLag, globalClusterLagMetrics, readFirstLag, readLargestLag } from '../../src/actions/shared/lag';
import { FakeAws } from '../helpers/fake-aws';

const NOW = Date.UTC(2026, 10, 22, 3, 0, 0);

describe('replication lag', () => {
  it('names the metric, namespace, dimension and unit per service', () => {
    expect(globalClusterLagMetrics('rds', 'orders-west').map((m) => [m.namespace, m.metricName, m.toMs])).toEqual([
      ['AWS/RDS', 'AuroraGlobalDBRPOLag', 1],
      ['AWS/RDS', 'AuroraGlobalDBReplicationLag', 1],
    ]);
    expect(globalClusterLagMetrics('docdb', 'catalog-west')).toEqual([
      { namespace: 'AWS/DocDB', metricName: 'GlobalClusterReplicationLag', dimensions: { DBClusterIdentifier: 'catalog-west' }, toMs: 1 },
    ]);
    expect(datastoreLagMetrics(['rg-001'])).toEqual([
      { namespace: 'AWS/ElastiCache', metricName: 'GlobalDatastoreReplicationLag', dimensions: { CacheClusterId: 'rg-001' }, toMs: 1000 },
    ]);
  });

  it('takes the newest point, and asks for the Maximum over one-minute periods', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.put('us-west-2', 'AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'c' }, [
      { value: 900, ageMs: 180_000 },
      { value: 120, ageMs: 60_000 },
    ]);
    const reading = await readFirstLag(aws.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'c'), NOW);
    expect(reading).toEqual({
      region: 'us-west-2',
      metricName: 'AuroraGlobalDBRPOLag',
      dimensions: { DBClusterIdentifier: 'c' },
      missing: false,
      valueMs: 120,
      at: NOW - 60_000,
      ageMs: 60_000,
      stale: false,
    });
    expect(aws.cloudwatch.queries[0]?.query).toMatchObject({ stat: 'Maximum', periodSeconds: 60, end: new Date(NOW) });
  });

  it('discovers the dimension sets with ListMetrics and reads each: lag published with SourceRegion is found', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.auroraLag('us-west-2', 'c', 333, 'AuroraGlobalDBRPOLag', { SourceRegion: 'us-east-1' });
    aws.cloudwatch.auroraLag('us-west-2', 'other', 999, 'AuroraGlobalDBRPOLag', { SourceRegion: 'us-east-1' });
    const reading = await readFirstLag(aws.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'c'), NOW);
    expect(reading).toMatchObject({ missing: false, valueMs: 333, dimensions: { DBClusterIdentifier: 'c', SourceRegion: 'us-east-1' } });
    expect(aws.callsTo('ListMetrics')[0]).toMatchObject({ region: 'us-west-2', params: { namespace: 'AWS/RDS', metricName: 'AuroraGlobalDBRPOLag', dimensions: { DBClusterIdentifier: 'c' } } });
    // The discovered set, and the identifying set alone (ListMetrics lists a new metric only after minutes).
    expect(aws.cloudwatch.queries.map((q) => q.query.dimensions)).toEqual([{ DBClusterIdentifier: 'c', SourceRegion: 'us-east-1' }, { DBClusterIdentifier: 'c' }]);
  });

  it('still asks for the identifying set alone when ListMetrics is refused', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.auroraLag('us-west-2', 'c', 44);
    aws.fail({ kind: 'access-denied', operation: 'ListMetrics', times: Infinity });
    await expect(readFirstLag(aws.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'c'), NOW)).resolves.toMatchObject({ missing: false, valueMs: 44 });
  });

  it('calls a point older than five minutes stale, and says so', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.put('us-west-2', 'AWS/RDS', 'AuroraGlobalDBRPOLag', { DBClusterIdentifier: 'c' }, [{ value: 80, ageMs: 7 * 60_000 }]);
    const reading = await readFirstLag(aws.cloudwatch, 'us-west-2', globalClusterLagMetrics('rds', 'c'), NOW);
    expect(reading).toMatchObject({ missing: false, stale: true, ageMs: 420_000, valueMs: 80 });
    expect(describeLag('orders-db', reading)).toBe(
      'orders-db: replication lag 80 ms in us-west-2 (AuroraGlobalDBRPOLag {DBClusterIdentifier=c}, datapoint 7m old); STALE: older than 5m, not a measurement',
    );
  });

  it('finds nothing in the primary\'s region, where the metric is not published', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.auroraLag('us-west-2', 'c', 10);
    const reading = await readFirstLag(aws.cloudwatch, 'us-east-1', globalClusterLagMetrics('rds', 'c'), NOW);
    expect(reading.missing).toBe(true);
  });

  it('takes the largest node of an ElastiCache group, in ms', async () => {
    const aws = new FakeAws(() => NOW);
    aws.cloudwatch.elasticacheLag('us-west-2', 'rg-0001-001', 0.2);
    aws.cloudwatch.elasticacheLag('us-west-2', 'rg-0002-001', 2);
    const reading = await readLargestLag(aws.cloudwatch, 'us-west-2', datastoreLagMetrics(['rg-0001-001', 'rg-0002-001', 'rg-0003-001']), NOW);
    expect(reading).toMatchObject({ missing: false, valueMs: 2000 });
  });
});
