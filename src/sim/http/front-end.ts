// A protocol front end answers the requests of one or more services on the simulator's single endpoint.
// The router (server.ts) asks each front end of the sim's catalogue whether a request is its own, from
// what every protocol shows: the X-Amz-Target header (JSON), the path (REST), the query's Version and
// the SigV4 scope's service (awsQuery).
import type { SimWorld } from '../world';
import { headerText, type Routed, type SimRequest } from './wire';

export interface WireFacts {
  /** X-Amz-Target, '' when absent. */
  target: string;
  /** The awsQuery parameters: the form body, then the URL query. */
  params: URLSearchParams;
  /** The service named in the SigV4 credential scope. */
  scope?: string;
}

export interface SimFrontEnd {
  accepts(request: SimRequest, facts: WireFacts): boolean;
  route(request: SimRequest, facts: WireFacts, world: SimWorld): Routed;
}

export function wireFacts(request: SimRequest): WireFacts {
  const params = new URLSearchParams(request.body);
  for (const [key, value] of request.query) if (!params.has(key)) params.set(key, value);
  const scope = /\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/.exec(headerText(request.headers, 'authorization'))?.[1];
  return { target: headerText(request.headers, 'x-amz-target'), params, ...(scope ? { scope } : {}) };
}
