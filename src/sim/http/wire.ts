// The shapes shared by the protocol front ends: an incoming request, a routed operation that knows how to
// answer and how to fail in its own protocol's envelope, and a reply.
import type { IncomingHttpHeaders } from 'node:http';
import type { SimFault } from '../sim-fault';
import type { Service } from '../../core/services/catalogue';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** From the SigV4 credential scope; us-east-1 when unsigned. */
  region: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface Routed {
  service: Service;
  operation: string;
  /** The resource the request is about, for request counts ('*' for list calls). */
  resource: string;
  handle(requestId: string): Reply;
  /** The same failure as this protocol says it. */
  error(fault: SimFault, requestId: string): Reply;
}

export const DEFAULT_REGION = 'us-east-1';

/** The region from `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261122/us-west-2/rds/aws4_request, ...`. */
export function regionFromAuthorization(authorization: string | undefined): string {
  const match = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[^/]+\/aws4_request/.exec(authorization ?? '');
  return match?.[1] ?? DEFAULT_REGION;
}

export function headerText(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** Offset-based pagination: the marker is the index of the next item. */
export function paginate<T>(items: T[], marker: string | undefined, maxRecords: number | undefined, limit = 100): { page: T[]; next?: string } {
  const start = marker && /^\d+$/.test(marker) ? Number(marker) : 0;
  const size = Math.min(Math.max(maxRecords ?? limit, 1), limit);
  const page = items.slice(start, start + size);
  return { page, next: start + size < items.length ? String(start + size) : undefined };
}

/** A handler by operation name, never one inherited from Object.prototype ("toString"...). */
export function handlerFor<T>(table: Record<string, T>, operation: string): T | undefined {
  return Object.hasOwn(table, operation) ? table[operation] : undefined;
}
