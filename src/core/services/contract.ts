// What every AWS service drctl talks to declares about itself, once: names for people and IAM, where its
// calls go, which port methods and SDK operations only read, and the runbook resource types it brings.
// The read-only guards (the engine's on the ports, src/aws's on the wire), the call records, the error
// texts and the runbook schema all read these declarations; src/aws and src/sim key their own parts
// (SDK loader, port implementation; simulator front end, fault kinds) by the same service ids.
import type { z } from 'zod';

/** read: safe in a dry run; mutate: changes AWS. */
export type Access = 'read' | 'mutate';

type MethodNames<Port> = { [K in keyof Port]: Port[K] extends (...args: never[]) => unknown ? K : never }[keyof Port];

export interface ServiceContract<Id extends string = string, Port = unknown, Resources extends readonly z.ZodObject[] = readonly z.ZodObject[]> {
  readonly id: Id;
  /** For people: "Route 53". */
  readonly title: string;
  /** The IAM action prefix (DocumentDB's management API shares RDS's). */
  readonly iamPrefix: string;
  /** regional: a call goes to the region it names; global: one control plane, whatever the region. */
  readonly scope: 'regional' | 'global';
  /**
   * The plane its API belongs to: control (the management API, built for consistency) or data (built to
   * keep answering in an impairment). What the dependency check (src/core/dependencies.ts) shows.
   */
  readonly plane: 'control' | 'data';
  /** Every port method; the engine's read-only guard lets through only those declared 'read'. */
  readonly methods: { readonly [K in MethodNames<Port>]: Access };
  /** Every SDK operation the port sends; anything else counts as mutating (the wire guard fails closed). */
  readonly operations: Readonly<Record<string, Access>>;
  /** The runbook resource types this service's resources are declared with (`type:` is the literal). */
  readonly resources: Resources;
  /** Never set: carries the port's type to AwsPorts. */
  readonly port?: Port;
}

/** `defineService<Port>()({...})`: the port type is given, the id and resources are inferred. */
export const defineService =
  <Port>() =>
  <const Id extends string, const Resources extends readonly z.ZodObject[]>(contract: ServiceContract<Id, Port, Resources>) =>
    contract;
