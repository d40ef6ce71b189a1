// The resources a runbook declares, by type: the union of what every service in the catalogue declares.
// Actions, the validator, status and the simulator all speak of these, so they sit in the contract layer.
import * as z from 'zod';
import { RESOURCE_SCHEMAS } from './services/catalogue';

export { codeParam, Region } from './services/resource-fields';

export const Resource = z.discriminatedUnion('type', RESOURCE_SCHEMAS);
export type Resource = z.infer<typeof Resource>;
export type ResourceType = Resource['type'];
export const RESOURCE_TYPES: readonly ResourceType[] = RESOURCE_SCHEMAS.map((schema) => schema.shape.type.value);
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
