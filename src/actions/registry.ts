// One catalogue of actions (a discriminated union on `uses`) and preflight checks, built from the list of
// action families. The composition root hands it to the validator, the engine, the dry run and the drill's
// verification, so an action exists in one place only and nothing below src/actions imports this file.
import { actionCatalogue as catalogueOf, type ActionCatalogue } from '../core/define-action';
import { coreActions } from './core';
import { globalClusterActions } from './global-cluster';
import { elasticacheActions } from './elasticache';
import { route53Actions } from './route53';
import { preflightChecks } from './checks';

export const actionCatalogue: ActionCatalogue = catalogueOf(
  [...coreActions, ...globalClusterActions, ...elasticacheActions, ...route53Actions],
  preflightChecks,
);
