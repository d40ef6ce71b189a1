// One execution of one step: its timeout, its signals and the ActionContext its action sees. Every call
// into the action goes through `call`, which refuses to start after a stop and stops waiting on a hard one.
import type { RegisteredAction } from '../core/define-action';
import type { ActionContext } from '../core/action';
import type { ApprovalAnswer, ApprovalRequest } from '../core/operator';
import type { AwsPorts } from '../core/services/catalogue';
import type { Step } from '../runbook/schema';
import type { EngineContext } from './context';
import type { RunEventBody } from '../core/events';
import { approvalTimeout, stepTimeout } from './errors';
import { abortAfter, checkpoint, forwardAbort, raceAbort } from './signals';

/** A mutating call whose outcome is unknown: it may have taken effect; nothing is sent again until a read settles it. */
export interface UnresolvedCall {
  /** When its intent was journaled: the call went out at or after this. */
  at: number;
  /** What was sent, e.g. "SwitchoverGlobalCluster in us-east-1". */
  what: string;
  /** Why the outcome is unknown (the lost answer), when this session saw it. */
  error?: unknown;
}

export class StepRun {
  /** Aborts on a soft or hard stop: sleeps, polls and the operator's prompt end at once. */
  readonly signal: AbortSignal;
  /** Set while a mutating call of this step may have taken effect without drctl knowing. */
  unresolved: UnresolvedCall | undefined;
  /** The step's change was accepted (applied, or joined under way): its reads now follow an operation. */
  accepted = false;
  /** The last read of the operation failed; cleared by the next read that answers. */
  readFailing: unknown;
  private readonly hard = new AbortController();
  private readonly ended = new AbortController();
  private readonly unforward: () => void;
  private finished = false;

  constructor(
    readonly engine: EngineContext,
    readonly step: Step,
    readonly action: RegisteredAction,
    readonly phase: 'main' | 'rollback',
    readonly timeoutMs: number,
  ) {
    this.unforward = forwardAbort(engine.hard, this.hard);
    abortAfter(engine.clock, timeoutMs, this.hard, () => this.timeoutReason(), this.ended.signal);
    this.signal = AbortSignal.any([engine.stop, this.hard.signal]);
    this.unresolved = unresolvedFromJournal(engine, step.id);
  }

  get id(): string {
    return this.step.id;
  }

  /** Starts a call into the action unless the run is stopping; stops waiting for it on a hard stop. */
  async call<T>(work: () => Promise<T>): Promise<T> {
    checkpoint(this.signal);
    return raceAbort(work(), this.hard.signal);
  }

  checkpoint(): void {
    checkpoint(this.signal);
  }

  /** Events from the action itself; dropped once the step has ended (an abandoned call may report late). */
  emit(body: RunEventBody): void {
    if (!this.finished) this.engine.emitter.emit(body);
  }

  context(ports: AwsPorts): ActionContext {
    const { engine } = this;
    return {
      ports,
      http: engine.http,
      resources: engine.resources,
      defaultRegion: engine.defaultRegion,
      clock: engine.clock,
      signal: this.signal,
      dryRun: false,
      stepId: this.id,
      observe: (message, data) => this.emit({ type: 'step.observation', stepId: this.id, message, data }),
      requestApproval: (request) => this.requestApproval(request),
      recordMetric: (reading) => this.emit({ type: 'metric.read', stepId: this.id, reading }),
      priorIntent: engine.emitter.state.steps[this.id]?.intent,
    };
  }

  end(): void {
    this.finished = true;
    this.ended.abort();
    this.unforward();
  }

  private requestApproval(request: ApprovalRequest): Promise<ApprovalAnswer> {
    const confirmText = request.confirmText ?? this.engine.confirmText;
    return this.engine.approvals.approve({ ...request, stepId: this.id, confirmText }, 'approval', this.signal);
  }

  private timeoutReason(): Error {
    // An approval step that runs out of time is an unanswered approval, not a slow operation.
    const waiting = this.engine.emitter.state.steps[this.id]?.state === 'waiting-approval';
    return waiting ? approvalTimeout(this.id, this.timeoutMs) : stepTimeout(this.id, this.timeoutMs);
  }
}

/**
 * An intent journaled by an earlier session with no sign that its call was answered (no step.applied
 * after it): the process stopped (a crash, kill -9) after the intent, maybe after sending the call.
 */
function unresolvedFromJournal(engine: EngineContext, stepId: string): UnresolvedCall | undefined {
  const record = engine.emitter.state.steps[stepId];
  const intent = record?.intent;
  if (!record || !intent || record.state === 'succeeded') return undefined;
  if (record.appliedAt !== undefined && record.appliedAt >= intent.at) return undefined;
  return { at: intent.at, what: callsText(intent.calls) };
}

export function callsText(calls: ReadonlyArray<{ operation: string; region: string }>): string {
  return calls.map((call) => `${call.operation} in ${call.region}`).join(', ') || 'its call';
}
