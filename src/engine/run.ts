// The engine's entry points. runRunbook starts a run; resumeRun continues one from its journal (or runs
// its rollback steps). Both replay the prior events into the state first, so finished steps stay
// finished, and every other step starts again from a plan of live state.
import { DrctlError, ExitCode } from '../core/errors';
import { parseDuration } from '../core/duration';
import type { RunbookDocument, Step } from '../runbook/schema';
import { Approvals, DEFAULT_APPROVAL_TIMEOUT_MS } from './approvals';
import { confirmationText, mutatingSteps } from './confirm';
import type { EngineContext } from './context';
import { RunEmitter } from './emitter';
import { rollbackOverUnknown, toProblem } from './errors';
import type { RunObjectives, RunOutcome, SessionKind, StepInfo } from '../core/events';
import { refuseUnstable } from './dependency-table';
import { needsOf } from './graph';
import { runMainThenRollback, runRollbackOnly, verdictAfterRollback, type PhaseSetup, type Verdict } from './phases';
import { readOnlyPorts } from './read-only-ports';
import { RunSignals } from './run-signals';
import { decidedSkip, scopeOf } from './scope';
import { statusCommandFor } from './status-command';
import { changedNothing, replay, type RunState } from './state';
import type { EngineDeps, ResumeOptions, RunOptions, RunResult } from './run-contract';
import type { ActionLookup } from '../core/define-action';

// Most running steps only poll (a few describes a minute), so a wide runbook should not wait in waves:
// 50 parallel failovers stay well inside the memory budget (see bench/).
export const DEFAULT_MAX_PARALLEL = 50;

export function runRunbook(options: RunOptions, deps: EngineDeps): Promise<RunResult> {
  return execute(options, deps, 'start', []);
}

export function resumeRun(options: ResumeOptions, deps: EngineDeps): Promise<RunResult> {
  return execute(options, deps, options.session, options.prior);
}

export function exitCodeOf(outcome: RunOutcome): ExitCode {
  if (outcome === 'succeeded') return ExitCode.ok;
  if (outcome === 'unknown') return ExitCode.outcomeUnknown;
  return outcome === 'aborted' ? ExitCode.aborted : ExitCode.runFailed;
}

async function execute(options: RunOptions, deps: EngineDeps, requested: SessionKind, prior: ResumeOptions['prior']): Promise<RunResult> {
  const { actions } = deps;
  const state = replay(prior);
  // A journal cut before run.started (a crash in the first instant) holds nothing to resume.
  const session: SessionKind = state.sessions === 0 ? 'start' : requested;
  if (session === 'rollback') refuseBlindRollback(state);
  const idle = nothingToDo(state, session);
  if (idle) {
    // Nothing left to do is not a success to report for a run that failed (CI must still see it).
    const outcome = session === 'rollback' ? 'succeeded' : (state.outcome ?? 'succeeded');
    return { runId: options.runId, outcome, exitCode: exitCodeOf(outcome), state, durationMs: 0, nothingToDo: idle };
  }

  // An unplanned failover must not depend on the region it leaves: refused before anything starts.
  if (session === 'start') refuseUnstable({ document: options.document, inputs: options.inputs, actions });
  const emitter = new RunEmitter(deps.sink, deps.clock, state);
  const startedAt = deps.clock.now();
  const signals = new RunSignals(emitter);
  emitter.emit(runStarted(options, actions, session));
  signals.watch(deps.stopSignal, deps.forceSignal, deps.clock, options.deadlineMs);
  const stopListening = deps.apiCalls?.listen((call) => emitter.emit({ type: 'api.call', call })) ?? (() => undefined);
  try {
    const setup = phaseSetup(options, deps, actions, emitter, signals);
    const verdict = journalFirst(await runPhases(setup, session, state), signals);
    emitter.emit({ type: 'run.finished', outcome: verdict.outcome, durationMs: deps.clock.now() - startedAt, error: problemOf(verdict) });
    // Its own ending may be what the journal could not hold: then the run is not over as far as resume knows.
    const final = journalFirst(verdict, signals);
    if (final !== verdict) Object.assign(state, { outcome: final.outcome, error: problemOf(final) });
    return { runId: options.runId, outcome: final.outcome, exitCode: exitCodeOf(final.outcome), error: problemOf(final), state, durationMs: deps.clock.now() - startedAt };
  } finally {
    emitter.close();
    stopListening();
    signals.dispose();
  }
}

/** A journal that could not be written is the verdict, whatever else happened: the record is incomplete. */
function journalFirst(verdict: Verdict, signals: RunSignals): Verdict {
  if (signals.failure === undefined || verdict.error === signals.failure) return verdict;
  return { outcome: 'failed', error: signals.failure };
}

function problemOf(verdict: Verdict) {
  return verdict.error === undefined ? undefined : toProblem(verdict.error);
}

/** The phases this kind of session runs: preflight, main steps and rollback, or the rollback alone. */
async function runPhases(setup: PhaseSetup, session: SessionKind, state: RunState): Promise<Verdict> {
  if (session === 'rollback') return runRollbackOnly(setup, 'requested with drctl rollback');
  if (state.rollback?.state === 'running') return runRollbackOnly(setup, state.rollback.reason);
  // Cut off after the rollback finished but before the run did: only the ending is missing.
  if (state.rollback) return verdictAfterRollback(state, setup.statusCommand);
  // Preflight guards the first change: a resumed run that never started a step runs it again.
  const anyStepStarted = Object.values(state.steps).some((step) => step.phase === 'main' && step.attempts > 0);
  return runMainThenRollback(setup, !anyStepStarted);
}

function nothingToDo(state: RunState, session: SessionKind): string | undefined {
  // Rollback undoes what happened: a run that changed nothing has nothing to undo (whatever its outcome).
  if (session === 'rollback' && state.sessions > 0 && changedNothing(state)) return 'this run changed nothing in AWS, so there is nothing to roll back';
  // A run cut off by a crash always gets a session, if only to write its ending.
  if (state.sessions === 0 || state.outcome === undefined) return undefined;
  if (session === 'rollback') return state.rollback?.state === 'succeeded' ? 'this run was already rolled back' : undefined;
  if (state.outcome === 'unknown') return undefined; // resume reads the state again and settles it
  if (state.rollback && state.rollback.state !== 'running' && state.rollback.state !== 'unknown') {
    return state.rollback.state === 'succeeded'
      ? 'this run failed and was rolled back; start a new run'
      : 'this run failed and its rollback failed; fix the cause and use `drctl rollback <run-id>`';
  }
  return state.outcome === 'succeeded' ? 'this run already succeeded' : undefined;
}

/** `drctl rollback` over a step whose outcome is unknown: settle it first (resume reads the state). */
function refuseBlindRollback(state: RunState): void {
  const unknown = Object.values(state.steps).filter((step) => step.phase === 'main' && step.state === 'unknown').map((step) => step.id);
  if (unknown.length > 0) throw rollbackOverUnknown(unknown);
}

function phaseSetup(options: RunOptions, deps: EngineDeps, actions: ActionLookup, emitter: RunEmitter, signals: RunSignals): PhaseSetup {
  const { document } = options;
  const resources = document.spec.resources ?? {};
  const scope = scopeOf(emitter.state, resources);
  const confirmTextOf = (steps: readonly Step[]) => (mutatingSteps(steps, actions).length > 0 ? confirmationText(document, steps, actions, scope) : undefined);
  const base: Omit<EngineContext, 'hard' | 'confirmText'> = {
    emitter,
    clock: deps.clock,
    ports: deps.ports,
    readPorts: readOnlyPorts(deps.ports),
    http: deps.http,
    resources,
    defaultRegion: deps.defaultRegion,
    actions,
    approvals: new Approvals(emitter, deps.operator, deps.clock, options.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS),
    random: deps.random ?? Math.random,
    stop: signals.stop.signal,
    gates: { stepMode: options.stepMode === true },
    requestStop: () => signals.requestStop('operator'),
  };
  return {
    document,
    main: { ...base, hard: AbortSignal.any([signals.force.signal, signals.deadline.signal]), confirmText: confirmTextOf(document.spec.steps) },
    rollback: { ...base, hard: signals.force.signal, confirmText: confirmTextOf(document.spec.rollback ?? []) },
    signals,
    maxParallel: options.maxParallel ?? DEFAULT_MAX_PARALLEL,
    noRollback: options.noRollback === true,
    confirmRun: options.confirmRun === true,
    statusCommand: statusCommandFor(options.file, document),
  };
}

export function objectivesOf(document: RunbookDocument): RunObjectives {
  const { rto, rpo, rtoEndsAt } = document.spec.objectives ?? {};
  return {
    rtoMs: rto === undefined ? undefined : parseDuration(rto),
    rpoMs: rpo === undefined ? undefined : parseDuration(rpo),
    ...(rtoEndsAt === undefined ? {} : { rtoEndsAt }),
  };
}

function runStarted(options: RunOptions, actions: ActionLookup, session: SessionKind) {
  const { document } = options;
  return {
    type: 'run.started' as const,
    runId: options.runId,
    runbook: document.metadata.name,
    file: options.file,
    mode: 'run' as const,
    inputs: options.inputs,
    objectives: objectivesOf(document),
    steps: stepInfos(document, actions, options.inputs),
    resumedFrom: session === 'start' ? undefined : options.runId,
    incidentStart: options.incidentStart,
    session,
    ...(options.simulated ? { simulated: true } : {}),
  };
}

export function stepInfos(document: RunbookDocument, actions: ActionLookup, inputs: Record<string, unknown> = {}): StepInfo[] {
  const resources = (document.spec.resources ?? {}) as Record<string, unknown>;
  const info = (phase: 'main' | 'rollback') => (step: Step): StepInfo => {
    const skip = decidedSkip(step, inputs, resources);
    return {
      id: step.id,
      uses: step.uses,
      needs: needsOf(step),
      resource: typeof step.with?.resource === 'string' ? step.with.resource : undefined,
      mutating: actions.getAction(step.uses)?.mutating === true,
      phase,
      ...(skip ? { decidedSkip: skip } : {}),
    };
  };
  const infos = [...document.spec.steps.map(info('main')), ...(document.spec.rollback ?? []).map(info('rollback'))];
  const seen = new Set<string>();
  for (const { id } of infos) {
    if (seen.has(id)) {
      throw new DrctlError('engine.duplicate-step', `step id "${id}" is used twice (steps and rollback share one namespace)`, 'Give every step, including rollback steps, its own id.');
    }
    seen.add(id);
  }
  return infos;
}
