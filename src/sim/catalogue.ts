// src/sim's part of the service catalogue (src/core/services/catalogue.ts): for every service, the protocol
// front end that answers it on the simulator's endpoint and the fault kinds it adds to world files. Keyed
// by service id, so a service added to the catalogue without its part here does not compile.
import { type Service, SERVICE_IDS } from '../core/services/catalogue';
import { arcFrontEnd } from './http/arc';
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
import { ArcEndpointDownFault } from './world-spec-arc';

const GLOBAL_CLUSTER_FAULTS = [SlowFailoverFault, StuckFailoverFault, LagSpikeFault, EngineVersionMismatchFault, HeadlessSecondaryFault] as const;
const DATASTORE_FAULTS = [SlowFailoverFault, StuckFailoverFault, LagSpikeFault] as const;

export interface SimServicePart<Faults extends readonly unknown[] = readonly unknown[]> {
  frontEnd: SimFrontEnd;
  /** Fault kinds for this service's resources (region outages and throttling apply to all). */
  faults: Faults;
}

export const SIM_SERVICE_PARTS = {
  rds: { frontEnd: rdsFrontEnd, faults: GLOBAL_CLUSTER_FAULTS },
  docdb: { frontEnd: rdsFrontEnd, faults: GLOBAL_CLUSTER_FAULTS },
  elasticache: { frontEnd: elastiCacheFrontEnd, faults: DATASTORE_FAULTS },
  route53: { frontEnd: route53FrontEnd, faults: [] },
  cloudwatch: { frontEnd: cloudWatchFrontEnd, faults: [] },
  arc: { frontEnd: arcFrontEnd, faults: [ArcEndpointDownFault] },
} as const satisfies { readonly [S in Service]: SimServicePart };

type ServiceFaultKind = (typeof SIM_SERVICE_PARTS)[Service]['faults'][number];

/** Each front end once, in catalogue order. */
export const FRONT_ENDS: readonly SimFrontEnd[] = [...new Set(SERVICE_IDS.map((service) => SIM_SERVICE_PARTS[service].frontEnd))];

/** Each fault kind once (several services share one), in catalogue order. */
export const SERVICE_FAULT_KINDS = [...new Set(SERVICE_IDS.flatMap((service): readonly ServiceFaultKind[] => SIM_SERVICE_PARTS[service].faults))] as unknown as readonly [
  ServiceFaultKind,
  ...ServiceFaultKind[],
];
