// Fault kinds that services of the catalogue add for their resources (a global cluster or datastore id):
// src/sim/catalogue.ts says which service brings which.
import * as z from 'zod';
import { SimDuration } from './world-spec-primitives';

export const SlowFailoverFault = z.strictObject({
  type: z.literal('slow-failover'),
  /** A global cluster or global datastore id. */
  resource: z.string().min(1),
  factor: z.number().min(1).max(100).default(3),
});

export const StuckFailoverFault = z.strictObject({
  type: z.literal('stuck-failover'),
  resource: z.string().min(1),
});

export const LagSpikeFault = z.strictObject({
  type: z.literal('lag-spike'),
  resource: z.string().min(1),
  /** Only this member (DB cluster or replication group id); every secondary when omitted. */
  member: z.string().optional(),
  value: SimDuration,
  at: SimDuration.default('0s'),
  for: SimDuration.optional(),
});

export const EngineVersionMismatchFault = z.strictObject({
  type: z.literal('engine-version-mismatch'),
  resource: z.string().min(1),
  member: z.string().optional(),
  /** The secondary's version; by default the primary's with the last number bumped. */
  engineVersion: z.string().optional(),
});

export const HeadlessSecondaryFault = z.strictObject({
  type: z.literal('headless-secondary'),
  resource: z.string().min(1),
  member: z.string().optional(),
});

