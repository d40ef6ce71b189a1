// What the JSON-protocol front ends (CloudWatch, ARC) share: the request body read as a JSON object, and
// narrowing what came over the wire before any of it is used.
import type { SimRequest } from './wire';

export type Json = Record<string, unknown>;

export const asRecord = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The body as an object; `malformed` when it is not JSON (answered in the service's own error envelope). */
export function jsonBody(request: SimRequest): { input: Json; malformed: boolean } {
  try {
    return { input: asRecord(JSON.parse(request.body || '{}')), malformed: false };
  } catch {
    return { input: {}, malformed: true };
  }
}
