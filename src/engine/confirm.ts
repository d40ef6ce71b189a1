// A mutating runbook asks the operator to type the target region before the first change, so that a
// run aimed at the wrong region cannot start by reflex. When an `approval` step already stands before
// every mutating step, that approval carries the region and the run does not ask twice.
import { isRegion } from '../core/regions';
import type { RunbookDocument, Step } from '../runbook/schema';
import { resolveValue, type ExpressionScope } from '../runbook/expressions';
import { StepGraph } from './graph';
import type { ActionLookup } from '../core/define-action';

export function mutatingSteps(steps: readonly Step[], actions: ActionLookup): Step[] {
  return steps.filter((step) => actions.getAction(step.uses)?.mutating === true);
}

export function isMutatingRunbook(document: RunbookDocument, actions: ActionLookup): boolean {
  return mutatingSteps(document.spec.steps, actions).length > 0;
}

/** Regions the mutating steps move things to (`with.to` or `with.region`), as far as inputs tell. */
export function targetRegions(steps: readonly Step[], actions: ActionLookup, scope: ExpressionScope): string[] {
  const regions = new Set<string>();
  for (const step of mutatingSteps(steps, actions)) {
    let resolved: unknown;
    try {
      resolved = resolveValue(step.with ?? {}, scope);
    } catch {
      continue; // depends on outputs of earlier steps: not known before the run
    }
    const record = (resolved ?? {}) as Record<string, unknown>;
    for (const key of ['to', 'region']) {
      const value = record[key];
      if (typeof value === 'string' && isRegion(value)) regions.add(value);
    }
  }
  return [...regions];
}

/** What to type to confirm: the one target region, or the runbook's name when there are several. */
export function confirmationText(document: RunbookDocument, steps: readonly Step[], actions: ActionLookup, scope: ExpressionScope): string {
  const regions = targetRegions(steps, actions, scope);
  return regions.length === 1 && regions[0] ? regions[0] : document.metadata.name;
}

export function approvalGatesAllMutations(steps: readonly Step[], actions: ActionLookup): boolean {
  const graph = new StepGraph(steps);
  const approvals = new Set(steps.filter((step) => step.uses === 'approval').map((step) => step.id));
  if (approvals.size === 0) return false;
  return mutatingSteps(steps, actions).every((step) => [...graph.ancestors(step.id)].some((id) => approvals.has(id)));
}
