// Expressions are resolved when a step starts, from inputs, resources and the outputs of steps that
// already finished. The dry run resolves what it can and names the steps whose outputs it must wait for.
import { collectReferences } from '../runbook/expression-parser';
import { evaluateCondition, ExpressionEvaluationError, resolveValue, scanTemplate, type ExpressionScope } from '../runbook/expressions';
import type { Step } from '../runbook/schema';
import type { Resource } from '../core/resources';
import { expressionFailed } from './errors';
import { expressionOutcome, type RunState } from './state';

export function scopeOf(state: RunState, resources: Readonly<Record<string, Resource>>): ExpressionScope {
  const steps: ExpressionScope['steps'] = {};
  for (const record of Object.values(state.steps)) steps[record.id] = { outputs: record.outputs, outcome: expressionOutcome(record) };
  return { inputs: state.inputs, resources: resources as Record<string, unknown>, steps };
}

function rethrowAsStepError(where: string, error: unknown): never {
  if (error instanceof ExpressionEvaluationError) throw expressionFailed(where, error.message);
  throw error;
}

/** Resolves expressions inside a `with` block; `where` names the step or check in the error. */
export function resolveIn(where: string, value: Record<string, unknown> | undefined, scope: ExpressionScope): Record<string, unknown> {
  try {
    return (resolveValue(value ?? {}, scope) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return rethrowAsStepError(where, error);
  }
}

export function resolveWith(step: Step, scope: ExpressionScope): Record<string, unknown> {
  return resolveIn(`step "${step.id}"`, step.with, scope);
}

export function conditionHolds(step: Step, scope: ExpressionScope): boolean {
  if (step.if === undefined) return true;
  try {
    return evaluateCondition(step.if, scope);
  } catch (error) {
    return rethrowAsStepError(`step "${step.id}" if:`, error);
  }
}

/** Ids of the steps whose outputs a value reads (`steps.<id>.outputs...`), anywhere inside it. */
export function outputReferences(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      for (const part of scanTemplate(item)) {
        if (!part.expression) continue;
        for (const ref of collectReferences(part.expression)) {
          const [root, id, field] = ref.path;
          if (root === 'steps' && id && field === 'outputs') found.add(id);
        }
      }
    } else if (Array.isArray(item)) item.forEach(visit);
    else if (item && typeof item === 'object') Object.values(item).forEach(visit);
  };
  visit(value);
  return [...found];
}

/**
 * The reason a step will be skipped, when its `if:` reads only inputs and resources (nothing a run
 * decides) and is false with these inputs; undefined when it runs, or cannot be known before it is reached.
 */
export function decidedSkip(step: Step, inputs: Record<string, unknown>, resources: Record<string, unknown>): string | undefined {
  if (step.if === undefined) return undefined;
  const source = step.if.includes('${{') ? step.if : `\${{ ${step.if} }}`;
  const roots = scanTemplate(source).flatMap((part) => (part.expression ? collectReferences(part.expression).map((ref) => ref.path[0]) : ['?']));
  if (!roots.every((root) => root === 'inputs' || root === 'resources')) return undefined;
  try {
    return evaluateCondition(step.if, { inputs, resources, steps: {} }) ? undefined : skipReason(step);
  } catch {
    return undefined; // the step reports a broken expression itself when it is reached
  }
}

/** Why a step whose `if:` is false is skipped: the same words at the start and when it is reached. */
export function skipReason(step: Step): string {
  return `condition is false: ${step.if ?? ''}`;
}

/** `if:` may be a bare expression; wrap it so the scanner sees it. */
export function conditionReferences(step: Step): string[] {
  if (step.if === undefined) return [];
  return outputReferences(step.if.includes('${{') ? step.if : `\${{ ${step.if} }}`);
}
