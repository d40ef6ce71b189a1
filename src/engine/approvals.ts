// Questions to the operator go out through the OperatorPort and are journaled both ways. The engine
// owns the timeout (on its clock) and cancels a question nobody needs any more (Ctrl-C, step timeout).
import type { ApprovalAnswer, ApprovalRequest, OperatorPort, StepQuestion } from '../core/operator';
import type { Clock } from '../core/clock';
import type { ApprovalGate, StepDecision } from '../core/events';
import type { RunEmitter } from './emitter';
import { approvalTimeout } from './errors';
import { raceAbort } from './signals';

export const DEFAULT_APPROVAL_TIMEOUT_MS = 30 * 60_000;

export class Approvals {
  constructor(
    private readonly emitter: RunEmitter,
    private readonly operator: OperatorPort,
    private readonly clock: Clock,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** Asks; resolves with the answer, or rejects with engine.approval-timeout or the signal's reason. */
  async approve(request: ApprovalRequest, gate: ApprovalGate, signal: AbortSignal): Promise<ApprovalAnswer> {
    const timeoutMs = request.timeoutMs ?? this.defaultTimeoutMs;
    const { stepId, message, confirmText } = request;
    this.emitter.emit({ type: 'approval.requested', stepId, message, confirmText, gate, timeoutMs });
    const answer = await this.withTimeout(stepId, timeoutMs, signal, (questionSignal) =>
      this.operator.approve({ ...request, timeoutMs }, questionSignal),
    );
    this.emitter.emit({ type: 'approval.answered', stepId, approved: answer.approved, by: answer.by, reason: answer.reason, gate });
    return answer;
  }

  /** --step: asks before a step starts. */
  async confirmStep(question: StepQuestion, signal: AbortSignal): Promise<StepDecision> {
    const { stepId } = question;
    const message = `run step "${stepId}" (${question.uses}): ${question.summary}?${question.warning ? ` Warning: ${question.warning}.` : ''}`;
    this.emitter.emit({ type: 'approval.requested', stepId, message, gate: 'step', timeoutMs: this.defaultTimeoutMs });
    const decision = await this.withTimeout(stepId, this.defaultTimeoutMs, signal, (questionSignal) => this.operator.confirmStep(question, questionSignal));
    const approved = decision === 'run' || decision === 'continue';
    this.emitter.emit({ type: 'approval.answered', stepId, approved, by: 'operator', gate: 'step', decision });
    return decision;
  }

  private async withTimeout<T>(stepId: string, timeoutMs: number, signal: AbortSignal, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const question = new AbortController();
    const onAbort = () => question.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = this.clock.sleep(timeoutMs, question.signal).then(() => {
      question.abort(approvalTimeout(stepId, timeoutMs));
    });
    timer.catch(() => undefined);
    try {
      if (signal.aborted) throw signal.reason;
      return await raceAbort(ask(question.signal), question.signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
      // Ends the timer and tells the operator port the question is closed.
      if (!question.signal.aborted) question.abort(new Error('answered'));
    }
  }
}
