// src/sim's part of the service catalogue (src/core/services/catalogue.ts): for every service, the protocol
// front end that answers it on the simulator's endpoint and the fault kinds it adds to world files. Keyed
// by service id, so a service added to the catalogue without its part here does not compile.
import { type Service, SERVICE_IDS } from '../core/services/catalogue';
import { arcConfigFrontEnd } from './arc/control-plane';
import { arcFrontEnd } from './arc/front-end';
import { arcApiDown, arcWorld } from './arc/part';
import { ArcEndpointDownFault } from './arc/spec';
import { cloudWatchFrontEnd } from './http/cloudwatch';
import { elastiCacheFrontEnd } from './http/elasticache';
import type { SimFrontEnd } from './http/front-end';
import { rdsFrontEnd } from './http/rds';
import { route53FrontEnd } from './http/route53';
import {
  EngineVersionMismatchFault,
  HeadlessSecondaryFault,
  LagSpikeFault,
  SlowFailoverFault,
  StuckFailoverFault,
} from './resource-faults';
import type { ApiDown, WorldPart } from './world-part';
import type { z } from 'zod';

const GLOBAL_CLUSTER_FAULTS = [SlowFailoverFault, StuckFailoverFault, LagSpikeFault, EngineVersionMismatchFault, HeadlessSecondaryFault] as const;
const DATASTORE_FAULTS = [SlowFailoverFault, StuckFailoverFault, LagSpikeFault] as const;

export interface SimServicePart<Faults extends readonly unknown[] = readonly unknown[]> {
  frontEnd: SimFrontEnd;
  /** Fault kinds for this service's resources (region outages and throttling apply to all). */
  faults: Faults;
  /** Its part of the world: a world file section, a model (world.parts.<key>), generation and checks. */
  world?: WorldPart<string, z.ZodType, unknown>;
  /** Which of its fault kinds take an API down, and where (served as the outage answer). */
  apiDown?: ApiDown;
}

export const SIM_SERVICE_PARTS = {
  rds: { frontEnd: rdsFrontEnd, faults: GLOBAL_CLUSTER_FAULTS },
  docdb: { frontEnd: rdsFrontEnd, faults: GLOBAL_CLUSTER_FAULTS },
  elasticache: { frontEnd: elastiCacheFrontEnd, faults: DATASTORE_FAULTS },
  route53: { frontEnd: route53FrontEnd, faults: [] },
  cloudwatch: { frontEnd: cloudWatchFrontEnd, faults: [] },
  arc: { frontEnd: arcFrontEnd, faults: [ArcEndpointDownFault], world: arcWorld, apiDown: arcApiDown },
  // ARC's control plane reads the data plane's clusters (world.parts.arc): it has no world part of its own.
  'arc-config': { frontEnd: arcConfigFrontEnd, faults: [] },
} as const satisfies { readonly [S in Service]: SimServicePart };

type ServiceFaultKind = (typeof SIM_SERVICE_PARTS)[Service]['faults'][number];

/** Each front end once, in catalogue order. */
export const FRONT_ENDS: readonly SimFrontEnd[] = [...new Set(SERVICE_IDS.map((service) => SIM_SERVICE_PARTS[service].frontEnd))];

/** Each fault kind once (several services share one), in catalogue order. */
export const SERVICE_FAULT_KINDS = [...new Set(SERVICE_IDS.flatMap((service): readonly ServiceFaultKind[] => SIM_SERVICE_PARTS[service].faults))] as unknown as readonly [
  ServiceFaultKind,
  ...ServiceFaultKind[],
];

type PartEntry = (typeof SIM_SERVICE_PARTS)[Service];
/** Every world part the catalogue registers (a union of their exact types). */
export type RegisteredWorldPart = PartEntry extends infer P ? (P extends { world: infer W } ? W : never) : never;

/** The world parts, in catalogue order: world.ts builds each model, world-spec.ts adds each section. */
export const WORLD_PARTS: readonly RegisteredWorldPart[] = SERVICE_IDS.flatMap((service) => {
  const part: PartEntry = SIM_SERVICE_PARTS[service];
  return 'world' in part ? [part.world] : [];
});

/** The models of the world parts, by key: what `world.parts` holds. */
export type SimWorldParts = { [W in RegisteredWorldPart as W['key']]: ReturnType<W['create']> };

/** Every service's rule for the fault kinds that silence its API. */
export const API_DOWN: readonly ApiDown[] = SERVICE_IDS.flatMap((service) => {
  const part: PartEntry = SIM_SERVICE_PARTS[service];
  return 'apiDown' in part ? [part.apiDown] : [];
});
