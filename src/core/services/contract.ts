// What every AWS service drctl talks to declares about itself, once: names for people and IAM, where its
// calls go, which port methods and SDK operations only read, and the runbook resource types it brings.
// The read-only guards (the engine's on the ports, src/aws's on the wire), the call records, the error
// texts and the runbook schema all read these declarations; src/aws and src/sim key their own parts
// (SDK loader, port implementation; simulator front end, fault kinds) by the same service ids.
import type { z } from 'zod';

/** read: safe in a dry run; mutate: changes AWS. */
export type Access = 'read' | 'mutate';

/** What people and `drctl status` call one resource type, its id, and how to list what exists. */
export interface ResourceInfo<R> {
  /** "Aurora global cluster", "Aurora global clusters". */
  one: string;
  many: string;
  /** The id status and errors show for it. */
  id(resource: R): string;
  /** The AWS CLI command that lists what exists (an error's fallback when drctl could not list it). */
  listCommand(resource: R, region: string): string;
}

type TypeOfSchema<S> = S extends z.ZodObject<infer Shape> ? (Shape extends { type: z.ZodLiteral<infer T extends string> } ? T : never) : never;

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
  /** For each of them: names for people, the id, the listing command. */
  readonly resourceInfo: { readonly [S in Resources[number] as TypeOfSchema<S>]: ResourceInfo<z.output<S>> };
  /** Never set: carries the port's type to AwsPorts. */
  readonly port?: Port;
}

/** `defineService<Port>()({...})`: the port type is given, the id and resources are inferred. */
export const defineService =
  <Port>() =>
  <const Id extends string, const Resources extends readonly z.ZodObject[]>(contract: ServiceContract<Id, Port, Resources>) =>
    contract;

/** One resource type's info, typed by its schema: `resourceInfo: { ...describeResource(AuroraGlobal, {...}) }`. */
export function describeResource<S extends z.ZodObject>(schema: S, info: ResourceInfo<z.output<S>>): { [T in TypeOfSchema<S>]: ResourceInfo<z.output<S>> } {
  const type = (schema.shape as { type: z.ZodLiteral<string> }).type.value;
  return { [type]: info } as { [T in TypeOfSchema<S>]: ResourceInfo<z.output<S>> };
}
