// Plans one step for the dry run. Decides first whether it can be planned at all: an `if:` that reads
// outputs is shown as undecided, a `with:` that reads outputs is "known after apply" and not planned.
import { evaluateCondition, type ExpressionScope } from '../runbook/expressions';
import type { Step } from '../runbook/schema';
import type { DryRunStep } from './dry-run';
import { badParams, toProblem, unknownAction } from './errors';
import { needsOf } from './graph';
import { PREFLIGHT_TIMEOUT_MS, readOnlyContext, type PreflightEngine } from './preflight';
import { conditionReferences, outputReferences, resolveWith, skipReason } from './scope';
import { abortAfter, raceAbort } from './signals';
import { DrctlError, ExitCode } from '../core/errors';
import { SDK_RETRY } from '../core/retry-policy';
import { retryPolicyOf } from './retry';

export async function planStep(engine: PreflightEngine, step: Step, scope: ExpressionScope): Promise<DryRunStep> {
  const { emitter } = engine;
  const action = engine.actions.getAction(step.uses);
  const base = { id: step.id, uses: step.uses, phase: 'main' as const, needs: needsOf(step), mutating: action?.mutating === true, permissions: [] as string[] };
  const fail = (error: unknown): DryRunStep => {
    const problem = toProblem(error);
    emitter.emit({ type: 'step.failed', stepId: step.id, error: problem });
    return { ...base, status: 'error', error: problem };
  };
  if (!action) return fail(unknownAction(step.id, step.uses));

  const undecided = step.if !== undefined && conditionReferences(step).length > 0 ? step.if : undefined;
  if (step.if !== undefined && !undecided) {
    try {
      if (!evaluateCondition(step.if, scope)) {
        const reason = skipReason(step);
        emitter.emit({ type: 'step.skipped', stepId: step.id, reason });
        return { ...base, status: 'skipped', reason };
      }
    } catch (error) {
      return fail(error);
    }
  }
  const waitsFor = outputReferences(step.with);
  if (waitsFor.length > 0) {
    const reason = `parameters use outputs of ${waitsFor.join(', ')}: known after apply`;
    emitter.emit({ type: 'step.unplanned', stepId: step.id, reason, waitsFor });
    return { ...base, status: 'unresolved', reason, waitsFor, condition: undecided };
  }

  try {
    const params = resolveWith(step, scope);
    const parsed = action.params.safeParse(params);
    if (!parsed.success) throw badParams(step.id, step.uses, parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '));
    const permissions = action.permissions(params);
    const { state: _state, ...plan } = await planWithTimeout(engine, step.id, (signal) => action.plan(readOnlyContext(engine, step.id, signal, true), params));
    const { status, summary, calls, observations, unverifiable, estimateMs, target } = plan;
    emitter.emit({ type: 'step.planned', stepId: step.id, status, summary, calls, observations, unverifiable, estimateMs, target });
    const attempts = action.mutating ? { step: retryPolicyOf(step).maximumAttempts, perAttempt: SDK_RETRY.mutating.maximumAttempts } : undefined;
    return { ...base, status, plan, condition: undecided, permissions, ...(attempts ? { attempts } : {}) };
  } catch (error) {
    return fail(error);
  }
}

async function planWithTimeout<T>(engine: PreflightEngine, stepId: string, plan: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeout = new AbortController();
  const ended = new AbortController();
  const reason = () =>
    new DrctlError('engine.plan-timeout', `planning step "${stepId}" took longer than 2m`, 'Check that the AWS endpoints are reachable from here.', { exitCode: ExitCode.runFailed });
  abortAfter(engine.clock, PREFLIGHT_TIMEOUT_MS, timeout, reason, ended.signal);
  const signal = AbortSignal.any([engine.stop, timeout.signal]);
  try {
    return await raceAbort(plan(signal), signal);
  } finally {
    ended.abort();
  }
}
