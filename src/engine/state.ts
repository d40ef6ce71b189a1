// The state of a run is a fold over its events. The engine keeps its own state with this same reducer,
// so replaying a journal gives exactly the state the engine had: resume and reports rely on that.
import type { PlannedCall, PlanStatus } from '../core/action';
import type { ProblemRecord } from '../core/errors';
import type { RunEvent, RunMode, RunObjectives, RunOutcome, StepInfo, StepState } from '../core/events';

export interface StepRecord extends StepInfo {
  state: StepState;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  outputs: Record<string, unknown>;
  error?: ProblemRecord;
  /** Failed, but `continue-on-error` let the run go on. */
  continued?: boolean;
  alreadyDone?: boolean;
  joined?: boolean;
  /** The last durable intent: the calls the step was about to make. */
  intent?: { at: number; calls: PlannedCall[] };
  appliedAt?: number;
  plan?: { status: PlanStatus; summary: string; estimateMs: number };
  lastObservation?: string;
  reason?: string;
}

export interface RunState {
  runId: string;
  runbook: string;
  file: string;
  mode: RunMode;
  inputs: Record<string, unknown>;
  objectives: RunObjectives;
  startedAt?: number;
  /** The real time of the first start (the same as startedAt unless simulated): which run is newest. */
  realStartedAt?: number;
  /** Run against the simulator: its times are simulated. */
  simulated?: boolean;
  /** When the outage began (--incident-start), for the RTO clock. */
  incidentStart?: number;
  finishedAt?: number;
  /** How many times the run was started or resumed. */
  sessions: number;
  /** Steps in declaration order, main phase first. */
  order: string[];
  steps: Record<string, StepRecord>;
  preflight: Record<string, { state: 'running' | 'passed' | 'failed'; message?: string }>;
  rollback?: { state: 'running' | 'succeeded' | 'failed' | 'unknown'; reason: string };
  interrupted?: { forced: boolean };
  outcome?: RunOutcome;
  error?: ProblemRecord;
  lastSeq: number;
  apiCalls: number;
  mutatingCalls: number;
}

export function emptyRunState(): RunState {
  return {
    runId: '',
    runbook: '',
    file: '',
    mode: 'run',
    inputs: {},
    objectives: {},
    sessions: 0,
    order: [],
    steps: {},
    preflight: {},
    lastSeq: 0,
    apiCalls: 0,
    mutatingCalls: 0,
  };
}

/** The pure replay: the state after these events. */
export function replay(events: readonly RunEvent[]): RunState {
  const state = emptyRunState();
  for (const event of events) applyEvent(state, event);
  return state;
}

const IN_FLIGHT: ReadonlySet<StepState> = new Set(['running', 'polling', 'waiting-approval']);

function startSession(state: RunState, event: Extract<RunEvent, { type: 'run.started' }>): void {
  state.sessions += 1;
  state.outcome = undefined;
  state.error = undefined;
  state.finishedAt = undefined;
  state.interrupted = undefined;
  if (state.sessions > 1) {
    // A step the previous session left in flight was cut off (crash or forced stop): say so.
    for (const step of Object.values(state.steps)) {
      if (IN_FLIGHT.has(step.state)) Object.assign(step, { state: 'cancelled', reason: 'interrupted before it finished' });
    }
    return;
  }
  Object.assign(state, {
    runId: event.runId,
    runbook: event.runbook,
    file: event.file,
    mode: event.mode,
    inputs: event.inputs,
    objectives: event.objectives,
    startedAt: event.at,
    realStartedAt: event.realAt ?? event.at,
    incidentStart: event.incidentStart,
    ...(event.simulated ? { simulated: true } : {}),
  });
  for (const info of event.steps) {
    state.order.push(info.id);
    state.steps[info.id] = { ...info, state: 'pending', attempts: 0, outputs: {} };
  }
}

/** Applies one event to the state in place. */
export function applyEvent(state: RunState, event: RunEvent): void {
  state.lastSeq = Math.max(state.lastSeq, event.seq);
  if (event.type === 'run.started') return startSession(state, event);
  const step = 'stepId' in event && event.stepId !== undefined ? state.steps[event.stepId] : undefined;
  switch (event.type) {
    case 'preflight.started':
      state.preflight[event.name] = { state: 'running' };
      return;
    case 'preflight.passed':
    case 'preflight.failed':
      state.preflight[event.name] = { state: event.type === 'preflight.passed' ? 'passed' : 'failed', message: event.message };
      return;
    case 'api.call':
      state.apiCalls += 1;
      if (event.call.mutating) state.mutatingCalls += 1;
      return;
    case 'rollback.started':
      state.rollback = { state: 'running', reason: event.reason };
      return;
    case 'rollback.finished':
      if (state.rollback) state.rollback.state = event.outcome;
      return;
    case 'run.interrupted':
      state.interrupted = { forced: event.forced };
      return;
    case 'run.finished':
      Object.assign(state, { outcome: event.outcome, error: event.error, finishedAt: event.at });
      return;
  }
  if (step) applyStepEvent(step, event);
}

function applyStepEvent(step: StepRecord, event: RunEvent): void {
  switch (event.type) {
    case 'step.started':
      if (event.attempt === 1) Object.assign(step, { startedAt: event.at, error: undefined, reason: undefined, finishedAt: undefined });
      Object.assign(step, { state: 'running', attempts: event.attempt });
      return;
    case 'step.planned':
      step.plan = { status: event.status, summary: event.summary, estimateMs: event.estimateMs };
      return;
    case 'step.intent':
      step.intent = { at: event.at, calls: event.calls };
      return;
    case 'step.applied':
      step.appliedAt = event.at;
      return;
    case 'step.polling':
      step.state = 'polling';
      return;
    case 'step.observation':
      step.lastObservation = event.message;
      return;
    case 'approval.requested':
      if (event.gate !== 'step') step.state = 'waiting-approval';
      return;
    case 'approval.answered':
      if (event.gate !== 'step' && step.state === 'waiting-approval') step.state = 'running';
      return;
    case 'step.retrying':
      step.error = event.error;
      return;
    case 'step.succeeded':
      Object.assign(step, { state: 'succeeded', finishedAt: event.at, outputs: event.outputs, error: undefined });
      Object.assign(step, { alreadyDone: event.alreadyDone, joined: event.joined });
      return;
    case 'step.failed':
      Object.assign(step, { state: 'failed', finishedAt: event.at, error: event.error, continued: event.continued });
      return;
    case 'step.unknown':
      Object.assign(step, { state: 'unknown', finishedAt: event.at, error: event.error, reason: event.reason });
      return;
    case 'step.skipped':
      Object.assign(step, { state: 'skipped', finishedAt: event.at, reason: event.reason });
      return;
    case 'step.cancelled':
      Object.assign(step, { state: 'cancelled', finishedAt: event.at, reason: event.reason });
      return;
    default:
      return;
  }
}

/** Finished for good: resume leaves these alone. */
export function isSettled(step: StepRecord): boolean {
  return step.state === 'succeeded' || step.state === 'skipped' || (step.state === 'failed' && step.continued === true);
}

/**
 * The state to show: a succeeded mutating step of the main phase is rolling back while the rollback
 * phase runs and rolled back once it succeeded (rollback steps form their own DAG; see src/engine/README.md).
 */
/**
 * A succeeded change shows as rolling back / rolled back only while / after a rollback step acted on the
 * same resource. Rollback steps often undo one thing (traffic), not everything: calling a database
 * failover "rolled back" because a health check was restored would send an engineer the wrong way.
 */
export function displayState(step: StepRecord, state: RunState): StepState {
  if (step.phase !== 'main' || !step.mutating || step.state !== 'succeeded' || !state.rollback || !step.resource) return step.state;
  const undoing = Object.values(state.steps).filter((other) => other.phase === 'rollback' && other.mutating && other.resource === step.resource);
  if (undoing.some((other) => other.state === 'running' || other.state === 'polling')) return 'rolling-back';
  return undoing.some((other) => other.state === 'succeeded') ? 'rolled-back' : step.state;
}

/**
 * The run sent no change and joined none: a run that ends like this never started the recovery an RTO
 * measures (a preflight failure, a refused approval), whatever its outcome.
 */
export function changedNothing(state: RunState): boolean {
  if (state.mutatingCalls > 0) return false;
  return !Object.values(state.steps).some((step) => step.intent !== undefined || step.appliedAt !== undefined || step.joined === true);
}

/** The outcome string step expressions see (GitHub Actions' vocabulary). */
export function expressionOutcome(step: StepRecord): string {
  if (step.state === 'succeeded') return 'success';
  if (step.state === 'failed') return 'failure';
  if (step.state === 'skipped') return 'skipped';
  if (step.state === 'cancelled') return 'cancelled';
  if (step.state === 'unknown') return 'unknown';
  return 'pending';
}
