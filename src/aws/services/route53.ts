// Route53Port: health checks and record sets. Route 53 is global: the pool signs every call for us-east-1,
// whatever region the rest of the run uses.
import type {
  ChangeInfo,
  HealthCheck,
  HealthCheckObservation,
  ListHealthChecksResponse,
  ListResourceRecordSetsResponse,
} from '@aws-sdk/client-route-53';
import { type CallTarget, incompleteAnswerError } from '../classify';
import type { ClientPool } from '../client-pool';
import { invoke, targetOf } from '../invoke';
import { allPages } from '../pages';
import type { AwsServicePart } from './part';
import type { HealthCheckView, HealthObservationView, RecordSetView, Route53Port } from '../../core/services/route53';
import { bareId, sameDnsName, toChanges, toChangeView, toRecordSetView } from './route53-records';

const service = 'route53';
// The pool replaces it with the signing region; ports.ts gives Route 53 calls no region.
const GLOBAL = 'us-east-1';
// A name and type hold at most a few hundred record sets (100 per weighted set); this only stops a
// misbehaving endpoint from paging forever.
const MAX_RECORD_PAGES = 50;

export const route53Sdk: AwsServicePart<'route53'> = {
  load: () => import('@aws-sdk/client-route-53'),
  client: 'Route53Client',
  createPort: (pool) => createRoute53Port(pool),
  signingRegion: route53SigningRegion,
};

/** Route 53 is global: its API is signed for us-east-1 (or the first region of the other partitions). */
export function route53SigningRegion(cliRegion: string | undefined): string {
  if (cliRegion?.startsWith('cn-')) return 'cn-northwest-1';
  if (cliRegion?.startsWith('us-gov-')) return 'us-gov-west-1';
  return 'us-east-1';
}

export function createRoute53Port(pool: ClientPool): Route53Port {
  const call = <Output>(operation: string, resource: string, input: object) =>
    invoke<Output>(pool, { service, region: GLOBAL, operation, resource, input });
  const target = (operation: string, resource: string) => targetOf(pool, { service, region: GLOBAL, operation, resource });

  const healthCheckView = async (operation: string, healthCheckId: string, input: object) => {
    const resource = `health check ${healthCheckId}`;
    const output = await call<{ HealthCheck?: HealthCheck }>(operation, resource, input);
    if (!output.HealthCheck) throw incompleteAnswerError(target(operation, resource), 'HealthCheck');
    return toHealthCheckView(output.HealthCheck, target(operation, resource));
  };

  const changeView = async (operation: string, resource: string, input: object) => {
    const output = await call<{ ChangeInfo?: ChangeInfo }>(operation, resource, input);
    if (!output.ChangeInfo?.Id) throw incompleteAnswerError(target(operation, resource), 'ChangeInfo');
    return toChangeView(output.ChangeInfo);
  };

  return {
    getHealthCheck(healthCheckId) {
      return healthCheckView('GetHealthCheck', healthCheckId, { HealthCheckId: healthCheckId });
    },

    async listHealthChecks() {
      const resource = 'health checks';
      const checks = await allPages(async (marker) => {
        const output = await call<ListHealthChecksResponse>('ListHealthChecks', resource, marker ? { Marker: marker } : {});
        // NextMarker is only meaningful while IsTruncated says there is more.
        return { items: output.HealthChecks, next: output.IsTruncated ? output.NextMarker : undefined };
      });
      return checks.map((check) => toHealthCheckView(check, target('ListHealthChecks', resource)));
    },

    async getHealthCheckStatus(healthCheckId) {
      // AWS calls this API "for development"; callers poll it sparingly (DESIGN.md budgets).
      const output = await call<{ HealthCheckObservations?: HealthCheckObservation[] }>(
        'GetHealthCheckStatus',
        `health check ${healthCheckId}`,
        { HealthCheckId: healthCheckId },
      );
      return (output.HealthCheckObservations ?? []).map(toObservationView);
    },

    updateHealthCheck(healthCheckId, expectedVersion, change) {
      // HealthCheckVersion makes the update conditional: if someone changed the check since drctl read it,
      // Route 53 answers HealthCheckVersionMismatch (409) and changes nothing.
      return healthCheckView('UpdateHealthCheck', healthCheckId, {
        HealthCheckId: healthCheckId,
        HealthCheckVersion: expectedVersion,
        ...(change.inverted === undefined ? {} : { Inverted: change.inverted }),
        ...(change.disabled === undefined ? {} : { Disabled: change.disabled }),
      });
    },

    changeRecordSets(hostedZoneId, changes, comment) {
      const zoneId = bareId(hostedZoneId, 'hostedzone');
      return changeView('ChangeResourceRecordSets', `hosted zone ${zoneId}`, {
        HostedZoneId: zoneId,
        ChangeBatch: { ...(comment === undefined ? {} : { Comment: comment }), Changes: toChanges(changes) },
      });
    },

    getChange(changeId) {
      const id = bareId(changeId, 'change');
      return changeView('GetChange', `change ${id}`, { Id: id });
    },

    async listRecordSets(hostedZoneId, name, type) {
      const zoneId = bareId(hostedZoneId, 'hostedzone');
      const resource = `record sets ${name} ${type} in hosted zone ${zoneId}`;
      const matches: RecordSetView[] = [];
      let start: object = { StartRecordName: name, StartRecordType: type };
      // Route 53 lists in name/type order from the start point, so the wanted sets come first and
      // paging stops at the first record past them.
      for (let page = 0; page < MAX_RECORD_PAGES; page++) {
        const output = await call<ListResourceRecordSetsResponse>('ListResourceRecordSets', resource, {
          HostedZoneId: zoneId,
          ...start,
        });
        const records = output.ResourceRecordSets ?? [];
        const wanted = (r: { Name?: string; Type?: string }) => sameDnsName(r.Name ?? '', name) && r.Type === type;
        matches.push(...records.filter(wanted).map(toRecordSetView));
        const next = { Name: output.NextRecordName, Type: output.NextRecordType };
        if (!output.IsTruncated || !records.every(wanted) || !wanted(next)) break;
        start = {
          StartRecordName: output.NextRecordName,
          StartRecordType: output.NextRecordType,
          ...(output.NextRecordIdentifier ? { StartRecordIdentifier: output.NextRecordIdentifier } : {}),
        };
      }
      return matches;
    },
  };
}

export function toHealthCheckView(check: HealthCheck, target: CallTarget): HealthCheckView {
  const config = check.HealthCheckConfig;
  if (!check.Id || check.HealthCheckVersion === undefined || !config?.Type) {
    throw incompleteAnswerError(target, 'Id, HealthCheckVersion and HealthCheckConfig.Type');
  }
  return {
    id: check.Id,
    version: check.HealthCheckVersion,
    type: config.Type,
    inverted: config.Inverted ?? false,
    disabled: config.Disabled ?? false,
    failureThreshold: config.FailureThreshold,
    requestIntervalSeconds: config.RequestInterval,
    fqdn: config.FullyQualifiedDomainName,
    ipAddress: config.IPAddress,
    checkerRegions: config.Regions,
  };
}

/** Only the prefix decides: the rest of the text is free and changes with the check type. */
export function toObservationView(observation: HealthCheckObservation): HealthObservationView {
  const status = observation.StatusReport?.Status ?? '';
  return {
    region: observation.Region ?? 'unknown',
    ipAddress: observation.IPAddress,
    status,
    healthy: status.startsWith('Success:'),
    checkedAt: observation.StatusReport?.CheckedTime,
  };
}
