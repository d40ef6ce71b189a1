// Faults a game-day author can declare. Times ("at", "for") are offsets in simulated time from the start
// of the simulation; a fault without "for" lasts until the simulator stops.
import { z } from 'zod';
import { SimDuration, SimRegion } from './world-spec-primitives';

export const SIM_SERVICES = ['rds', 'docdb', 'elasticache', 'route53', 'cloudwatch'] as const;
export type SimService = (typeof SIM_SERVICES)[number];

/** Route 53's control plane is global (signed for us-east-1); an outage takes it down only when listed. */
export const REGIONAL_SERVICES: SimService[] = ['rds', 'docdb', 'elasticache', 'cloudwatch'];

export const RegionOutageFault = z.strictObject({
  type: z.literal('region-outage'),
  region: SimRegion,
  at: SimDuration.default('0s'),
  for: SimDuration.optional(),
  /** reset: the connection is dropped (the SDK sees a network error); 503: ServiceUnavailable answers. */
  mode: z.enum(['reset', '503']).default('reset'),
  /** Which APIs stop answering in that region; by default every regional one (not Route 53). */
  services: z.array(z.enum(SIM_SERVICES)).min(1).optional(),
  /** Health checks watching the region's endpoints turn red too. */
  endpointsDown: z.boolean().default(true),
});

export const ThrottlingFault = z.strictObject({
  type: z.literal('throttling'),
  service: z.enum(SIM_SERVICES),
  /** Fraction of requests answered with the service's Throttling error (the SDK retries them). */
  rate: z.number().min(0).max(1),
  region: SimRegion.optional(),
  operations: z.array(z.string().min(1)).min(1).optional(),
});

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

export const FaultSpec = z.discriminatedUnion('type', [
  RegionOutageFault,
  ThrottlingFault,
  SlowFailoverFault,
  StuckFailoverFault,
  LagSpikeFault,
  EngineVersionMismatchFault,
  HeadlessSecondaryFault,
]);
export type FaultSpec = z.output<typeof FaultSpec>;
export type FaultSpecInput = z.input<typeof FaultSpec>;
export type RegionOutageFault = z.output<typeof RegionOutageFault>;
