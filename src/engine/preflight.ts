// Preflight checks are read-only and run before the first step (and in the dry run). They run side by
// side, all of them, so the operator sees every problem at once; any failure stops the run before a change.
import type { ActionContext } from '../core/action';
import type { PreflightCheck } from '../runbook/schema';
import { evaluateCondition, type ExpressionScope } from '../runbook/expressions';
import type { EngineContext } from './context';
import { expressionFailed, toProblem, unknownCheck } from './errors';
import { resolveIn } from './scope';
import { abortAfter, raceAbort } from './signals';
import { DrctlError, ExitCode } from '../core/errors';
import { formatDuration } from '../core/duration';

export const PREFLIGHT_TIMEOUT_MS = 2 * 60_000;

export type PreflightEngine = Pick<EngineContext, 'emitter' | 'clock' | 'readPorts' | 'http' | 'resources' | 'defaultRegion' | 'actions' | 'stop' | 'hard'>;

/**
 * A name per check that tells checks of the same kind apart (two `available` checks on two databases),
 * since the journal, the state and every report key preflight results by it.
 */
export function checkNames(checks: readonly PreflightCheck[]): string[] {
  const base = checks.map((check) => {
    if (check.name) return check.name;
    const subject = check.with?.resource ?? check.with?.resources;
    const shown = typeof subject === 'string' ? subject : Array.isArray(subject) ? subject.filter((item) => typeof item === 'string').join(',') : '';
    return shown ? `${check.check} ${shown}` : check.check;
  });
  return base.map((name, index) => (base.indexOf(name) === index && base.lastIndexOf(name) === index ? name : `${name} #${index + 1}`));
}

/** Runs every check; returns the names of those that failed. */
export async function runPreflight(engine: PreflightEngine, checks: readonly PreflightCheck[], scope: ExpressionScope, dryRun: boolean): Promise<string[]> {
  const names = checkNames(checks);
  const results = await Promise.all(checks.map((check, index) => runCheck(engine, check, names[index] as string, scope, dryRun)));
  return names.filter((_, index) => !results[index]);
}

async function runCheck(engine: PreflightEngine, check: PreflightCheck, name: string, scope: ExpressionScope, dryRun: boolean): Promise<boolean> {
  const { emitter } = engine;
  emitter.emit({ type: 'preflight.started', check: check.check, name });
  const timeout = new AbortController();
  const ended = new AbortController();
  abortAfter(engine.clock, PREFLIGHT_TIMEOUT_MS, timeout, () => checkTimeout(name), ended.signal);
  const signal = AbortSignal.any([engine.stop, engine.hard, timeout.signal]);
  try {
    if (check.if !== undefined && !conditionHolds(check.if, name, scope)) {
      // A check that does not apply holds vacuously; it reads nothing (its region may be the one lost).
      emitter.emit({ type: 'preflight.passed', check: check.check, name, message: `skipped: condition is false: ${check.if}` });
      return true;
    }
    const definition = engine.actions.getCheck(check.check);
    if (!definition) throw unknownCheck(check.check);
    const params = resolveIn(`preflight "${name}"`, check.with, scope);
    const result = await raceAbort(definition.run(readOnlyContext(engine, `preflight:${name}`, signal, dryRun), params), signal);
    const { message, observations } = result;
    if (result.ok) emitter.emit({ type: 'preflight.passed', check: check.check, name, message, observations });
    // The check's hint travels with it: the operator reads what to do next where the failure is shown.
    else emitter.emit({ type: 'preflight.failed', check: check.check, name, message, error: { code: `preflight.${check.check}`, message, hint: result.hint } });
    return result.ok;
  } catch (error) {
    const problem = toProblem(error);
    emitter.emit({ type: 'preflight.failed', check: check.check, name, message: problem.message, error: problem });
    return false;
  } finally {
    ended.abort();
  }
}

/** The context of a check or a dry-run plan: read-only ports, and no operator to ask. */
export function readOnlyContext(engine: PreflightEngine, stepId: string, signal: AbortSignal, dryRun: boolean): ActionContext {
  return {
    ports: engine.readPorts,
    http: engine.http,
    resources: engine.resources,
    defaultRegion: engine.defaultRegion,
    clock: engine.clock,
    signal,
    dryRun,
    stepId,
    observe: (message, data) => engine.emitter.emit({ type: 'step.observation', stepId, message, data }),
    requestApproval: () => Promise.reject(new Error('a read-only phase cannot ask for approval')),
    recordMetric: (reading) => engine.emitter.emit({ type: 'metric.read', stepId, reading }),
  };
}

/** A preflight `if:` reads inputs only (checks run before any step). A broken one fails the check. */
function conditionHolds(condition: string, name: string, scope: ExpressionScope): boolean {
  try {
    return evaluateCondition(condition, scope);
  } catch (error) {
    throw expressionFailed(`preflight "${name}" if:`, (error as Error).message);
  }
}

function checkTimeout(name: string): DrctlError {
  return new DrctlError('engine.preflight-timeout', `preflight check "${name}" did not answer within ${formatDuration(PREFLIGHT_TIMEOUT_MS)}`, 'Check that the AWS endpoints are reachable from here.', {
    exitCode: ExitCode.runFailed,
  });
}
