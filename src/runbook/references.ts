// Checks every `${{ }}` in steps, rollback and preflight: syntax, and that each reference names an input,
// an upstream step (and one of its declared outputs) or a declared resource (and one of its fields).
import type { Problem } from '../core/errors';
import type { ActionCatalogue } from '../core/define-action';
import { ExpressionSyntaxError, collectReferences, parseExpression, type Expr } from './expression-parser';
import { hasExpression, scanTemplate } from './expressions';
import { Upstream } from './graph';
import { asArray, asRecord, asString, type RawRecord } from './raw';
import type { StepRef } from './semantics';
import type { Path, RunbookSource } from './source';
import { didYouMean } from './suggest';

interface Context {
  spec: RawRecord;
  main: StepRef[];
  rollback: StepRef[];
  source: RunbookSource;
  catalogue: ActionCatalogue;
}

interface Scope {
  inputs: string[];
  resources: RawRecord;
  /** The outputs of a step that may be read here (undefined: unknown action), or undefined when it does not run before this point. */
  readable: (id: string) => { outputs: readonly string[] | undefined } | undefined;
  allSteps: Set<string>;
  where: string;
}

type Ref = Extract<Expr, { kind: 'ref' }>;

export function checkExpressions({ spec, main, rollback, source, catalogue }: Context): Problem[] {
  const inputs = Object.keys(asRecord(spec.inputs) ?? {});
  const resources = asRecord(spec.resources) ?? {};
  const outputsOf = (step: StepRef | undefined) => (step ? { outputs: catalogue.getAction(asString(step.raw.uses) ?? '')?.outputs } : undefined);
  const allSteps = new Set([...main, ...rollback].map((step) => step.id));
  const mainById = new Map(main.map((step) => [step.id, step]));
  const rollbackById = new Map(rollback.map((step) => [step.id, step]));
  const upstream = { steps: new Upstream(main), rollback: new Upstream(rollback) };
  const problems: Problem[] = [];

  for (const step of [...main, ...rollback]) {
    const id = step.id;
    const readable =
      step.phase === 'steps'
        ? (other: string) => (upstream.steps.has(id, other) ? outputsOf(mainById.get(other)) : undefined)
        : // Rollback runs after the main steps, so it may read any of them.
          (other: string) => outputsOf(upstream.rollback.has(id, other) ? rollbackById.get(other) : mainById.get(other));
    const scope: Scope = { inputs, resources, allSteps, where: `step "${id}"`, readable };
    for (const key of ['with', 'name'] as const) walk(step.raw[key], [...step.path, key], scope, source, problems);
    const condition = asString(step.raw.if);
    if (condition !== undefined) checkCondition(condition, [...step.path, 'if'], scope, source, problems);
  }
  asArray(spec.preflight).forEach((check, index) => {
    const scope: Scope = { inputs, resources, allSteps, where: 'preflight', readable: () => undefined };
    walk(asRecord(check)?.with, ['spec', 'preflight', index, 'with'], scope, source, problems);
    const condition = asString(asRecord(check)?.if);
    if (condition !== undefined) checkCondition(condition, ['spec', 'preflight', index, 'if'], scope, source, problems);
  });
  return problems;
}

function walk(value: unknown, path: Path, scope: Scope, source: RunbookSource, problems: Problem[]): void {
  if (typeof value === 'string') {
    if (!hasExpression(value)) return;
    for (const part of scanTemplate(value)) {
      if (part.error) {
        problems.push(syntaxProblem(part.error.message, source.locateInString(path, part.error.offset)));
      } else if (part.expression) {
        for (const ref of collectReferences(part.expression)) {
          const problem = checkRef(ref, scope);
          if (problem) problems.push({ ...problem, location: source.locateInString(path, part.sourceStart + ref.offset) });
        }
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], scope, source, problems));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], scope, source, problems);
  }
}

function checkCondition(text: string, path: Path, scope: Scope, source: RunbookSource, problems: Problem[]): void {
  if (hasExpression(text)) return walk(text, path, scope, source, problems);
  try {
    for (const ref of collectReferences(parseExpression(text))) {
      const problem = checkRef(ref, scope);
      if (problem) problems.push({ ...problem, location: source.locateInString(path, ref.offset) });
    }
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    problems.push(syntaxProblem(error.message, source.locateInString(path, error.offset)));
  }
}

function syntaxProblem(message: string, location: Problem['location']): Problem {
  return { code: 'runbook.bad-expression', message: `malformed expression: ${message}`, hint: 'Write expressions as ${{ inputs.name }}, ${{ steps.id.outputs.name }} or ${{ resources.name.field }}; compare with == != < > and combine with && || !.', location };
}

function checkRef(ref: Ref, scope: Scope): Omit<Problem, 'location'> | undefined {
  const [root, name, field, output] = ref.path;
  const text = ref.path.join('.');
  if (root === 'inputs') {
    if (name !== undefined && scope.inputs.includes(name) && ref.path.length === 2) return undefined;
    return { code: 'runbook.unknown-input', message: `${scope.where} reads "${text}", but there is no input "${name ?? ''}"`, hint: didYouMean(name ?? '', scope.inputs) ?? (scope.inputs.length ? `Inputs: ${scope.inputs.join(', ')}.` : 'Declare it under spec.inputs.') };
  }
  if (root === 'resources') {
    const resource = asRecord(scope.resources[name ?? '']);
    const names = Object.keys(scope.resources);
    if (!resource) return { code: 'runbook.unknown-resource', message: `${scope.where} reads "${text}", but there is no resource "${name ?? ''}"`, hint: didYouMean(name ?? '', names) ?? `Resources: ${names.join(', ') || 'none declared'}.` };
    if (field === undefined || (field in resource && ref.path.length === 3)) return undefined;
    return { code: 'runbook.unknown-field', message: `${scope.where} reads "${text}", but resource "${name}" has no field "${field}"`, hint: didYouMean(field, Object.keys(resource)) ?? `Fields: ${Object.keys(resource).join(', ')}.` };
  }
  if (root === 'steps') return checkStepRef(ref, scope, name, field, output);
  return { code: 'runbook.unknown-reference', message: `${scope.where} reads "${text}"; expressions can read inputs, steps and resources only`, hint: didYouMean(root ?? '', ['inputs', 'steps', 'resources']) ?? 'Start the reference with inputs., steps. or resources.' };
}

function checkStepRef(ref: Ref, scope: Scope, id?: string, field?: string, output?: string): Omit<Problem, 'location'> | undefined {
  const text = ref.path.join('.');
  if (id === undefined || !scope.allSteps.has(id)) {
    return { code: 'runbook.unknown-step', message: `${scope.where} reads "${text}", but there is no step "${id ?? ''}"`, hint: didYouMean(id ?? '', scope.allSteps) ?? `Steps: ${[...scope.allSteps].join(', ')}.` };
  }
  const upstream = scope.readable(id);
  if (!upstream) {
    return { code: 'runbook.step-not-upstream', message: `${scope.where} reads "${text}", but does not depend on step "${id}"`, hint: `Add "${id}" to this step's needs, so its result exists when this step runs.` };
  }
  if (field === 'outcome' && ref.path.length === 3) return undefined;
  if (field !== 'outputs') {
    return { code: 'runbook.unknown-reference', message: `${scope.where} reads "${text}"; a step exposes .outputs.<name> and .outcome`, hint: `Use steps.${id}.outputs.<name> or steps.${id}.outcome.` };
  }
  const declared = upstream.outputs;
  if (declared === undefined || (output !== undefined && declared.includes(output) && ref.path.length === 4)) return undefined;
  return { code: 'runbook.unknown-output', message: `${scope.where} reads "${text}", but step "${id}" has no output "${output ?? ''}"`, hint: didYouMean(output ?? '', declared) ?? (declared.length ? `Its outputs: ${declared.join(', ')}.` : 'That action has no outputs.') };
}
