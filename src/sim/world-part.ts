// A service's part of the simulated world, registered in the sim's catalogue (src/sim/catalogue.ts) beside its
// front end and fault kinds: its section of the world file, its model on the world (world.parts.<key>),
// how a runbook's resources become entries of a generated world, and the rules across the document it
// checks. world.ts, world-spec.ts, world-generate.ts and world-spec-checks.ts read every part from the
// catalogue, so a new service adds none of its own lines to them.
import type { z } from 'zod';
import type { Resource } from '../core/resources';
import type { Service } from '../core/services/catalogue';
import type { WorldCore } from './world-core';
import type { FaultSpec } from './world-faults-spec';
import type { HealthCheckSpec, WorldSpec } from './world-spec';
import type { SpecProblem } from './world-spec-checks';

/** What generateWorld tells a part about the world it builds. */
export interface GenerateContext {
  primary: string;
  secondary: string;
  /** Adds a health check to the world; with `forRecordsOf`, the region's failover records use it unless one watches its endpoint. */
  addHealthCheck(check: z.input<typeof HealthCheckSpec>, forRecordsOf?: string): void;
}

export interface WorldPart<Key extends string = string, Entry extends z.ZodType = z.ZodType, Model = unknown> {
  /** The world file's section (spec.<key>, a list of entries) and the model's name on the world. */
  key: Key;
  entry: Entry;
  create(core: WorldCore): Model;
  add(model: Model, entry: z.output<Entry>): void;
  /** Entries of a world generated from a runbook's resources (`--sim` without a world file). */
  generate?(resources: Readonly<Record<string, Resource>>, context: GenerateContext): Array<z.input<Entry>>;
  /** Rules that need the whole document (references between sections). */
  check?(world: WorldSpec): SpecProblem[];
}

/** A fault kind of the part that takes APIs down: which (service, region) the fault (one of its kinds) silences. */
export type ApiDown = (fault: FaultSpec, service: Service, region: string) => boolean;
