// Sends one SDK command and turns any AWS failure into an AwsError. The ports name an operation; the
// command class is looked up in the loaded SDK package, so ports can share code between RDS and DocDB
// (same operations, two packages) without importing either package eagerly.
import { classifyAwsError, type CallTarget } from './classify';
import type { ClientPool } from './client-pool';
import { isMutatingOperation, type Service } from '../core/services/catalogue';

export interface Invocation {
  service: Service;
  /** Ignored for global services (Route 53), which the pool signs for their own region. */
  region: string;
  /** The call's own endpoint (one of ARC's cluster endpoints); --endpoint-url and --sim win over it. */
  endpoint?: string;
  /** The API operation, e.g. DescribeGlobalClusters. */
  operation: string;
  /** For messages, e.g. "global cluster shop-orders". */
  resource: string;
  input: object;
}

type CommandConstructor = new (input: object) => object;

/**
 * The output is typed by the caller (an SDK output type, or a narrower wire shape). This is the wire
 * boundary: the port that calls it maps the output to a domain view at once.
 */
export function invoke<Output>(pool: ClientPool, invocation: Invocation): Promise<Output> {
  return pool.track(() => send<Output>(pool, invocation));
}

/** One SDK command, not tracked: for a port call that makes several (invoke tracks one). */
export async function send<Output>(pool: ClientPool, invocation: Invocation): Promise<Output> {
  const { service, operation, resource, input } = invocation;
  const target: CallTarget = { service, region: pool.regionFor(service, invocation.region), operation, resource };
  const handle = await pool.get(service, target.region, invocation.endpoint, isMutatingOperation(service, operation) ? 'mutating' : 'read');
  const Command = handle.sdk[`${operation}Command`];
  if (typeof Command !== 'function') throw new Error(`bug: the ${service} SDK has no ${operation}Command`);
  try {
    return (await pool.send(() => handle.client.send(new (Command as CommandConstructor)(input)))) as Output;
  } catch (error) {
    throw classifyAwsError(error, target, pool.errorCodes(service));
  }
}

/** The target of a call, for errors the ports raise themselves (an empty answer that means not found). */
export function targetOf(pool: ClientPool, invocation: Omit<Invocation, 'input'>): CallTarget {
  const { service, operation, resource } = invocation;
  return { service, region: pool.regionFor(service, invocation.region), operation, resource };
}
