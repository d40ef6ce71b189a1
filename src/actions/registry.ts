// One registry of actions (a discriminated union on `uses`) and preflight checks. The validator, the
// engine, the dry run and the permissions listing all read it, so an action exists in one place only.
import type { RegisteredAction, RegisteredCheck } from '../core/define-action';
import { coreActions } from './core';
import { globalClusterActions } from './global-cluster';
import { elasticacheActions } from './elasticache';
import { route53Actions } from './route53';
import { preflightChecks } from './checks';

const actions = new Map<string, RegisteredAction>(
  [...coreActions, ...globalClusterActions, ...elasticacheActions, ...route53Actions].map((action) => [action.uses, action]),
);
const checks = new Map<string, RegisteredCheck>(preflightChecks.map((check) => [check.check, check]));

export function getAction(uses: string): RegisteredAction | undefined {
  return actions.get(uses);
}

export function allActions(): RegisteredAction[] {
  return [...actions.values()];
}

export function getCheck(name: string): RegisteredCheck | undefined {
  return checks.get(name);
}

export function allChecks(): RegisteredCheck[] {
  return [...checks.values()];
}
