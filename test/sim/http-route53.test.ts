// Route 53 through the real SDK client over HTTP.
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  GetHealthCheckCommand,
  GetHealthCheckStatusCommand,
  ListHealthChecksCommand,
  ListResourceRecordSetsCommand,
  UpdateHealthCheckCommand,
} from '@aws-sdk/client-route-53';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, failure, MINUTE, startShop } from './helpers';

let sim: Awaited<ReturnType<typeof startShop>>;
beforeEach(async () => {
  sim = await startShop();
});
afterEach(async () => {
  await sim.close();
});

describe('Route 53 over HTTP', () => {
  it('gets and lists health checks', async () => {
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const one = await route53.send(new GetHealthCheckCommand({ HealthCheckId: 'hc-west' }));
    expect(one.HealthCheck).toMatchObject({ Id: 'hc-west', HealthCheckVersion: 1 });
    expect(one.HealthCheck?.HealthCheckConfig).toMatchObject({
      Type: 'HTTPS',
      FullyQualifiedDomainName: 'api-west.us-west-2.example.com',
      RequestInterval: 30,
      FailureThreshold: 3,
      Inverted: false,
      Disabled: false,
    });
    expect(one.HealthCheck?.HealthCheckConfig?.Regions).toHaveLength(8);
    const page = await route53.send(new ListHealthChecksCommand({ MaxItems: 1 }));
    expect(page.HealthChecks?.map((check) => check.Id)).toEqual(['hc-east']);
    expect(page).toMatchObject({ IsTruncated: true, NextMarker: 'hc-west' });
    const rest = await route53.send(new ListHealthChecksCommand({ Marker: page.NextMarker }));
    expect(rest.HealthChecks?.map((check) => check.Id)).toEqual(['hc-west']);
  });

  it('reports sixteen observations across eight checker regions', async () => {
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const out = await route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: 'hc-east' }));
    const observations = out.HealthCheckObservations ?? [];
    expect(observations).toHaveLength(16);
    expect(new Set(observations.map((observation) => observation.Region)).size).toBe(8);
    expect(observations[0]?.StatusReport?.Status).toBe('Success: HTTP Status Code 200, OK');
    expect(observations[0]?.StatusReport?.CheckedTime).toBeInstanceOf(Date);
    const missing = await failure(route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: 'nope' })));
    expect(missing.name).toBe('NoSuchHealthCheck');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it('inverts a health check guarded by its version; a stale version is a 409', async () => {
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const updated = await route53.send(new UpdateHealthCheckCommand({ HealthCheckId: 'hc-east', HealthCheckVersion: 1, Inverted: true }));
    expect(updated.HealthCheck).toMatchObject({ HealthCheckVersion: 2, HealthCheckConfig: expect.objectContaining({ Inverted: true }) });
    const stale = await failure(route53.send(new UpdateHealthCheckCommand({ HealthCheckId: 'hc-east', HealthCheckVersion: 1, Inverted: false })));
    expect(stale.name).toBe('HealthCheckVersionMismatch');
    expect(stale.$metadata?.httpStatusCode).toBe(409);
    await sim.clock.advance(2 * MINUTE);
    // Checkers report the endpoint as they see it; the inversion is applied to Route 53's verdict only.
    const status = await route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: 'hc-east' }));
    expect(status.HealthCheckObservations?.every((observation) => observation.StatusReport?.Status?.startsWith('Success:'))).toBe(true);
    expect(sim.world.isHealthy('hc-east')).toBe(false);
  });

  it('UPSERTs records: PENDING, then INSYNC; the change id loses its /change/ prefix on the way in', async () => {
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const listed = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: '/hostedzone/Z0SHOP', StartRecordName: 'api.shop.example.com', StartRecordType: 'A' }));
    expect(listed.ResourceRecordSets?.map((record) => record.Failover)).toEqual(['PRIMARY', 'SECONDARY']);
    const primary = listed.ResourceRecordSets?.[0];
    if (!primary) throw new Error('the shop zone has a primary record');
    expect(primary).toMatchObject({ Name: 'api.shop.example.com.', TTL: 60, HealthCheckId: 'hc-east', ResourceRecords: [{ Value: '192.0.2.10' }] });
    const change = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: 'Z0SHOP',
        ChangeBatch: { Comment: 'drill', Changes: [{ Action: 'UPSERT', ResourceRecordSet: { ...primary, ResourceRecords: [{ Value: '198.51.100.10' }] } }] },
      }),
    );
    expect(change.ChangeInfo).toMatchObject({ Status: 'PENDING', Comment: 'drill', Id: expect.stringMatching(/^\/change\/C[0-9A-Z]+$/) });
    expect((await route53.send(new GetChangeCommand({ Id: change.ChangeInfo?.Id }))).ChangeInfo?.Status).toBe('PENDING');
    await sim.clock.advance(MINUTE);
    expect((await route53.send(new GetChangeCommand({ Id: change.ChangeInfo?.Id }))).ChangeInfo?.Status).toBe('INSYNC');
    const after = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0SHOP' }));
    expect(after.ResourceRecordSets?.[0]?.ResourceRecords).toEqual([{ Value: '198.51.100.10' }]);
  });

  it('rejects a bad batch as a whole with InvalidChangeBatch in an ErrorResponse', async () => {
    const { route53 } = clients(sim.endpoint, 'us-east-1');
    const error = await failure(
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: 'Z0SHOP',
          ChangeBatch: {
            Changes: [
              { Action: 'UPSERT', ResourceRecordSet: { Name: 'new.shop.example.com', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }] } },
              { Action: 'DELETE', ResourceRecordSet: { Name: 'gone.shop.example.com', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.2' }] } },
            ],
          },
        }),
      ),
    );
    expect(error.name).toBe('InvalidChangeBatch');
    expect(error.message).toContain("Tried to delete resource record set [name='gone.shop.example.com.', type='A'] but it was not found");
    const records = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'Z0SHOP' }));
    expect(records.ResourceRecordSets).toHaveLength(2);
    const zone = await failure(route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: 'ZNOPE' })));
    expect(zone.name).toBe('NoSuchHostedZone');
  });
});
