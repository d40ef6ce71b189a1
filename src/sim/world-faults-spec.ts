// Faults a game-day author can declare (docs/simulator.md says what each does). Times ("at", "for") are
// offsets in world time from the start of the simulation; a fault without "for" lasts until the simulator stops.
import * as z from 'zod';
import { SERVICE_IDS, SERVICES, type Service } from '../core/services/catalogue';
import { SERVICE_FAULT_KINDS } from './catalogue';
import { SimDuration, SimRegion } from './world-spec-primitives';

/** Global control planes (Route 53, signed for us-east-1) go down in an outage only when listed. */
export const REGIONAL_SERVICES: Service[] = SERVICES.filter((service) => service.scope === 'regional').map((service) => service.id);

export const RegionOutageFault = z.strictObject({
  type: z.literal('region-outage'),
  region: SimRegion,
  at: SimDuration.default('0s'),
  for: SimDuration.optional(),
  /** reset: the connection is dropped (the SDK sees a network error); 503: ServiceUnavailable answers. */
  mode: z.enum(['reset', '503']).default('reset'),
  /** Which APIs stop answering in that region; by default every regional one (not Route 53). */
  services: z.array(z.enum(SERVICE_IDS as readonly [Service, ...Service[]])).min(1).optional(),
  /** Health checks watching the region's endpoints turn red too. */
  endpointsDown: z.boolean().default(true),
});

export const ThrottlingFault = z.strictObject({
  type: z.literal('throttling'),
  service: z.enum(SERVICE_IDS as readonly [Service, ...Service[]]),
  /** Fraction of requests answered with the service's Throttling error (the SDK retries them). */
  rate: z.number().min(0).max(1),
  region: SimRegion.optional(),
  operations: z.array(z.string().min(1)).min(1).optional(),
});

/** Route 53's management API (hosted in us-east-1) fails; its health checkers and DNS answers go on. */
export const Route53ControlPlaneOutageFault = z.strictObject({
  type: z.literal('route53-control-plane-outage'),
  at: SimDuration.default('0s'),
  for: SimDuration.optional(),
  mode: z.enum(['reset', '503']).default('503'),
});

/** Outages and throttling apply to every service; the other kinds come from the services (src/sim/catalogue.ts). */
export const FaultSpec = z.discriminatedUnion('type', [RegionOutageFault, ThrottlingFault, Route53ControlPlaneOutageFault, ...SERVICE_FAULT_KINDS]);
export type FaultSpec = z.output<typeof FaultSpec>;
export type FaultSpecInput = z.input<typeof FaultSpec>;
export type RegionOutageFault = z.output<typeof RegionOutageFault>;
