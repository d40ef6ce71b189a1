// The service catalogue: every AWS service drctl talks to, in one list. Adding a service is a folder of its
// own in each layer that has a part of it, and one entry here (then tsc names every part still missing:
// src/aws/services, src/sim/services). See docs/architecture.md.
import type { z } from 'zod';
import { arc } from './arc';
import { arcConfig } from './arc-config';
import { cloudwatch } from './cloudwatch';
import { type Access, describeResource, type ResourceInfo, type ServiceContract } from './contract';
import { HttpEndpoint } from '../http-probe';
import { docdb } from './docdb';
import { elasticache } from './elasticache';
import { rds } from './rds';
import { route53 } from './route53';

export const SERVICES = [rds, docdb, elasticache, route53, cloudwatch, arc, arcConfig] as const;

type Entry = (typeof SERVICES)[number];
export type Service = Entry['id'];

/** The ports actions use, one per service, keyed by service id. */
export type AwsPorts = { [E in Entry as E['id']]: NonNullable<E['port']> };

/** Every resource schema any service declares, in catalogue order. */
export type ResourceSchema = Entry['resources'][number];

const BY_ID = new Map<string, ServiceContract>(SERVICES.map((service) => [service.id, service as ServiceContract]));

export function serviceContract(service: Service): ServiceContract {
  return BY_ID.get(service)!;
}

export const SERVICE_IDS: readonly Service[] = SERVICES.map((service) => service.id);

/** Fails closed: an operation a service does not declare as a read counts as a change. */
export function isMutatingOperation(service: Service, operation: string): boolean {
  return (serviceContract(service).operations[operation] as Access | undefined) !== 'read';
}

/** Whether a port method only reads; undeclared methods do not. */
export function isReadMethod(service: Service, method: string): boolean {
  return (serviceContract(service).methods as Record<string, Access | undefined>)[method] === 'read';
}

/** The application's own endpoint is a resource no AWS service declares (src/core/http-probe.ts). */
const HTTP_ENDPOINT_INFO = describeResource(HttpEndpoint, {
  one: 'HTTP endpoint',
  many: 'HTTP endpoints',
  id: (resource) => resource.url,
  listCommand: (resource) => `curl -sS -o /dev/null -w "%{http_code}" ${resource.url}`,
});

const RESOURCE_INFO = new Map<string, ResourceInfo<never>>([
  ...SERVICES.flatMap((service) => Object.entries(service.resourceInfo as Record<string, ResourceInfo<never>>)),
  ...(Object.entries(HTTP_ENDPOINT_INFO) as Array<[string, ResourceInfo<never>]>),
]);

/** What people call a resource type, its id and how to list what exists (each service's resourceInfo). */
export function resourceInfoOf(type: string): ResourceInfo<{ type: string }> {
  const info = RESOURCE_INFO.get(type);
  if (!info) throw new Error(`bug: no service declares the resource type ${type}`);
  return info as unknown as ResourceInfo<{ type: string }>;
}

export const RESOURCE_SCHEMAS = SERVICES.flatMap((service): readonly z.ZodObject[] => service.resources) as unknown as readonly [ResourceSchema, ...ResourceSchema[]];
