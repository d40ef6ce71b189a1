// The resources a runbook declares, by type: the union of what every service in the catalogue declares,
// and the application's own HTTP endpoints (probed, not an AWS service). Actions, the validator, status
// and the simulator all speak of these, so they sit in the contract layer.
import * as z from 'zod';
import { HttpEndpoint } from './http-probe';
import { RESOURCE_SCHEMAS } from './services/catalogue';

export { codeParam, Region } from './services/resource-fields';

const SCHEMAS = [...RESOURCE_SCHEMAS, HttpEndpoint] as const;

export const Resource = z.discriminatedUnion('type', SCHEMAS);
export type Resource = z.infer<typeof Resource>;
export type ResourceType = Resource['type'];
export const RESOURCE_TYPES: readonly ResourceType[] = SCHEMAS.map((schema) => schema.shape.type.value);
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
