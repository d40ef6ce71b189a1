// A service served by several regional endpoints of which any one will do (ARC's five cluster endpoints,
// "at least three ... always accessible"): try them in a shuffled order until one answers (AWS-API-2.md
// §1.2). An endpoint that is unavailable, failing, throttling or unreachable is skipped; an answer about
// the request itself (validation, access, not found, a safety rule) is the cluster's answer and stops the
// rotation. With SDK retries at one attempt (the service part's maxAttempts), moving on is quick.
import { AwsError, isAwsError } from './aws-error';
import { errorCodeOf } from './classify';
import type { ClientPool } from './client-pool';
import type { Service } from '../core/services/catalogue';

export interface RegionalEndpoint {
  region: string;
  endpoint: string;
}

export interface EndpointFailure extends RegionalEndpoint {
  /** What it said: the wire code, a network code, or the error kind. */
  error: string;
}

export interface Rotated<T> {
  value: T;
  answeredBy: RegionalEndpoint;
  /** The endpoints tried before it, in order. */
  failed: EndpointFailure[];
}

const TRY_NEXT_ENDPOINT = new Set(['unreachable', 'service', 'throttled']);

/** Whether this failure is the endpoint's (try the next one) rather than the request's. */
export function isEndpointFailure(error: unknown): error is AwsError {
  return isAwsError(error) && TRY_NEXT_ENDPOINT.has(error.details.kind);
}

export function failureOf(endpoint: RegionalEndpoint, error: unknown): EndpointFailure {
  return { ...endpoint, error: errorCodeOf(error) ?? (isAwsError(error) ? error.details.kind : 'error') };
}

/**
 * Calls `ask` at each endpoint in a shuffled order until one answers. The caller's port call holds the
 * clock (pool.track) around the whole rotation.
 */
export async function firstAnswering<T>(
  pool: ClientPool,
  what: { service: Service; operation: string; subject: string },
  endpoints: readonly RegionalEndpoint[],
  ask: (endpoint: RegionalEndpoint) => Promise<T>,
): Promise<Rotated<T>> {
  const failed: EndpointFailure[] = [];
  let last: AwsError | undefined;
  for (const endpoint of pool.shuffle(endpoints)) {
    try {
      return { value: await ask(endpoint), answeredBy: endpoint, failed };
    } catch (error) {
      if (!isEndpointFailure(error)) throw error;
      failed.push(failureOf(endpoint, error));
      last = error;
    }
  }
  throw noEndpointAnswered(what, failed, last);
}

function noEndpointAnswered(what: { service: Service; operation: string; subject: string }, failed: EndpointFailure[], last: AwsError | undefined): AwsError {
  const tried = failed.map((failure) => `${failure.region}: ${failure.error}`).join(', ') || 'none declared';
  return new AwsError(
    { kind: 'unreachable', service: what.service, operation: what.operation, region: failed.map((failure) => failure.region).join(',') },
    `No endpoint of ${what.subject} answered ${what.operation} (${failed.length} tried: ${tried})`,
    'A cluster keeps at least three of its five endpoints available: check the network path from here to them ' +
      '(proxy, firewall, VPN) and that the runbook lists the cluster\'s endpoints (DescribeCluster), then run again.',
    last,
  );
}
