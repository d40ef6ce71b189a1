// Rules that need the whole runbook: step ids, needs and cycles, actions and their parameters, resource
// references and their types, preflight checks, and inputs. Expressions are checked in references.ts.
import type { Problem } from '../core/errors';
import type { ActionCatalogue } from '../core/define-action';
import { findCycle, needsOf } from './graph';
import { checkParams } from './params';
import { asArray, asRecord, asString, type RawRecord } from './raw';
import { checkExpressions } from './references';
import { describeValue } from './schema-problems';
import type { Path, RunbookSource } from './source';
import { didYouMean } from './suggest';
import { checkInputs } from './input-rules';

export interface StepRef {
  id: string;
  path: Path;
  raw: RawRecord;
  needs: string[];
  phase: 'steps' | 'rollback';
}

function collectSteps(value: unknown, phase: 'steps' | 'rollback'): StepRef[] {
  return asArray(value).flatMap((item, index) => {
    const raw = asRecord(item);
    const id = asString(raw?.id);
    return raw && id ? [{ id, path: ['spec', phase, index], raw, needs: needsOf(raw.needs), phase }] : [];
  });
}

export function checkSemantics(data: unknown, source: RunbookSource, catalogue: ActionCatalogue): Problem[] {
  const spec = asRecord(asRecord(data)?.spec);
  if (!spec) return [];
  const resources = asRecord(spec.resources) ?? {};
  const main = collectSteps(spec.steps, 'steps');
  const rollback = collectSteps(spec.rollback, 'rollback');
  const problems: Problem[] = [...checkInputs(asRecord(spec.inputs) ?? {}, source)];
  problems.push(...checkDuplicateIds([...main, ...rollback], source));
  for (const phase of [main, rollback]) problems.push(...checkNeeds(phase, source));
  for (const step of [...main, ...rollback]) problems.push(...checkStepAction(step, resources, source, catalogue));
  problems.push(...checkPreflight(asArray(spec.preflight), resources, source, catalogue));
  problems.push(...checkRtoEnd(asRecord(spec.objectives)?.rtoEndsAt, main, source));
  problems.push(...checkExpressions({ spec, main, rollback, source, catalogue }));
  return problems;
}

/** objectives.rtoEndsAt names the main step whose success ends the RTO clock. */
function checkRtoEnd(value: unknown, main: StepRef[], source: RunbookSource): Problem[] {
  const id = asString(value);
  if (id === undefined || main.some((step) => step.id === id)) return [];
  const ids = main.map((step) => step.id);
  return [{
    code: 'runbook.unknown-rto-step',
    message: `objectives.rtoEndsAt names "${id}", but there is no step with that id`,
    hint: didYouMean(id, ids) ?? `Name the step whose success means the application is back (steps: ${ids.join(', ')}); rollback steps cannot end the RTO.`,
    location: source.locate(['spec', 'objectives', 'rtoEndsAt']),
  }];
}

function checkDuplicateIds(steps: StepRef[], source: RunbookSource): Problem[] {
  const first = new Map<string, StepRef>();
  const problems: Problem[] = [];
  for (const step of steps) {
    const earlier = first.get(step.id);
    if (!earlier) {
      first.set(step.id, step);
      continue;
    }
    const line = source.locate([...earlier.path, 'id']).line;
    problems.push({ code: 'runbook.duplicate-step-id', message: `step id "${step.id}" is used twice (first on line ${line})`, hint: 'Give every step, including rollback steps, its own id.', location: source.locate([...step.path, 'id']) });
  }
  return problems;
}

function checkNeeds(steps: StepRef[], source: RunbookSource): Problem[] {
  const ids = new Set(steps.map((step) => step.id));
  const problems: Problem[] = [];
  for (const step of steps) {
    const raw = step.raw.needs;
    step.needs.forEach((need, index) => {
      if (ids.has(need)) return;
      const path = Array.isArray(raw) ? [...step.path, 'needs', index] : [...step.path, 'needs'];
      const scope = step.phase === 'rollback' ? 'rollback step' : 'step';
      problems.push({ code: 'runbook.unknown-need', message: `step "${step.id}" needs "${need}", but there is no ${scope} with that id`, hint: didYouMean(need, ids) ?? `Known ${scope}s: ${[...ids].join(', ')}.`, location: source.locate(path) });
    });
  }
  const cycle = findCycle(steps);
  if (cycle) {
    const start = steps.find((step) => step.id === cycle[0]);
    problems.push({ code: 'runbook.dependency-cycle', message: `the steps depend on each other in a cycle: ${cycle.join(' -> ')}`, hint: 'Remove one of these `needs` so the steps can run in order.', location: source.locate(start ? [...start.path, 'needs'] : []) });
  }
  return problems;
}

function checkStepAction(step: StepRef, resources: RawRecord, source: RunbookSource, catalogue: ActionCatalogue): Problem[] {
  const uses = asString(step.raw.uses);
  if (uses === undefined) return [];
  const action = catalogue.getAction(uses);
  if (!action) {
    return [{ code: 'runbook.unknown-action', message: `step "${step.id}" uses "${uses}", which is not a drctl action`, hint: didYouMean(uses, catalogue.actions.map((a) => a.uses)) ?? `Actions: ${catalogue.actions.map((a) => a.uses).join(', ')}.`, location: source.locate([...step.path, 'uses']) }];
  }
  const withPath = [...step.path, 'with'];
  const problems = checkParams(action.params, step.raw.with, withPath, source, `the ${uses} parameters`);
  if (action.resourceTypes) {
    problems.push(...checkResourceRef(asRecord(step.raw.with)?.resource, [...withPath, 'resource'], action.resourceTypes, resources, source, uses, catalogue));
  }
  problems.push(...checkResourceParams(action.resourceParams ?? {}, asRecord(step.raw.with), withPath, resources, source, uses, catalogue));
  return problems;
}

function checkPreflight(checks: unknown[], resources: RawRecord, source: RunbookSource, catalogue: ActionCatalogue): Problem[] {
  return checks.flatMap((item, index) => {
    const raw = asRecord(item);
    const name = asString(raw?.check);
    const path: Path = ['spec', 'preflight', index];
    if (!raw || name === undefined) return [];
    const check = catalogue.getCheck(name);
    if (!check) {
      return [{ code: 'runbook.unknown-check', message: `preflight check "${name}" does not exist`, hint: didYouMean(name, catalogue.checks.map((c) => c.check)) ?? `Checks: ${catalogue.checks.map((c) => c.check).join(', ')}.`, location: source.locate([...path, 'check']) }];
    }
    const problems = checkParams(check.params, raw.with, [...path, 'with'], source, `the ${name} check parameters`);
    problems.push(...checkResourceParams(check.resourceParams, asRecord(raw.with), [...path, 'with'], resources, source, name, catalogue));
    return problems;
  });
}

/** Parameters that name resources (one, or a list), each checked against the types it accepts. */
function checkResourceParams(params: Readonly<Record<string, readonly string[]>>, withValue: RawRecord | undefined, withPath: Path, resources: RawRecord, source: RunbookSource, user: string, catalogue: ActionCatalogue): Problem[] {
  return Object.entries(params).flatMap(([param, types]) => {
    const value = withValue?.[param];
    const refs = Array.isArray(value) ? value.map((ref, i) => [ref, [...withPath, param, i]] as const) : [[value, [...withPath, param]] as const];
    return refs.flatMap(([ref, refPath]) => checkResourceRef(ref, refPath, types, resources, source, user, catalogue));
  });
}

function checkResourceRef(value: unknown, path: Path, types: readonly string[], resources: RawRecord, source: RunbookSource, user: string, catalogue: ActionCatalogue): Problem[] {
  if (typeof value !== 'string' || value.includes('${{')) return [];
  const resource = asRecord(resources[value]);
  if (!resource) {
    const names = Object.keys(resources);
    return [{ code: 'runbook.unknown-resource', message: `${user} names resource "${value}", which is not declared in spec.resources`, hint: didYouMean(value, names) ?? (names.length ? `Declared resources: ${names.join(', ')}.` : 'Declare it under spec.resources.'), location: source.locate(path) }];
  }
  const type = asString(resource.type);
  if (type === undefined || types.includes(type)) return [];
  const fitting = catalogue.actions.filter((action) => action.resourceTypes?.includes(type as never)).map((action) => action.uses);
  return [{ code: 'runbook.wrong-resource-type', message: `${user} works on ${types.join(' or ')} resources, but "${value}" is ${describeValue(type).replace('the string ', '')}`, hint: fitting.length ? `For a ${type} resource use ${fitting.join(', ')}.` : `Point it at a ${types.join(' or ')} resource.`, location: source.locate(path) }];
}
