// One attempt of a step: resolve parameters, plan from live state, then act on what the plan says.
// ready -> journal the intent durably, apply, poll; in-progress -> join by polling; done -> succeed
// without a call. Because every attempt (and every resume) starts here, a change is never made twice.
//
// A mutating call whose answer was lost (a reset after sending, a timeout, a 5xx) may have taken effect.
// It is never sent again on the strength of a plan alone: only a plan that still finds nothing under way
// once AWS has had time to show the call (the action's visibleWithinMs) proves that it did not take.
import type { ActionPlan } from '../core/action';
import { formatDuration } from '../core/duration';
import { badParams, isOutcomeUnknown, journalFailed } from './errors';
import { pollUntilDone } from './poll';
import { resolveWith, scopeOf } from './scope';
import { callsText, type StepRun } from './step-run';

export interface AttemptResult {
  outputs: Record<string, unknown>;
  alreadyDone?: boolean;
  joined?: boolean;
}

export function resolveParams(run: StepRun): unknown {
  const { engine, step, action } = run;
  const raw = resolveWith(step, scopeOf(engine.emitter.state, engine.resources));
  const parsed = action.params.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(with)'} ${issue.message}`).join('; ');
    throw badParams(step.id, step.uses, detail);
  }
  // The registered action parses again on every entry point; hand it the raw values so that schemas
  // with transforms are not applied twice.
  return raw;
}

export async function runAttempt(run: StepRun): Promise<AttemptResult> {
  const { engine, action } = run;
  const params = resolveParams(run);
  const plan = await settledPlan(run, params);

  if (plan.status === 'done') return { outputs: await outputsWhenDone(run, params, plan), alreadyDone: true };
  if (plan.status === 'in-progress') {
    run.accepted = action.mutating;
    return { outputs: await pollUntilDone(run, params, plan), joined: true };
  }

  let outputs: Record<string, unknown> = {};
  if (action.hasApply) {
    const intentAt = action.mutating ? await commitIntent(run, plan) : undefined;
    let result;
    try {
      result = await run.call(() => action.apply(run.context(engine.ports), params, plan));
    } catch (error) {
      if (intentAt !== undefined && isOutcomeUnknown(error)) lostAnswer(run, intentAt, callsText(plan.calls), error);
      throw error;
    }
    run.unresolved = undefined;
    run.accepted = action.mutating;
    engine.emitter.emit({ type: 'step.applied', stepId: run.id });
    outputs = result?.outputs ?? {};
    if (result?.done || !action.hasPoll) return { outputs };
  }
  if (action.hasPoll) outputs = { ...outputs, ...(await pollUntilDone(run, params, plan)) };
  return { outputs };
}

async function planOnce(run: StepRun, params: unknown): Promise<ActionPlan> {
  const { engine, action } = run;
  const plan = await run.call(() => action.plan(run.context(engine.readPorts), params));
  const { status, summary, calls, observations, unverifiable, estimateMs, target } = plan;
  engine.emitter.emit({ type: 'step.planned', stepId: run.id, status, summary, calls, observations, unverifiable, estimateMs, target });
  return plan;
}

/** The plan, once it can be trusted about a call whose outcome is unknown. */
async function settledPlan(run: StepRun, params: unknown): Promise<ActionPlan> {
  const { engine, action } = run;
  for (;;) {
    const plan = await planOnce(run, params);
    const unresolved = run.unresolved;
    if (!unresolved) return plan;
    if (plan.status !== 'ready') {
      observe(run, `the earlier ${unresolved.what} took: ${plan.summary}`);
      run.unresolved = undefined;
      return plan;
    }
    const waitMs = unresolved.at + action.visibleWithinMs - engine.clock.now();
    if (waitMs <= 0) {
      observe(run, `the earlier ${unresolved.what} did not take (nothing under way ${formatDuration(engine.clock.now() - unresolved.at)} after it was sent); sending it again`);
      run.unresolved = undefined;
      return plan;
    }
    observe(run, `nothing under way yet; waiting ${formatDuration(waitMs)} for AWS to show the earlier ${unresolved.what} before deciding it did not take`);
    await engine.clock.sleep(waitMs, run.signal);
  }
}

function lostAnswer(run: StepRun, at: number, what: string, error: unknown): void {
  run.unresolved = { at, what, error };
  const why = error instanceof Error ? error.message : String(error);
  observe(run, `the outcome of ${what} is unknown (${why}); reading the state before anything is sent again`);
}

function observe(run: StepRun, message: string): void {
  run.emit({ type: 'step.observation', stepId: run.id, message });
}

async function commitIntent(run: StepRun, plan: ActionPlan): Promise<number> {
  run.checkpoint();
  try {
    const event = await run.engine.emitter.commit({ type: 'step.intent', stepId: run.id, calls: plan.calls, state: plan.state });
    return event?.at ?? run.engine.clock.now();
  } catch (error) {
    throw journalFailed(run.id, error);
  }
}

/**
 * A step found already done still owes its outputs to later steps (after a resume, say); one read-only
 * poll gives them. If that read fails the step is still done, just without outputs.
 */
async function outputsWhenDone(run: StepRun, params: unknown, plan: ActionPlan): Promise<Record<string, unknown>> {
  if (!run.action.hasPoll) return {};
  try {
    const result = await run.call(() => run.action.poll(run.context(run.engine.readPorts), params, plan));
    return result.done ? (result.outputs ?? {}) : {};
  } catch (error) {
    if (run.signal.aborted) throw error;
    run.emit({ type: 'step.observation', stepId: run.id, message: 'already done; could not read its outputs' });
    return {};
  }
}
