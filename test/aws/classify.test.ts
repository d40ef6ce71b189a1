// Every AwsError kind, reached through real ports with the SDK mocked: the kind, the wire code and request
// id kept in details, and a message and hint that name what an on-call engineer needs.
import {
  InvalidGlobalReplicationGroupStateFault,
  ElastiCacheClient,
  FailoverGlobalReplicationGroupCommand,
} from '@aws-sdk/client-elasticache';
import {
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
  DescribeGlobalClustersCommand,
  FailoverGlobalClusterCommand,
  GlobalClusterNotFoundFault,
  InvalidGlobalClusterStateFault,
  RDSClient,
  RDSServiceException,
} from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, InvalidChangeBatch, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsError, type AwsErrorKind } from '../../src/aws';
import { classifyAwsError } from '../../src/aws/classify';
import { metadata, testPorts } from './helpers';

const rds = mockClient(RDSClient);
const elasticache = mockClient(ElastiCacheClient);
const route53 = mockClient(Route53Client);
afterAll(() => [rds, elasticache, route53].forEach((mock) => mock.restore()));

const ARN = 'arn:aws:rds:us-west-2:111122223333:cluster:orders-west';

/** An error the SDK did not model: the base exception with the wire code as its name. */
function unmodelled(name: string, status: number, fault: 'client' | 'server', extra: Record<string, unknown> = {}) {
  return new RDSServiceException({ name, $fault: fault, $metadata: metadata(status, extra), message: `${name} happened` });
}
function nodeError(message: string, code?: string, name?: string): Error {
  // The retry middleware adds $metadata.attempts to network errors once it gives up.
  return Object.assign(new Error(message), { $metadata: { attempts: 3 } }, code ? { code } : {}, name ? { name } : {});
}

interface Case {
  name: string;
  error: () => Error;
  kind: AwsErrorKind;
  awsCode?: string;
  message: RegExp;
  hint: RegExp;
}

const cases: Case[] = [
  {
    name: 'GlobalClusterNotFoundFault',
    error: () => new GlobalClusterNotFoundFault({ message: 'GlobalCluster shop-orders not found', $metadata: metadata(404) }),
    kind: 'not-found',
    awsCode: 'GlobalClusterNotFoundFault',
    message: /^RDS FailoverGlobalCluster in us-west-2: global cluster shop-orders \(member [^)]+\) was not found \(GlobalClusterNotFoundFault\)/,
    hint: /identifier in the runbook.*us-west-2.*--profile/,
  },
  {
    name: 'DBClusterNotFoundFault',
    error: () => new DBClusterNotFoundFault({ message: 'not found', $metadata: metadata(404) }),
    kind: 'not-found',
    awsCode: 'DBClusterNotFoundFault',
    message: /global cluster shop-orders \(member arn:aws:rds:us-west-2:111122223333:cluster:orders-west\) was not found/,
    hint: /identifier/,
  },
  {
    name: 'InvalidGlobalClusterStateFault',
    error: () => new InvalidGlobalClusterStateFault({ message: 'Global cluster is modifying', $metadata: metadata(400) }),
    kind: 'invalid-state',
    awsCode: 'InvalidGlobalClusterStateFault',
    message: /global cluster shop-orders \(member [^)]+\) is not in a state that allows this \(InvalidGlobalClusterStateFault\): Global cluster is modifying/,
    hint: /drctl status.*wait for any operation under way/,
  },
  {
    name: 'AccessDenied',
    error: () => unmodelled('AccessDenied', 403, 'client'),
    kind: 'access-denied',
    awsCode: 'AccessDenied',
    message: /access denied for global cluster shop-orders \(member [^)]+\) \(AccessDenied\)/,
    hint: /--profile.*AWS_PROFILE.*aws sso login.*allows rds:FailoverGlobalCluster/,
  },
  {
    name: 'ExpiredToken',
    error: () => unmodelled('ExpiredToken', 400, 'client'),
    kind: 'access-denied',
    awsCode: 'ExpiredToken',
    message: /access denied/,
    hint: /aws sso login/,
  },
  {
    name: 'a credential provider failure (no credentials at all)',
    error: () => nodeError('Could not load credentials from any providers', undefined, 'CredentialsProviderError'),
    kind: 'access-denied',
    awsCode: undefined,
    message: /no usable AWS credentials to call it for global cluster shop-orders \(member [^)]+\) \(CredentialsProviderError\): Could not load credentials/,
    hint: /--profile or set AWS_PROFILE, run `aws sso login`/,
  },
  {
    name: 'Throttling still refused after the retries',
    error: () => unmodelled('Throttling', 400, 'client', { attempts: 3 }),
    kind: 'throttled',
    awsCode: 'Throttling',
    message: /throttled by AWS for global cluster shop-orders \(member [^)]+\), still refused after the SDK's retries \(Throttling\)/,
    hint: /Wait a minute, then run again.*drctl resume/,
  },
  {
    name: 'HTTP 429 with an unknown code',
    error: () => unmodelled('SomethingNew', 429, 'client'),
    kind: 'throttled',
    awsCode: 'SomethingNew',
    message: /throttled/,
    hint: /Wait a minute/,
  },
  {
    name: 'a refused connection',
    error: () => nodeError('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'),
    kind: 'unreachable',
    awsCode: undefined,
    message: /^RDS FailoverGlobalCluster in us-west-2: the us-west-2 endpoint did not answer for global cluster shop-orders \(member [^)]+\) \(ECONNREFUSED\)/,
    hint: /If the us-west-2 region is down, use an unplanned failover \(AllowDataLoss\) sent to the target region/,
  },
  {
    name: 'an unknown host',
    error: () => nodeError('getaddrinfo ENOTFOUND rds.us-west-2.amazonaws.com', 'ENOTFOUND'),
    kind: 'unreachable',
    message: /endpoint did not answer/,
    hint: /unplanned failover/,
  },
  {
    name: 'the SDK timeout',
    error: () => nodeError('the request socket did not establish a connection', undefined, 'TimeoutError'),
    kind: 'unreachable',
    message: /\(TimeoutError\)/,
    hint: /unplanned failover/,
  },
  {
    name: 'socket hang up',
    error: () => nodeError('socket hang up', 'ECONNRESET'),
    kind: 'unreachable',
    message: /did not answer/,
    hint: /network/,
  },
  {
    name: 'InvalidParameterCombination (AllowDataLoss with Switchover)',
    error: () => unmodelled('InvalidParameterCombination', 400, 'client'),
    kind: 'invalid-request',
    awsCode: 'InvalidParameterCombination',
    message: /AWS rejected the request for global cluster shop-orders \(member [^)]+\) \(InvalidParameterCombination\)/,
    hint: /parameters in the runbook/,
  },
  {
    name: 'an unknown 4xx',
    error: () => unmodelled('BrandNewValidation', 400, 'client'),
    kind: 'invalid-request',
    awsCode: 'BrandNewValidation',
    message: /rejected the request/,
    hint: /parameters/,
  },
  {
    name: 'InternalFailure (seen on a real switchover)',
    error: () => unmodelled('InternalFailure', 500, 'server'),
    kind: 'service',
    awsCode: 'InternalFailure',
    message: /AWS failed on its side for global cluster shop-orders \(member [^)]+\) \(InternalFailure\)/,
    hint: /AWS Health Dashboard for us-west-2/,
  },
  {
    name: 'an unknown 5xx',
    error: () => unmodelled('Whatever', 503, 'server'),
    kind: 'service',
    awsCode: 'Whatever',
    message: /failed on its side/,
    hint: /Run again in a moment/,
  },
];

describe('error classification through a port', () => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    [rds, elasticache, route53].forEach((mock) => mock.reset());
    ports = testPorts();
  });
  afterEach(() => ports.close());

  it.each(cases)('$name -> aws.$kind', async ({ error, kind, awsCode, message, hint }) => {
    const original = error();
    rds.on(FailoverGlobalClusterCommand).rejects(original);
    const raised = await ports.rds.failoverGlobalCluster('us-west-2', 'shop-orders', ARN).catch((e: unknown) => e);
    expect(raised).toBeInstanceOf(AwsError);
    const aws = raised as AwsError;
    expect(aws.code).toBe(`aws.${kind}`);
    expect(aws.details).toMatchObject({ kind, service: 'rds', region: 'us-west-2', operation: 'FailoverGlobalCluster' });
    expect(aws.details.awsCode).toBe(awsCode);
    expect(aws.message).toMatch(message);
    expect(aws.hint).toMatch(hint);
    expect(aws.cause).toBe(original);
    expect(aws.retryable).toBe(kind === 'throttled' || kind === 'unreachable' || kind === 'service');
  });

  it('keeps the HTTP status and request id', async () => {
    rds.on(DescribeGlobalClustersCommand).rejects(new GlobalClusterNotFoundFault({ message: 'x', $metadata: metadata(404) }));
    await expect(ports.rds.describeGlobalCluster('us-east-1', 'shop-orders')).rejects.toMatchObject({
      details: { httpStatus: 404, requestId: 'req-0001', awsCode: 'GlobalClusterNotFoundFault' },
    });
  });

  it('keeps the wire code where it differs from the class (ElastiCache ...State without Fault)', async () => {
    const fault = Object.assign(
      new InvalidGlobalReplicationGroupStateFault({ message: 'The Global datastore is not available', $metadata: metadata(400) }),
      { Code: 'InvalidGlobalReplicationGroupState' },
    );
    elasticache.on(FailoverGlobalReplicationGroupCommand).rejects(fault);
    await expect(ports.elasticache.failoverGlobalDatastore('us-west-2', 'ldgnf-s', 'us-west-2', 'rg-west')).rejects.toMatchObject({
      code: 'aws.invalid-state',
      details: { awsCode: 'InvalidGlobalReplicationGroupState', service: 'elasticache' },
      message: expect.stringMatching(/^ElastiCache FailoverGlobalReplicationGroup in us-west-2: global datastore ldgnf-s/),
    });
  });

  it('classifies Route 53 InvalidChangeBatch as invalid-request, naming the hosted zone', async () => {
    route53.on(ChangeResourceRecordSetsCommand).rejects(
      new InvalidChangeBatch({ message: "[Tried to create resource record set [name='x.', type='A'] but it already exists]", $metadata: metadata(400) }),
    );
    const change = { action: 'CREATE' as const, record: { name: 'x', type: 'A', values: ['10.0.0.1'], ttl: 60 } };
    await expect(ports.route53.changeRecordSets('Z1', [change])).rejects.toMatchObject({
      code: 'aws.invalid-request',
      message: expect.stringMatching(/^Route 53 ChangeResourceRecordSets in us-east-1: AWS rejected the request for hosted zone Z1 \(InvalidChangeBatch\): \[Tried to create/),
    });
  });

  it('lets a bug through unchanged, with its stack', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    rds.on(DescribeDBClustersCommand).rejects(bug);
    await expect(ports.rds.describeDbCluster('us-east-1', 'c')).rejects.toBe(bug);
  });

  it('says plainly when the answer could not be parsed (an HTML error page)', () => {
    const parseError = Object.assign(new Error('@aws-sdk XML parse error: mismatched tags <html>.\n  Deserialization error: to see the raw response...'), {
      $metadata: { httpStatusCode: 502, attempts: 3 },
    });
    const error = classifyAwsError(parseError, { service: 'rds', region: 'us-east-1', operation: 'DescribeGlobalClusters', resource: 'global cluster g' });
    expect(error).toMatchObject({ code: 'aws.service', details: { awsCode: undefined, httpStatus: 502 } });
    expect((error as AwsError).message).toBe(
      'RDS DescribeGlobalClusters in us-east-1: AWS failed on its side for global cluster g (HTTP 502): the answer was not a response drctl can read',
    );
  });

  it('never repeats an access key id that AWS quoted back', () => {
    const signature = unmodelled('SignatureDoesNotMatch', 403, 'client');
    signature.message = 'The request signature we calculated does not match. Credential=AKIAIOSFODNN7EXAMPLE/20260102/us-east-1/rds/aws4_request';
    const error = classifyAwsError(signature, { service: 'rds', region: 'us-east-1', operation: 'DescribeDBClusters', resource: 'DB cluster c' });
    expect(error).toMatchObject({ code: 'aws.access-denied' });
    expect((error as AwsError).message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect((error as AwsError).message).toContain('Credential=<redacted>/20260102');
  });
});

describe('every code AWS-API.md names maps to its kind', () => {
  const byKind: Array<[AwsErrorKind, number, string[]]> = [
    ['not-found', 404, ['GlobalClusterNotFoundFault', 'DBClusterNotFoundFault', 'GlobalReplicationGroupNotFoundFault', 'ReplicationGroupNotFoundFault', 'NoSuchHealthCheck', 'NoSuchHostedZone', 'NoSuchChange', 'DBInstanceNotFound']],
    ['invalid-state', 400, ['InvalidGlobalClusterStateFault', 'InvalidDBClusterStateFault', 'InvalidGlobalReplicationGroupState', 'InvalidGlobalReplicationGroupStateFault', 'InvalidReplicationGroupState', 'InvalidCacheClusterState', 'InvalidDBInstanceState']],
    ['version-mismatch', 409, ['HealthCheckVersionMismatch']],
    ['access-denied', 400, ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId']],
    ['throttled', 400, ['Throttling', 'ThrottlingException', 'PriorRequestNotComplete', 'RequestLimitExceeded', 'TooManyRequestsException', 'APICallRateForCustomerExceeded']],
    ['invalid-request', 400, ['InvalidParameterValue', 'InvalidParameterCombination', 'InvalidInput', 'InvalidChangeBatch', 'InvalidNextToken', 'MissingParameter']],
    ['service', 500, ['InternalFailure', 'InternalServiceError']],
  ];
  const target = { service: 'rds' as const, region: 'eu-central-1', operation: 'DescribeDBClusters', resource: 'DB cluster c' };
  it.each(byKind.flatMap(([kind, status, codes]) => codes.map((code) => [code, kind, status] as const)))(
    '%s -> %s (as a wire Code on an unmodelled error, and as a class name)',
    (code, kind, status) => {
      const asWireCode = Object.assign(unmodelled('RDSServiceException', status, status >= 500 ? 'server' : 'client'), { Code: code });
      const asClass = unmodelled(code, status, status >= 500 ? 'server' : 'client');
      for (const error of [asWireCode, asClass]) {
        expect(classifyAwsError(error, target)).toMatchObject({ code: `aws.${kind}`, details: { awsCode: code, httpStatus: status } });
      }
    },
  );
});
