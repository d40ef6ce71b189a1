// Route53Port: health checks and record sets; every call goes to a client signed for us-east-1.
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHealthCheckCommand,
  GetHealthCheckStatusCommand,
  HealthCheckVersionMismatch,
  ListResourceRecordSetsCommand,
  Route53Client,
  UpdateHealthCheckCommand,
} from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputOf, metadata, regionOfCall, testPorts } from './helpers';

const mock = mockClient(Route53Client);
afterAll(() => mock.restore());

const HC = '0b1e7c2a-1111-2222-3333-4444c2';
const healthCheck = {
  Id: HC,
  CallerReference: 'ref',
  HealthCheckVersion: 4,
  HealthCheckConfig: {
    Type: 'HTTPS' as const,
    FullyQualifiedDomainName: 'api-west.shop.example',
    RequestInterval: 10,
    FailureThreshold: 3,
    Inverted: false,
    Regions: ['us-east-1' as const, 'us-west-2' as const],
  },
};

describe('route53 port', () => {
  let ports: ReturnType<typeof testPorts>;
  beforeEach(() => {
    mock.reset();
    ports = testPorts({ region: 'eu-west-1' });
  });
  afterEach(() => ports.close());

  it('gets a health check from the us-east-1 client, whatever the CLI region', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck });
    const view = await ports.route53.getHealthCheck(HC);
    const call = mock.commandCalls(GetHealthCheckCommand)[0]!;
    expect(inputOf(call)).toEqual({ HealthCheckId: HC });
    expect(await regionOfCall(call)).toBe('us-east-1');
    expect(view).toEqual({
      id: HC,
      version: 4,
      type: 'HTTPS',
      inverted: false,
      disabled: false,
      failureThreshold: 3,
      requestIntervalSeconds: 10,
      fqdn: 'api-west.shop.example',
      ipAddress: undefined,
      checkerRegions: ['us-east-1', 'us-west-2'],
    });
  });

  it('parses observations by the Success:/Failure: prefix only', async () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const observation = (Region: string, Status: string) => ({ Region, IPAddress: '15.177.2.1', StatusReport: { Status, CheckedTime: at } });
    mock.on(GetHealthCheckStatusCommand).resolves({
      HealthCheckObservations: [
        observation('us-east-1', 'Success: HTTP Status Code 200, OK. Resolved IP: 3.131.60.30'),
        observation('eu-west-1', 'Failure: HTTP Status Code 503, Service Temporarily Unavailable'),
        observation('sa-east-1', 'Failure: Connection timed out. Success is not an option'),
        observation('ap-southeast-1', 'Unknown status text'),
      ] as never,
    });
    const observations = await ports.route53.getHealthCheckStatus(HC);
    expect(inputOf(mock.commandCalls(GetHealthCheckStatusCommand)[0]!)).toEqual({ HealthCheckId: HC });
    expect(observations.map((o) => [o.region, o.healthy])).toEqual([
      ['us-east-1', true],
      ['eu-west-1', false],
      ['sa-east-1', false],
      ['ap-southeast-1', false],
    ]);
    expect(observations[0]).toEqual({
      region: 'us-east-1',
      ipAddress: '15.177.2.1',
      status: 'Success: HTTP Status Code 200, OK. Resolved IP: 3.131.60.30',
      healthy: true,
      checkedAt: at,
    });
  });

  it('updates a health check guarded by HealthCheckVersion, sending only the fields asked', async () => {
    mock.on(UpdateHealthCheckCommand).resolves({
      HealthCheck: { ...healthCheck, HealthCheckVersion: 5, HealthCheckConfig: { ...healthCheck.HealthCheckConfig, Inverted: true } },
    });
    const view = await ports.route53.updateHealthCheck(HC, 4, { inverted: true });
    expect(inputOf(mock.commandCalls(UpdateHealthCheckCommand)[0]!)).toStrictEqual({
      HealthCheckId: HC,
      HealthCheckVersion: 4,
      Inverted: true,
    });
    expect(view).toMatchObject({ version: 5, inverted: true });
  });

  it('turns HealthCheckVersionMismatch (409) into aws.version-mismatch', async () => {
    mock.on(UpdateHealthCheckCommand).rejects(
      new HealthCheckVersionMismatch({ message: 'The value of HealthCheckVersion in the request doesn’t match', $metadata: metadata(409) }),
    );
    await expect(ports.route53.updateHealthCheck(HC, 3, { disabled: false })).rejects.toMatchObject({
      code: 'aws.version-mismatch',
      details: { awsCode: 'HealthCheckVersionMismatch', httpStatus: 409, region: 'us-east-1' },
    });
  });

  it('UPSERTs record sets with a batch comment and returns the bare change id', async () => {
    mock.on(ChangeResourceRecordSetsCommand).resolves({
      ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status: 'PENDING', SubmittedAt: new Date('2026-01-02T00:00:00Z') },
    });
    const change = await ports.route53.changeRecordSets(
      '/hostedzone/Z1D633PJN98FT9',
      [
        { action: 'UPSERT', record: { name: 'api.shop.example', type: 'A', setIdentifier: 'west', weight: 100, ttl: 60, values: ['10.0.0.2'], healthCheckId: HC } },
        {
          action: 'UPSERT',
          record: {
            name: 'www.shop.example',
            type: 'A',
            setIdentifier: 'primary',
            failover: 'PRIMARY',
            values: [],
            ttl: 300, // dropped: an alias record carries neither TTL nor values
            aliasTarget: { hostedZoneId: 'Z35SXDOTRQ7X7K', dnsName: 'lb-west.example.', evaluateTargetHealth: true },
          },
        },
      ],
      'drctl: shop failover',
    );
    const call = mock.commandCalls(ChangeResourceRecordSetsCommand)[0]!;
    expect(inputOf(call)).toStrictEqual({
      HostedZoneId: 'Z1D633PJN98FT9',
      ChangeBatch: {
        Comment: 'drctl: shop failover',
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: 'api.shop.example',
              Type: 'A',
              SetIdentifier: 'west',
              Weight: 100,
              HealthCheckId: HC,
              TTL: 60,
              ResourceRecords: [{ Value: '10.0.0.2' }],
            },
          },
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: 'www.shop.example',
              Type: 'A',
              SetIdentifier: 'primary',
              Failover: 'PRIMARY',
              AliasTarget: { HostedZoneId: 'Z35SXDOTRQ7X7K', DNSName: 'lb-west.example.', EvaluateTargetHealth: true },
            },
          },
        ],
      },
    });
    expect(await regionOfCall(call)).toBe('us-east-1');
    expect(change).toEqual({ id: 'C2682N5HXP0BZ4', status: 'PENDING', submittedAt: new Date('2026-01-02T00:00:00Z') });
  });

  it.each(['C2682N5HXP0BZ4', '/change/C2682N5HXP0BZ4'])('gets change %s by its bare id', async (id) => {
    mock.on(GetChangeCommand).resolves({ ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status: 'INSYNC', SubmittedAt: new Date(0) } });
    const change = await ports.route53.getChange(id);
    expect(inputOf(mock.commandCalls(GetChangeCommand)[0]!)).toEqual({ Id: 'C2682N5HXP0BZ4' });
    expect(change.status).toBe('INSYNC');
  });

  it('lists the record sets of one name and type across pages, stopping at the first other record', async () => {
    const weighted = (id: string, weight: number) => ({
      Name: 'api.shop.example.',
      Type: 'A' as const,
      SetIdentifier: id,
      Weight: weight,
      TTL: 60,
      ResourceRecords: [{ Value: `10.0.0.${weight}` }],
    });
    mock
      .on(ListResourceRecordSetsCommand)
      .resolvesOnce({
        ResourceRecordSets: [weighted('east', 1), weighted('west', 2)],
        IsTruncated: true,
        NextRecordName: 'api.shop.example.',
        NextRecordType: 'A',
        NextRecordIdentifier: 'zz',
        MaxItems: 2,
      })
      .resolvesOnce({
        ResourceRecordSets: [weighted('zz', 3), { Name: 'api.shop.example.', Type: 'AAAA', TTL: 60, ResourceRecords: [{ Value: '::1' }] }],
        IsTruncated: true,
        NextRecordName: 'b.shop.example.',
        NextRecordType: 'A',
        MaxItems: 2,
      });
    const records = await ports.route53.listRecordSets('Z1D633PJN98FT9', 'API.shop.example', 'A');
    const calls = mock.commandCalls(ListResourceRecordSetsCommand);
    expect(calls.map(inputOf)).toEqual([
      { HostedZoneId: 'Z1D633PJN98FT9', StartRecordName: 'API.shop.example', StartRecordType: 'A' },
      {
        HostedZoneId: 'Z1D633PJN98FT9',
        StartRecordName: 'api.shop.example.',
        StartRecordType: 'A',
        StartRecordIdentifier: 'zz',
      },
    ]);
    expect(records.map((r) => r.setIdentifier)).toEqual(['east', 'west', 'zz']);
    expect(records[0]).toEqual({
      name: 'api.shop.example.',
      type: 'A',
      setIdentifier: 'east',
      weight: 1,
      failover: undefined,
      region: undefined,
      ttl: 60,
      values: ['10.0.0.1'],
      aliasTarget: undefined,
      healthCheckId: undefined,
    });
  });

  it('matches a wildcard name that Route 53 answers escaped as \\052', async () => {
    mock.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [{ Name: '\\052.shop.example.', Type: 'CNAME', TTL: 60, ResourceRecords: [{ Value: 'lb.example' }] }],
      IsTruncated: false,
      MaxItems: 100,
    });
    const records = await ports.route53.listRecordSets('Z1', '*.shop.example', 'CNAME');
    expect(records.map((r) => r.values)).toEqual([['lb.example']]);
  });

  it('signs for the partition of the CLI region (China)', async () => {
    mock.on(GetHealthCheckCommand).resolves({ HealthCheck: healthCheck });
    const china = testPorts({ region: 'cn-north-1' });
    await china.route53.getHealthCheck(HC);
    expect(await regionOfCall(mock.commandCalls(GetHealthCheckCommand)[0]!)).toBe('cn-northwest-1');
    china.close();
  });
});
