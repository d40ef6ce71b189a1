// The operator: the person (or --yes, or a test) that the engine asks before it acts. Approval steps,
// --step questions and the start confirmation all go through this port; the terminal implements it in src/ui.
import { DrctlError, ExitCode } from './errors';
import type { StepDecision } from './events';

/** What an approval prompt asks and what the answer was. */
export interface ApprovalRequest {
  stepId: string;
  message: string;
  /** For a mutating runbook the operator types this (the target region) to confirm. */
  confirmText?: string;
  timeoutMs?: number;
}

export interface ApprovalAnswer {
  approved: boolean;
  by: string;
  /** Why it was not approved: denied, timed out, no TTY. */
  reason?: string;
}

export interface StepQuestion {
  stepId: string;
  uses: string;
  /** One line: what the step will do (its name, its parameters), without the action, which is `uses`. */
  summary: string;
  phase: 'main' | 'rollback';
  /** Something to know before answering: a change this step depends on was skipped by the operator. */
  warning?: string;
}

/** The operator: a TTY prompt, --yes, or a test. The signal aborts when the question is no longer needed. */
export interface OperatorPort {
  approve(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalAnswer>;
  confirmStep(question: StepQuestion, signal: AbortSignal): Promise<StepDecision>;
}


/** An approval answered "no": nothing after it starts, and the run ends aborted (exit 3) without rollback. */
export function approvalDenied(stepId: string, by: string): DrctlError {
  return new DrctlError(
    'engine.approval-denied',
    `approval "${stepId}" was denied by ${by}`,
    'Nothing after the approval was started. Run again when the change is agreed.',
    { exitCode: ExitCode.aborted },
  );
}
