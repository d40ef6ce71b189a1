// Retries are for errors that say they may pass (throttling, 5xx, network): a step that failed for any
// other reason fails at once. Every attempt starts again from plan, so a retry never repeats a change
// that already happened. The policy is data (src/core/retry-policy.ts); the runbook's `retry:` sets it.
import type { Step } from '../runbook/schema';
import { parseDuration } from '../core/duration';
import { checkRetryPolicy, STEP_RETRY, type RetryPolicy } from '../core/retry-policy';

/** `retry: N` means N retries (N + 1 attempts); `retry: { attempts: N, backoff: 10s }` the same with its first delay. */
export function retryPolicyOf(step: Step): RetryPolicy {
  const retry = step.retry;
  if (retry === undefined) return STEP_RETRY;
  if (typeof retry === 'number') return checkRetryPolicy({ ...STEP_RETRY, maximumAttempts: retry + 1 });
  const initialIntervalMs = retry.backoff === undefined ? STEP_RETRY.initialIntervalMs : (parseDuration(retry.backoff) ?? STEP_RETRY.initialIntervalMs);
  return checkRetryPolicy({ ...STEP_RETRY, maximumAttempts: retry.attempts + 1, initialIntervalMs, maximumIntervalMs: Math.max(STEP_RETRY.maximumIntervalMs, initialIntervalMs) });
}
