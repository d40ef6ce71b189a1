// The read-only guard and the call recorder, over the real SDK path (middleware, signing, HTTP) against a
// loopback stub: aws-sdk-client-mock replaces send() and would skip the very middleware under test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAwsError } from '../../src/aws';
import type { ApiCallRecord } from '../../src/core/api-calls';
import type { AwsPorts } from '../../src/core/services/catalogue';
import { TEST_CREDENTIALS, testPorts } from './helpers';
import { closedPort, startStubServer, type StubServer } from './stub-server';

const ARN = 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west';
const CLUSTER_ARN = 'arn:aws:route53-recovery-control::111122223333:cluster/shop';
const QUERY = {
  namespace: 'AWS/RDS',
  metricName: 'AuroraGlobalDBRPOLag',
  dimensions: { DBClusterIdentifier: 'orders-west' },
  stat: 'Maximum' as const,
  periodSeconds: 60,
  start: new Date(0),
  end: new Date(60_000),
};

interface SweepEntry {
  port: keyof AwsPorts;
  method: string;
  operation: string;
  mutating: boolean;
  call: (ports: AwsPorts) => Promise<unknown>;
}

const globalClusterSweep = (port: 'rds' | 'docdb'): SweepEntry[] => [
  { port, method: 'describeGlobalCluster', operation: 'DescribeGlobalClusters', mutating: false, call: (p) => p[port].describeGlobalCluster('us-east-1', 'g') },
  { port, method: 'listGlobalClusters', operation: 'DescribeGlobalClusters', mutating: false, call: (p) => p[port].listGlobalClusters('us-west-2') },
  { port, method: 'describeDbCluster', operation: 'DescribeDBClusters', mutating: false, call: (p) => p[port].describeDbCluster('us-west-2', ARN) },
  { port, method: 'switchoverGlobalCluster', operation: 'SwitchoverGlobalCluster', mutating: true, call: (p) => p[port].switchoverGlobalCluster('us-east-1', 'g', ARN) },
  { port, method: 'failoverGlobalCluster', operation: 'FailoverGlobalCluster', mutating: true, call: (p) => p[port].failoverGlobalCluster('us-west-2', 'g', ARN) },
  { port, method: 'removeFromGlobalCluster', operation: 'RemoveFromGlobalCluster', mutating: true, call: (p) => p[port].removeFromGlobalCluster('us-west-2', 'g', ARN) },
];

const SWEEP: SweepEntry[] = [
  ...globalClusterSweep('rds'),
  ...globalClusterSweep('docdb'),
  { port: 'elasticache', method: 'describeGlobalDatastore', operation: 'DescribeGlobalReplicationGroups', mutating: false, call: (p) => p.elasticache.describeGlobalDatastore('us-east-1', 'gd') },
  { port: 'elasticache', method: 'listGlobalDatastores', operation: 'DescribeGlobalReplicationGroups', mutating: false, call: (p) => p.elasticache.listGlobalDatastores('us-west-2') },
  { port: 'elasticache', method: 'describeReplicationGroup', operation: 'DescribeReplicationGroups', mutating: false, call: (p) => p.elasticache.describeReplicationGroup('us-west-2', 'rg') },
  { port: 'elasticache', method: 'failoverGlobalDatastore', operation: 'FailoverGlobalReplicationGroup', mutating: true, call: (p) => p.elasticache.failoverGlobalDatastore('us-west-2', 'gd', 'us-west-2', 'rg') },
  { port: 'elasticache', method: 'disassociateGlobalDatastore', operation: 'DisassociateGlobalReplicationGroup', mutating: true, call: (p) => p.elasticache.disassociateGlobalDatastore('us-east-1', 'gd', 'rg', 'us-west-2') },
  { port: 'route53', method: 'getHealthCheck', operation: 'GetHealthCheck', mutating: false, call: (p) => p.route53.getHealthCheck('hc') },
  { port: 'route53', method: 'listHealthChecks', operation: 'ListHealthChecks', mutating: false, call: (p) => p.route53.listHealthChecks() },
  { port: 'route53', method: 'getHealthCheckStatus', operation: 'GetHealthCheckStatus', mutating: false, call: (p) => p.route53.getHealthCheckStatus('hc') },
  { port: 'route53', method: 'updateHealthCheck', operation: 'UpdateHealthCheck', mutating: true, call: (p) => p.route53.updateHealthCheck('hc', 1, { inverted: true }) },
  { port: 'route53', method: 'changeRecordSets', operation: 'ChangeResourceRecordSets', mutating: true, call: (p) => p.route53.changeRecordSets('Z1', [{ action: 'UPSERT', record: { name: 'a.example', type: 'A', ttl: 60, values: ['10.0.0.1'] } }]) },
  { port: 'route53', method: 'getChange', operation: 'GetChange', mutating: false, call: (p) => p.route53.getChange('C1') },
  { port: 'route53', method: 'listRecordSets', operation: 'ListResourceRecordSets', mutating: false, call: (p) => p.route53.listRecordSets('Z1', 'a.example', 'A') },
  { port: 'cloudwatch', method: 'getMetricSeries', operation: 'GetMetricData', mutating: false, call: (p) => p.cloudwatch.getMetricSeries('us-west-2', QUERY) },
  { port: 'cloudwatch', method: 'listMetrics', operation: 'ListMetrics', mutating: false, call: (p) => p.cloudwatch.listMetrics('us-west-2', { namespace: 'AWS/RDS', metricName: 'AuroraGlobalDBRPOLag', dimensions: { DBClusterIdentifier: 'c' } }) },
  { port: 'cloudwatch', method: 'describeAlarms', operation: 'DescribeAlarms', mutating: false, call: (p) => p.cloudwatch.describeAlarms('us-west-2', ['app']) },
  // ARC's control plane, through drctl's own restJson1 client rather than an SDK package.
  { port: 'arc-config', method: 'describeCluster', operation: 'DescribeCluster', mutating: false, call: (p) => p['arc-config'].describeCluster(CLUSTER_ARN) },
  { port: 'arc-config', method: 'listControlPanels', operation: 'ListControlPanels', mutating: false, call: (p) => p['arc-config'].listControlPanels(CLUSTER_ARN) },
  { port: 'arc-config', method: 'listRoutingControls', operation: 'ListRoutingControls', mutating: false, call: (p) => p['arc-config'].listRoutingControls(`${CLUSTER_ARN}/p`) },
  { port: 'arc-config', method: 'listSafetyRules', operation: 'ListSafetyRules', mutating: false, call: (p) => p['arc-config'].listSafetyRules(`${CLUSTER_ARN}/p`) },
];

const DESCRIBE_OK =
  '<DescribeGlobalClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeGlobalClustersResult>' +
  '<GlobalClusters><GlobalClusterMember><GlobalClusterIdentifier>g</GlobalClusterIdentifier><Status>available</Status>' +
  '</GlobalClusterMember></GlobalClusters></DescribeGlobalClustersResult></DescribeGlobalClustersResponse>';

let stub: StubServer;
let ports: ReturnType<typeof testPorts> | undefined;
beforeAll(async () => {
  stub = await startStubServer((request) =>
    request.operation === 'DescribeGlobalClusters' ? { status: 200, body: DESCRIBE_OK } : undefined,
  );
});
afterEach(() => {
  ports?.close();
  stub.requests.length = 0;
});
afterAll(() => stub.close());

describe('the read-only guard', () => {
  it('covers every method of every port', () => {
    ports = testPorts({ endpointUrl: stub.url, readOnly: true });
    for (const port of ['rds', 'docdb', 'elasticache', 'route53', 'cloudwatch', 'arc-config'] as const) {
      const methods = Object.entries(ports[port]).filter(([, value]) => typeof value === 'function').map(([name]) => name);
      expect(methods.sort(), port).toEqual(SWEEP.filter((e) => e.port === port).map((e) => e.method).sort());
    }
  });

  it.each(SWEEP.filter((e) => e.mutating))('refuses $port.$method before anything is sent', async ({ call, port, operation }) => {
    const records: ApiCallRecord[] = [];
    ports = testPorts({ endpointUrl: stub.url, readOnly: true, onCall: (r) => records.push(r) });
    const error = await call(ports).catch((e: unknown) => e);
    expect(isAwsError(error, 'read-only')).toBe(true);
    expect(error).toMatchObject({ details: { service: port, operation }, hint: expect.stringContaining('Describe*, Get* and List*') });
    expect(stub.requests).toEqual([]);
    expect(records).toEqual([]); // never reached AWS, so not an API call
  });

  it.each(SWEEP.filter((e) => !e.mutating))('lets $port.$method through', async ({ call, operation }) => {
    ports = testPorts({ endpointUrl: stub.url, readOnly: true });
    const outcome = await call(ports).then(
      () => 'answered',
      (e: unknown) => (isAwsError(e) ? e.details.kind : e),
    );
    expect(['answered', 'invalid-request']).toContain(outcome);
    expect(stub.requests.length).toBeGreaterThan(0);
    if (!stub.requests[0]!.operation.startsWith('GET ')) expect(stub.requests[0]!.operation).toBe(operation);
  });

  it('refuses before credentials are even looked up', async () => {
    ports = testPorts({ endpointUrl: stub.url, readOnly: true, credentials: undefined, profile: 'drctl-no-such-profile' });
    await expect(ports.rds.failoverGlobalCluster('us-west-2', 'g', ARN)).rejects.toMatchObject({ code: 'aws.read-only' });
  });
});

describe('the call recorder', () => {
  it('reports each call with its outcome, request id and attempts, and never a credential', async () => {
    const records: ApiCallRecord[] = [];
    ports = testPorts({ endpointUrl: stub.url, onCall: (r) => records.push(r) });
    await ports.rds.describeGlobalCluster('us-east-1', 'g');
    await ports.rds.failoverGlobalCluster('us-west-2', 'g', ARN).catch(() => undefined);

    expect(records).toEqual([
      {
        service: 'rds',
        region: 'us-east-1',
        operation: 'DescribeGlobalClusters',
        mutating: false,
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
        ok: true,
        requestId: 'stub-1',
        attempts: 1,
      },
      {
        service: 'rds',
        region: 'us-west-2',
        operation: 'FailoverGlobalCluster',
        mutating: true,
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
        ok: false,
        errorCode: 'InvalidParameterValue',
        requestId: 'stub-2',
        attempts: 1,
      },
    ]);
    // The requests really were signed with these credentials; none of them reached a record.
    expect(stub.requests[0]!.headers.authorization).toContain(TEST_CREDENTIALS.accessKeyId);
    const journal = JSON.stringify(records);
    for (const secret of Object.values(TEST_CREDENTIALS)) expect(journal).not.toContain(secret);
  });

  it('records a network failure with its code, classified as unreachable', async () => {
    const records: ApiCallRecord[] = [];
    ports = testPorts({ endpointUrl: `http://127.0.0.1:${await closedPort()}`, onCall: (r) => records.push(r) });
    const error = await ports.cloudwatch.getMetricSeries('eu-west-1', QUERY).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'aws.unreachable',
      message: expect.stringContaining('the eu-west-1 endpoint did not answer'),
      hint: expect.stringContaining('unplanned failover'),
    });
    expect(records).toMatchObject([{ service: 'cloudwatch', region: 'eu-west-1', ok: false, errorCode: 'ECONNREFUSED', attempts: 1 }]);
  });

  it('keeps the call result when the listener throws', async () => {
    ports = testPorts({ endpointUrl: stub.url, onCall: () => { throw new Error('journal full'); } });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    await expect(ports.rds.describeGlobalCluster('us-east-1', 'g')).resolves.toMatchObject({ id: 'g' });
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    process.off('warning', onWarning);
    expect(warnings.join()).toContain('journal full');
  });
});
