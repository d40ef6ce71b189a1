// One attempt of a step: resolve parameters, plan from live state, then act on what the plan says.
// ready -> journal the intent durably, apply, poll; in-progress -> join by polling; done -> succeed
// without a call. Because every attempt (and every resume) starts here, a change is never made twice.
import type { ActionPlan } from '../core/action';
import { badParams, journalFailed } from './errors';
import { pollUntilDone } from './poll';
import { resolveWith, scopeOf } from './scope';
import type { StepRun } from './step-run';

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
  const plan = await run.call(() => action.plan(run.context(engine.readPorts), params));
  const { status, summary, calls, observations, unverifiable, estimateMs, target } = plan;
  engine.emitter.emit({ type: 'step.planned', stepId: run.id, status, summary, calls, observations, unverifiable, estimateMs, target });

  if (status === 'done') return { outputs: await outputsWhenDone(run, params, plan), alreadyDone: true };
  if (status === 'in-progress') return { outputs: await pollUntilDone(run, params, plan), joined: true };

  let outputs: Record<string, unknown> = {};
  if (action.hasApply) {
    if (action.mutating) await commitIntent(run, plan);
    const result = await run.call(() => action.apply(run.context(engine.ports), params, plan));
    engine.emitter.emit({ type: 'step.applied', stepId: run.id });
    outputs = result?.outputs ?? {};
    if (result?.done || !action.hasPoll) return { outputs };
  }
  if (action.hasPoll) outputs = { ...outputs, ...(await pollUntilDone(run, params, plan)) };
  return { outputs };
}

async function commitIntent(run: StepRun, plan: ActionPlan): Promise<void> {
  run.checkpoint();
  try {
    await run.engine.emitter.commit({ type: 'step.intent', stepId: run.id, calls: plan.calls, state: plan.state });
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
