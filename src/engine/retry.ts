// Retries are for errors that say they may pass (throttling, 5xx, network): a step that failed for any
// other reason fails at once. Every attempt starts again from plan, so a retry never repeats a change
// that already happened. Delays grow exponentially with "equal jitter" so parallel steps spread out.
import type { Step } from '../runbook/schema';
import { parseDuration } from '../core/duration';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, firstDelayMs: 1_000, maxDelayMs: 30_000 };

export function retryPolicyOf(step: Step): RetryPolicy {
  const retry = step.retry;
  if (retry === undefined) return DEFAULT_RETRY;
  if (typeof retry === 'number') return { ...DEFAULT_RETRY, retries: retry };
  const firstDelayMs = retry.backoff === undefined ? DEFAULT_RETRY.firstDelayMs : (parseDuration(retry.backoff) ?? DEFAULT_RETRY.firstDelayMs);
  return { ...DEFAULT_RETRY, retries: retry.attempts, firstDelayMs };
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): half fixed, half random. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
