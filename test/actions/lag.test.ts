import { describe, expect, it } from 'vitest';
import { datastoreLagMetrics, globalClusterLagMetrics, readFirstLag, readLargestLag } from '../../src/actions/shared/lag';
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
    expect(reading).toEqual({ region: 'us-west-2', metricName: 'AuroraGlobalDBRPOLag', missing: false, valueMs: 120, at: NOW - 60_000 });
    expect(aws.cloudwatch.queries[0]?.query).toMatchObject({ stat: 'Maximum', periodSeconds: 60, end: new Date(NOW) });
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
