// What a run leaves behind, as the actions declare it (ActionDefinition.endState): planned from a runbook
// (its parameters resolved from the inputs before a run, from the journal's outputs after it) and read
// back from AWS with read-only ports. The drill compares these readings after each run and after the
// failback (verify.ts).
import type { ActionContext, ExpectedEndState } from '../core/action';
import type { ActionLookup } from '../core/define-action';
import type { RunbookDocument } from '../runbook/schema';
import type { ExpressionScope } from '../runbook/expressions';
import { conditionHolds, resolveWith } from '../engine/scope';

export interface PlannedEndState {
  stepId: string;
  uses: string;
  params: unknown;
  expected: ExpectedEndState[];
}

export interface EndStatePlan {
  steps: PlannedEndState[];
  /** Steps whose end state cannot be planned here (parameters that read outputs not yet known), with why. */
  unresolved: string[];
}

/** A subject's value as read, or why it could not be read. */
export type Readings = Map<string, { value?: string; error?: string }>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every main step whose action declares an end state, its `if:` holding, its parameters resolved in `scope`. */
export function planEndStates(document: RunbookDocument, scope: ExpressionScope, actions: ActionLookup, include: (stepId: string) => boolean = () => true): EndStatePlan {
  const resources = document.spec.resources ?? {};
  const plan: EndStatePlan = { steps: [], unresolved: [] };
  for (const step of document.spec.steps) {
    const action = actions.getAction(step.uses);
    if (!action?.endState || !include(step.id)) continue;
    try {
      if (!conditionHolds(step, scope)) continue;
      const params = resolveWith(step, scope);
      const parsed = action.params.safeParse(params);
      if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
      plan.steps.push({ stepId: step.id, uses: step.uses, params, expected: action.endState.expect(params, { resources }) });
    } catch (error) {
      plan.unresolved.push(`${step.id}: ${messageOf(error)}`);
    }
  }
  return plan;
}

/** Each subject once; a later step's expectation of it wins (it ran later). */
export function expectations(plan: EndStatePlan, only?: (expected: ExpectedEndState) => boolean): ExpectedEndState[] {
  const byKey = new Map<string, ExpectedEndState>();
  for (const step of plan.steps) for (const expected of step.expected) if (!only || only(expected)) byKey.set(expected.key, expected);
  return [...byKey.values()];
}

/** Reads every subject of the plan's steps (or of those `only` keeps); a failed read is kept as its reason. */
export async function readEndStates(plan: EndStatePlan, ctx: ActionContext, actions: ActionLookup, only?: (expected: ExpectedEndState) => boolean): Promise<Readings> {
  const readings: Readings = new Map();
  for (const step of plan.steps) {
    const wanted = step.expected.filter((expected) => !only || only(expected));
    const declaration = actions.getAction(step.uses)?.endState;
    if (wanted.length === 0 || !declaration) continue;
    try {
      for (const observed of await declaration.read(ctx, step.params)) readings.set(observed.key, { value: observed.value });
    } catch (error) {
      for (const expected of wanted) readings.set(expected.key, { error: messageOf(error) });
    }
  }
  return readings;
}
