// Static stability (DESIGN.md): a failover must not depend on the region it leaves. From what each step and
// preflight check declares (src/core/dependencies.ts), this says what the run needs where, which regions it
// may leave, and which steps on its path need one of them, or Route 53's control plane (us-east-1) when the
// run may leave us-east-1. `plan` prints it (with what live state said), `validate` reports it from the
// runbook alone, and `run` refuses an unplanned failover that depends on what it leaves.
import type { ActionLookup } from '../core/define-action';
import { type Problem, ProblemsError } from '../core/errors';
import { type Dependency, dependencyWhere } from '../core/dependencies';
import type { Resource } from '../core/resources';
import { evaluateCondition, resolveValue, type ExpressionScope } from '../runbook/expressions';
import type { PreflightCheck, RunbookDocument, Step } from '../runbook/schema';
import { checkNames } from './preflight';

/** Route 53's control plane: its management API is hosted in us-east-1 (AWS-API-2.md §2). */
const ROUTE53_CONTROL_PLANE_REGION = 'us-east-1';

export interface DependencyRow {
  /** The step id, or "preflight <name>". */
  id: string;
  uses: string;
  kind: 'check' | 'step';
  /** Its position in spec.preflight or spec.steps. */
  index: number;
  needs: Dependency[];
  leaves: string[];
  /** true: it runs; false: its `if:` is false for these inputs; undefined: decided only while running. */
  runs?: boolean;
  /** `continue-on-error`: the failover goes on without it. */
  optional: boolean;
  /** Why it may not survive the loss of what the failover leaves (empty when it would). */
  warnings: string[];
  /** Parameters that are known only while running (step outputs): what it needs could not be read. */
  unresolved?: string;
}

export interface DependencyReport {
  /** unplanned: a step that runs fails over without the old primary (data loss, detach). */
  mode: 'planned' | 'unplanned' | 'none';
  /** Regions the run may move writers or traffic away from. */
  leaving: string[];
  /** A step leaves its resource's current primary, which only live state names (no `regions` hint). */
  leavingUnknown: boolean;
  rows: DependencyRow[];
}

export interface DependencyInput {
  document: RunbookDocument;
  inputs: Record<string, unknown>;
  actions: ActionLookup;
  /** What live state said (the dry run's plans): the region each step leaves, by step id. */
  liveSources?: ReadonlyMap<string, string>;
}

export function dependencyReport({ document, inputs, actions, liveSources }: DependencyInput): DependencyReport {
  const resources = (document.spec.resources ?? {}) as Record<string, Resource>;
  const scope: ExpressionScope = { inputs, resources: resources as Record<string, unknown>, steps: {} };
  const names = checkNames(document.spec.preflight ?? []);
  const checkRows = (document.spec.preflight ?? []).map((check, index) => checkRow(check, index, names[index] ?? check.check, scope, resources, actions));
  const stepRows = document.spec.steps.map((step, index) => stepRow(step, index, scope, resources, actions, liveSources?.get(step.id)));
  const active = stepRows.filter((row) => row.runs !== false);
  const unplanned = document.spec.steps.some((step, index) => stepRows[index]?.runs !== false && actions.getAction(step.uses)?.failover === 'unplanned');
  const moves = document.spec.steps.some((step, index) => stepRows[index]?.runs !== false && actions.getAction(step.uses)?.failover !== undefined);
  const leaving = [...new Set(active.flatMap((row) => row.leaves))].sort();
  const leavingUnknown = document.spec.steps.some((step, index) => {
    const row = stepRows[index];
    return row && row.runs !== false && row.leaves.length === 0 && leavesSourceOf(step, scope, resources, actions);
  });
  const report: DependencyReport = { mode: unplanned ? 'unplanned' : moves ? 'planned' : 'none', leaving, leavingUnknown, rows: [...checkRows, ...stepRows] };
  for (const row of report.rows) if (row.runs !== false) row.warnings = warningsFor(row, report);
  return report;
}

/** The rows an unplanned run refuses: on the failover's path, not optional, and needing what it leaves. */
export function refusedRows(report: DependencyReport): DependencyRow[] {
  return report.mode === 'unplanned' ? report.rows.filter((row) => row.runs !== false && !row.optional && row.warnings.length > 0) : [];
}

/** What to do about one refused step or check. */
export function refusalHint(row: DependencyRow): string {
  const optional = row.kind === 'step' ? ', mark it `continue-on-error: true` if the failover may go on without it,' : '';
  return `Move traffic on the data plane (arc.set-routing-controls)${optional} or give it \`if: inputs.mode == 'planned'\`; \`drctl plan\` shows what each step needs.`;
}

/** Refuses an unplanned run with a step that needs what it leaves; every such step is named. */
export function refuseUnstable(input: DependencyInput): void {
  const report = dependencyReport(input);
  const refused = refusedRows(report);
  if (refused.length === 0) return;
  const problems: Problem[] = refused.map((row) => ({
    code: 'engine.needs-region-left',
    message: `${row.kind === 'check' ? row.id : `step "${row.id}"`} (${row.uses}) ${row.warnings.join('; ')}`,
    hint: refusalHint(row),
  }));
  const leaving = report.leaving.length ? ` out of ${report.leaving.join(', ')}` : '';
  const what = `${refused.length} ${refused.length === 1 ? 'step needs' : 'steps need'}`;
  // Exit 2, like a runbook with problems: nothing has started, nothing has changed. The region being left
  // may be down, and with it Route 53's control plane when that is us-east-1.
  throw new ProblemsError(problems, `refusing an unplanned failover${leaving}: ${what} what it leaves, which may be down`);
}

function checkRow(check: PreflightCheck, index: number, name: string, scope: ExpressionScope, resources: Record<string, Resource>, actions: ActionLookup): DependencyRow {
  const row: DependencyRow = { id: `preflight ${name}`, uses: check.check, kind: 'check', index, needs: [], leaves: [], optional: false, warnings: [], runs: decide(check.if, scope) };
  const definition = actions.getCheck(check.check);
  if (!definition) return row;
  try {
    row.needs = [...definition.dependencies(resolveValue(check.with ?? {}, scope), resources)];
  } catch {
    row.unresolved = 'its parameters are known only while running';
  }
  return row;
}

function stepRow(step: Step, index: number, scope: ExpressionScope, resources: Record<string, Resource>, actions: ActionLookup, liveSource: string | undefined): DependencyRow {
  const row: DependencyRow = { id: step.id, uses: step.uses, kind: 'step', index, needs: [], leaves: [], optional: step['continue-on-error'] === true, warnings: [], runs: decide(step.if, scope) };
  const action = actions.getAction(step.uses);
  if (!action) return row;
  try {
    const declared = action.dependencies(resolveValue(step.with ?? {}, scope), resources);
    // Live state names the current primary: a need of "the region being left" becomes that region.
    row.needs = declared.needs.map((need) => (need.role === 'source' && need.region === undefined && liveSource ? { ...need, region: liveSource } : need));
    row.leaves = [...new Set([...declared.leaves, ...(declared.leavesSource && liveSource ? [liveSource] : [])])];
  } catch {
    row.unresolved = 'its parameters use outputs of other steps: known only while running';
  }
  return row;
}

function leavesSourceOf(step: Step, scope: ExpressionScope, resources: Record<string, Resource>, actions: ActionLookup): boolean {
  try {
    return actions.getAction(step.uses)?.dependencies(resolveValue(step.with ?? {}, scope), resources).leavesSource === true;
  } catch {
    return false;
  }
}

/** An `if:` over inputs is decided now; one over step outputs or outcomes only while running. */
function decide(condition: string | undefined, scope: ExpressionScope): boolean | undefined {
  if (condition === undefined) return true;
  try {
    return evaluateCondition(condition, scope);
  } catch {
    return undefined;
  }
}

function warningsFor(row: DependencyRow, report: DependencyReport): string[] {
  const leaving = new Set(report.leaving);
  return row.needs.flatMap((need): string[] => {
    const what = `${need.service} ${need.operations.join(', ')}`;
    if (need.anyOf && need.anyOf.length > 0) {
      return need.anyOf.every((region) => leaving.has(region)) ? [`needs ${what} in ${dependencyWhere(need)}, every one of which this failover leaves`] : [];
    }
    if (need.role === 'source') return [`needs ${what} in the region being left (${dependencyWhere(need)}): a switchover cannot finish without it`];
    if (need.service === 'route53' && need.region === ROUTE53_CONTROL_PLANE_REGION) {
      if (leaving.has(ROUTE53_CONTROL_PLANE_REGION)) return [`needs Route 53's control plane (${what}), hosted in us-east-1, which this failover leaves`];
      if (report.leavingUnknown) return [`needs Route 53's control plane (${what}), hosted in us-east-1, and which region this failover leaves is known only live`];
      return [];
    }
    return need.region && leaving.has(need.region) ? [`needs ${what} in ${need.region}, which this failover leaves`] : [];
  });
}
