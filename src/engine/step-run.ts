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

export class StepRun {
  /** Aborts on a soft or hard stop: sleeps, polls and the operator's prompt end at once. */
  readonly signal: AbortSignal;
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
