// The dry run: preflight, then every step's plan in dependency order, with nothing but reads. Ports are
// wrapped read-only here too (src/aws guards the wire as well), and apply and poll are never called.
// A step whose parameters need outputs that only exist after acting is listed as "known after apply".
import type { ActionPlan } from '../core/action';
import type { AwsPorts } from '../core/services/catalogue';
import type { HttpProbePort } from '../core/http-probe';
import { ExitCode, type Problem } from '../core/errors';
import { resolveValue, type ExpressionScope } from '../runbook/expressions';
import type { RunbookDocument, Step } from '../runbook/schema';
import type { Clock } from '../core/clock';
import { RunEmitter } from './emitter';
import { preflightFailed, toProblem, unknownAction } from './errors';
import type { EventSink } from '../core/events';
import { StepGraph, needsOf } from './graph';
import { planStep } from './dry-run-step';
import { dependencyReport, type DependencyReport, refusedRows } from './dependency-table';
import { checkNames, runPreflight } from './preflight';
import { readOnlyPorts } from './read-only-ports';
import { objectivesOf, stepInfos } from './run';
import { emptyRunState } from './state';
import type { ActionLookup } from '../core/define-action';

export type DryRunStatus = ActionPlan['status'] | 'skipped' | 'unresolved' | 'error' | 'not-planned';

export interface DryRunStep {
  id: string;
  uses: string;
  phase: 'main' | 'rollback';
  needs: string[];
  mutating: boolean;
  status: DryRunStatus;
  plan?: Omit<ActionPlan, 'state'>;
  /** Why it was skipped, not planned, or could not be resolved. */
  reason?: string;
  /** Steps whose outputs this one needs before it can be planned. */
  waitsFor?: string[];
  /** An `if:` that can only be decided after acting. */
  condition?: string;
  error?: Problem;
  permissions: string[];
  /** How often a mutating step may send its change: see attemptsOf. */
  attempts?: EffectiveAttempts;
}

/**
 * What `plan` says about retries of a change (src/core/retry-policy.ts): up to `step` attempts (the
 * runbook's `retry:`), each sending the change at most `perAttempt` times (SDK retries are off for
 * changes), and never again before a read shows the last one did not take.
 */
export interface EffectiveAttempts {
  step: number;
  perAttempt: number;
}

export interface DryRunResult {
  runId: string;
  runbook: string;
  file: string;
  preflight: Array<{ name: string; check: string; ok: boolean; message: string }>;
  steps: DryRunStep[];
  rollback: DryRunStep[];
  criticalPath: { totalMs: number; path: string[] };
  /** The sum of all estimates, to show what running in parallel saves. */
  serialMs: number;
  unverifiable: string[];
  permissions: string[];
  /** What each check and step needs (service, region, plane), what the run leaves, and the warnings. */
  dependencies: DependencyReport;
  /** An unplanned run would refuse these steps (they need what it leaves). */
  refused: string[];
  ok: boolean;
  /** Why the plan is not OK (preflight failed, a step cannot be planned), with a code and a hint. */
  error?: Problem;
  exitCode: ExitCode;
}

export interface PlanOptions {
  runId: string;
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
}

export interface PlanDeps {
  clock: Clock;
  ports: AwsPorts;
  http?: HttpProbePort;
  sink: EventSink;
  /** The actions and checks, from the composition root. */
  actions: ActionLookup;
  stopSignal?: AbortSignal;
  defaultRegion?: string;
}

export async function planRunbook(options: PlanOptions, deps: PlanDeps): Promise<DryRunResult> {
  const { document } = options;
  const { actions } = deps;
  const emitter = new RunEmitter(deps.sink, deps.clock, emptyRunState());
  const startedAt = deps.clock.now();
  emitter.emit({
    type: 'run.started', runId: options.runId, runbook: document.metadata.name, file: options.file, mode: 'dry-run', inputs: options.inputs,
    objectives: objectivesOf(document), steps: stepInfos(document, actions, options.inputs), session: 'start',
  });
  const stop = deps.stopSignal ?? new AbortController().signal;
  const resources = document.spec.resources ?? {};
  const engine = { emitter, clock: deps.clock, readPorts: readOnlyPorts(deps.ports), http: deps.http, resources, defaultRegion: deps.defaultRegion, actions, stop, hard: stop };
  const scope: ExpressionScope = { inputs: options.inputs, resources: resources as Record<string, unknown>, steps: {} };

  await runPreflight(engine, document.spec.preflight ?? [], scope, true);
  const graph = new StepGraph(document.spec.steps);
  const planned = await planAll(graph, (step) => planStep(engine, step, scope), (id, step) => {
    // Later expressions may read this step's outcome; the dry run assumes the plan holds.
    scope.steps[id] = { outputs: {}, outcome: step.status === 'skipped' ? 'skipped' : 'success' };
  });
  const steps = graph.order.map((id) => planned.get(id) as DryRunStep);
  const rollback = (document.spec.rollback ?? []).map((step) => notPlanned(step, actions, scope));
  const result = summarize(options, emitter, graph, steps, rollback, actions);
  emitter.emit({ type: 'plan.finished', ok: result.ok, criticalPathMs: result.criticalPath.totalMs, criticalPath: result.criticalPath.path, unverifiable: result.unverifiable });
  emitter.emit({ type: 'run.finished', outcome: result.ok ? 'succeeded' : 'failed', durationMs: deps.clock.now() - startedAt, error: result.error });
  emitter.close();
  return result;
}

/** Plans read AWS; a few at a time keeps a 500-step dry run fast without a burst of describes. */
const PLANS_IN_FLIGHT = 8;

/**
 * Plans every step as soon as the steps it needs are planned (their outcomes feed its expressions), at
 * most PLANS_IN_FLIGHT at a time. Results are keyed by id; callers list them in dependency order.
 */
async function planAll(graph: StepGraph, plan: (step: Step) => Promise<DryRunStep>, done: (id: string, step: DryRunStep) => void): Promise<Map<string, DryRunStep>> {
  const results = new Map<string, DryRunStep>();
  const pending = new Map<string, Promise<void>>();
  let free = PLANS_IN_FLIGHT;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  const schedule = (id: string): Promise<void> => {
    const existing = pending.get(id);
    if (existing) return existing;
    const node = graph.get(id);
    const run = Promise.all(node.needs.map(schedule)).then(async () => {
      await slot();
      try {
        const result = await plan(node.step);
        results.set(id, result);
        done(id, result);
      } finally {
        release();
      }
    });
    pending.set(id, run);
    return run;
  };
  await Promise.all(graph.order.map(schedule));
  return results;
}

function summarize(options: PlanOptions, emitter: RunEmitter, graph: StepGraph, steps: DryRunStep[], rollback: DryRunStep[], actions: ActionLookup): DryRunResult {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const weight = (id: string) => {
    const step = byId.get(id);
    return step && (step.status === 'ready' || step.status === 'in-progress') ? (step.plan?.estimateMs ?? 0) : 0;
  };
  const checks = options.document.spec.preflight ?? [];
  const names = checkNames(checks);
  const preflight = Object.entries(emitter.state.preflight).map(([name, check]) => ({
    name,
    check: checks[names.indexOf(name)]?.check ?? name,
    ok: check.state === 'passed',
    message: check.message ?? '',
  }));
  const unverifiable = [
    ...steps.flatMap((step) => (step.plan?.unverifiable ?? []).map((text) => `${step.id}: ${text}`)),
    ...steps.filter((step) => step.status === 'unresolved').map((step) => `${step.id}: ${step.reason ?? 'known after apply'}`),
    ...steps.filter((step) => step.condition).map((step) => `${step.id}: whether it runs (${step.condition}) is known after apply`),
  ];
  // Live state names the region each move leaves (the current primary), where the runbook could not.
  const liveSources = new Map(steps.flatMap((step) => (step.plan?.target?.from ? [[step.id, step.plan.target.from] as const] : [])));
  const dependencies = dependencyReport({ document: options.document, inputs: options.inputs, actions, liveSources });
  const refused = refusedRows(dependencies).map((row) => row.id);
  const ok = preflight.every((check) => check.ok) && steps.every((step) => step.status !== 'error') && refused.length === 0;
  const failedChecks = preflight.filter((check) => !check.ok).map((check) => check.name);
  const broken = steps.find((step) => step.status === 'error');
  const error = failedChecks.length > 0 ? toProblem(preflightFailed(failedChecks)) : broken?.error;
  return {
    runId: options.runId,
    runbook: options.document.metadata.name,
    file: options.file,
    preflight,
    steps,
    rollback,
    criticalPath: graph.criticalPath(weight),
    serialMs: graph.order.reduce((sum, id) => sum + weight(id), 0),
    unverifiable,
    permissions: [...new Set([...steps, ...rollback].flatMap((step) => step.permissions))].sort(),
    dependencies,
    refused,
    ok,
    ...(error && !ok ? { error } : {}),
    exitCode: ok ? ExitCode.ok : ExitCode.runFailed,
  };
}

function notPlanned(step: Step, actions: ActionLookup, scope: ExpressionScope): DryRunStep {
  const action = actions.getAction(step.uses);
  const base = { id: step.id, uses: step.uses, phase: 'rollback' as const, needs: needsOf(step), mutating: action?.mutating === true };
  if (!action) return { ...base, status: 'error', error: toProblem(unknownAction(step.id, step.uses)), permissions: [] };
  let permissions: string[] = [];
  try {
    permissions = action.permissions(resolveValue(step.with ?? {}, scope));
  } catch {
    // Parameters that depend on the run's outputs; the permissions show up once the run gets there.
  }
  return { ...base, status: 'not-planned', reason: 'runs only after a failure, or with drctl rollback', permissions };
}
