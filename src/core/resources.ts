// The resources a runbook declares, by type. Actions, the validator, status and the simulator all speak of
// these, so they sit in the contract layer.
import { z } from 'zod';
import { isRegion } from './regions';

/** Marks a zod issue with a stable drctl code, read back by the loader. */
export const codeParam = (drctlCode: string) => ({ params: { drctlCode } });

export const Region = z
  .string()
  .refine(isRegion, { message: 'is not an AWS region', ...codeParam('runbook.bad-region') })
  .meta({ description: 'An AWS region such as us-east-1.' });

const regionsHint = z
  .array(Region)
  .min(1)
  .optional()
  .meta({ description: 'Regions where members live; drctl asks these regions first and needs no other.' });

export const AuroraGlobal = z.strictObject({
  type: z.literal('aurora-global'),
  globalClusterId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});
export const DocdbGlobal = z.strictObject({
  type: z.literal('docdb-global'),
  globalClusterId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});
export const ElasticacheGlobal = z.strictObject({
  type: z.literal('elasticache-global'),
  globalReplicationGroupId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});
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

export const Resource = z.discriminatedUnion('type', [
  AuroraGlobal,
  DocdbGlobal,
  ElasticacheGlobal,
  Route53HealthCheck,
  Route53RecordSet,
]);
export const RESOURCE_TYPES = ['aurora-global', 'docdb-global', 'elasticache-global', 'route53-health-check', 'route53-record-set'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type Resource = z.infer<typeof Resource>;
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
