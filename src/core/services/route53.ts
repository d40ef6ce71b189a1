// Amazon Route 53: health checks and records. Its control plane is global (signed for us-east-1).
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { Region } from './resource-fields';

export interface HealthCheckView {
  id: string;
  version: number;
  type: string;
  inverted: boolean;
  disabled: boolean;
  failureThreshold?: number;
  requestIntervalSeconds?: number;
  fqdn?: string;
  ipAddress?: string;
  checkerRegions?: string[];
}

export interface HealthObservationView {
  /** The health checker's region. */
  region: string;
  ipAddress?: string;
  /** The raw status text, e.g. "Success: HTTP Status Code 200, OK". */
  status: string;
  /** Parsed from the "Success:" / "Failure:" prefix only. */
  healthy: boolean;
  checkedAt?: Date;
}

export interface RecordSetView {
  name: string;
  type: string;
  setIdentifier?: string;
  weight?: number;
  failover?: 'PRIMARY' | 'SECONDARY';
  region?: string;
  ttl?: number;
  values: string[];
  aliasTarget?: { hostedZoneId: string; dnsName: string; evaluateTargetHealth: boolean };
  healthCheckId?: string;
}

export interface RecordChange {
  action: 'UPSERT' | 'CREATE' | 'DELETE';
  record: RecordSetView;
}

export interface ChangeView {
  id: string;
  status: 'PENDING' | 'INSYNC';
  submittedAt?: Date;
}

export interface Route53Port {
  getHealthCheck(healthCheckId: string): Promise<HealthCheckView>;
  /** Every health check of the account (ListHealthChecks, all pages). */
  listHealthChecks(): Promise<HealthCheckView[]>;
  getHealthCheckStatus(healthCheckId: string): Promise<HealthObservationView[]>;
  /** Guarded by HealthCheckVersion: fails with aws.version-mismatch when someone else changed it. */
  updateHealthCheck(
    healthCheckId: string,
    expectedVersion: number,
    change: { inverted?: boolean; disabled?: boolean },
  ): Promise<HealthCheckView>;
  changeRecordSets(hostedZoneId: string, changes: RecordChange[], comment?: string): Promise<ChangeView>;
  getChange(changeId: string): Promise<ChangeView>;
  listRecordSets(hostedZoneId: string, name: string, type: string): Promise<RecordSetView[]>;
}

export const Route53HealthCheck = z.strictObject({
  type: z.literal('route53-health-check'),
  healthCheckId: z.string().min(1),
  region: Region.optional().meta({ description: 'The region whose endpoint this health check watches.' }),
  description: z.string().optional(),
});
export const Route53RecordSet = z.strictObject({
  type: z.literal('route53-record-set'),
  hostedZoneId: z.string().min(1),
  name: z.string().min(1).meta({ description: 'The record name, e.g. api.shop.example.com.' }),
  recordType: z.enum(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'SRV', 'NS', 'PTR', 'CAA']).default('A'),
  description: z.string().optional(),
});


export const route53 = defineService<Route53Port>()({
  id: 'route53',
  title: 'Route 53',
  iamPrefix: 'route53',
  // The management API, hosted in us-east-1; GetHealthCheckStatus is served by it too (AWS-API-2.md §2:
  // whether AWS counts that call as control plane is UNCONFIRMED, but it fails when that API does).
  plane: 'control',
  scope: 'global',
  methods: {
    getHealthCheck: 'read',
    listHealthChecks: 'read',
    getHealthCheckStatus: 'read',
    updateHealthCheck: 'mutate',
    changeRecordSets: 'mutate',
    getChange: 'read',
    listRecordSets: 'read',
  },
  operations: {
    GetHealthCheck: 'read',
    ListHealthChecks: 'read',
    GetHealthCheckStatus: 'read',
    UpdateHealthCheck: 'mutate',
    ChangeResourceRecordSets: 'mutate',
    GetChange: 'read',
    ListResourceRecordSets: 'read',
  },
  resources: [Route53HealthCheck, Route53RecordSet],
  resourceInfo: {
    ...describeResource(Route53HealthCheck, {
      one: 'Route 53 health check',
      many: 'Route 53 health checks',
      id: (resource) => resource.healthCheckId,
      listCommand: () => 'aws route53 list-health-checks --query "HealthChecks[].[Id,HealthCheckConfig.FullyQualifiedDomainName]"',
    }),
    ...describeResource(Route53RecordSet, {
      one: 'Route 53 record set',
      many: 'Route 53 record sets',
      id: (resource) => `${resource.name} ${resource.recordType}`,
      listCommand: (resource) => `aws route53 list-resource-record-sets --hosted-zone-id ${resource.hostedZoneId}`,
    }),
  },
});
