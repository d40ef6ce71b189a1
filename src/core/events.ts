// Every state change in a run is an event with a stable `type` (its code), a sequence number and a
// timestamp in run time. Events go to the reporter and to the journal; the journal is the single source
// of truth for resume and report, so payloads are plain JSON and never hold credentials.
import type { ApiCallRecord } from './api-calls';
import type { ActionPlan, MetricReading, PlannedCall } from './action';
import type { ProblemRecord } from './errors';

export type StepState =
  | 'pending'
  | 'waiting-approval'
  | 'running'
  | 'polling'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'cancelled'
  /** A change was made (or may have been), and whether it completed could not be read: go and look. */
  | 'unknown'
  | 'rolling-back'
  | 'rolled-back';

export type RunMode = 'run' | 'dry-run';
/** unknown: a step's change could not be read to its end; the run cannot say whether it did its job. */
export type RunOutcome = 'succeeded' | 'failed' | 'aborted' | 'unknown';
/**
 * A session is one process's stretch of work on a run, opened by its run.started event: start (a new run),
 * resume (continues its journal) or rollback (`drctl rollback` on its journal).
 */
export type SessionKind = 'start' | 'resume' | 'rollback';
/** What an operator question gates: an approval step, a --step confirmation, or the start of a mutating run. */
export type ApprovalGate = 'approval' | 'step' | 'run';
/** --step answers, as in Ansible's step mode: run it, skip it, run the rest without asking, stop. */
export type StepDecision = 'run' | 'skip' | 'continue' | 'quit';

/** The runbook's objectives as a run records them; rtoEndsAt names the step whose success ends the RTO clock. */
export interface RunObjectives {
  rtoMs?: number;
  rpoMs?: number;
  rtoEndsAt?: string;
}

export interface StepInfo {
  id: string;
  uses: string;
  needs: string[];
  resource?: string;
  mutating: boolean;
  phase: 'main' | 'rollback';
  /**
   * Known at the start: its `if:` reads only inputs and resources and is false, so it will be skipped
   * when reached (the engine still decides it then). Views show it as such, not as waiting.
   */
  decidedSkip?: string;
}

interface Base {
  seq: number;
  /** The run's clock: real time against AWS, simulated time under --sim (every figure is read from it). */
  at: number;
  /** Simulated runs only: the real time the event was recorded (which run is newest, when it really ran). */
  realAt?: number;
}

export type RunEventBody =
  | {
      type: 'run.started';
      runId: string;
      runbook: string;
      file: string;
      mode: RunMode;
      inputs: Record<string, unknown>;
      objectives: RunObjectives;
      steps: StepInfo[];
      resumedFrom?: string;
      incidentStart?: number;
      session?: SessionKind;
      /** Against the simulator: every time in `at` is simulated, and every artefact says so. */
      simulated?: boolean;
    }
  | { type: 'preflight.started'; check: string; name: string }
  | { type: 'preflight.passed'; check: string; name: string; message: string; observations?: string[] }
  | { type: 'preflight.failed'; check: string; name: string; message: string; error?: ProblemRecord }
  | { type: 'step.started'; stepId: string; attempt: number }
  // The plan as the action made it, less the state it keeps for apply and poll (the intent journals that).
  | ({ type: 'step.planned'; stepId: string } & Omit<ActionPlan, 'state'>)
  | { type: 'step.intent'; stepId: string; calls: PlannedCall[]; state: unknown }
  | { type: 'step.applied'; stepId: string }
  | { type: 'step.polling'; stepId: string; intervalMs: number }
  | { type: 'step.unplanned'; stepId: string; reason: string; waitsFor: string[] }
  | { type: 'step.observation'; stepId: string; message: string; data?: Record<string, unknown> }
  | { type: 'step.retrying'; stepId: string; attempt: number; delayMs: number; error: ProblemRecord }
  | { type: 'step.succeeded'; stepId: string; outputs: Record<string, unknown>; alreadyDone?: boolean; joined?: boolean }
  | { type: 'step.failed'; stepId: string; error: ProblemRecord; continued?: boolean }
  /** The step changed (or may have changed) AWS and could not read the result: `reason` says what is not known. */
  | { type: 'step.unknown'; stepId: string; reason: string; error: ProblemRecord }
  | { type: 'step.skipped'; stepId: string; reason: string }
  | { type: 'step.cancelled'; stepId: string; reason: string }
  | {
      type: 'approval.requested';
      stepId: string;
      message: string;
      confirmText?: string;
      gate?: ApprovalGate;
      timeoutMs?: number;
    }
  | {
      type: 'approval.answered';
      stepId: string;
      approved: boolean;
      by: string;
      reason?: string;
      gate?: ApprovalGate;
      decision?: StepDecision;
    }
  | { type: 'api.call'; stepId?: string; call: ApiCallRecord }
  | { type: 'metric.read'; stepId?: string; reading: MetricReading }
  | { type: 'rollback.started'; reason: string }
  | { type: 'rollback.finished'; outcome: 'succeeded' | 'failed' | 'unknown' }
  | { type: 'run.interrupted'; signal: string; forced: boolean }
  | { type: 'plan.finished'; ok: boolean; criticalPathMs: number; criticalPath: string[]; unverifiable: string[] }
  | { type: 'run.finished'; outcome: RunOutcome; durationMs: number; error?: ProblemRecord };

export type RunEvent = RunEventBody & Base;
export type RunEventType = RunEvent['type'];
export type EventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** Where the engine sends events. Reporters and the journal implement it. */
export interface EventSink {
  emit(event: RunEvent): void;
  /**
   * Emits an event and resolves once it is durable (the journal fsyncs). The engine awaits it for
   * `step.intent` before every mutating call, so a crash can never hide a call that was made.
   * Sinks without storage leave it out and the engine falls back to emit.
   */
  commit?(event: RunEvent): Promise<void>;
}
