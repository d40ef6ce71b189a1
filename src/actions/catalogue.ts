// The catalogue of actions (a discriminated union on `uses`) and preflight checks, built from the list of
// action families: one folder each, with one entry point (family.ts). The composition root hands it to the
// validator, the engine, the dry run and the drill's verification; nothing below src/actions imports this.
import { catalogueOf, type ActionCatalogue } from '../core/define-action';
import { arcFamily } from './arc/family';
import { alarmsFamily } from './alarms/family';
import { checksFamily } from './checks/family';
import { elasticacheFamily } from './elasticache/family';
import { flowFamily } from './flow/family';
import { globalClusterFamily } from './global-cluster/family';
import { httpProbeFamily } from './http-probe/family';
import { route53Family } from './route53/family';

export const ACTION_FAMILIES = [flowFamily, globalClusterFamily, elasticacheFamily, route53Family, arcFamily, alarmsFamily, httpProbeFamily, checksFamily];

export const actionCatalogue: ActionCatalogue = catalogueOf(ACTION_FAMILIES);
