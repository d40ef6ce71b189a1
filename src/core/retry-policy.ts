// Retries as data, one layer each (Temporal's RetryPolicy is the model): how many attempts in all, the
// first interval, how it grows, its ceiling, and what is never retried. drctl retries in two places and
// never stacks them on a change:
//   * a step: the engine's policy (the runbook's `retry:`), every attempt starting again from a plan of
//     live state, so an attempt never repeats a change that took;
//   * one SDK call: reads get a few quick SDK retries (a throttled describe); a mutating call gets none,
//     because a call whose answer was lost may have taken effect, and only a read can say whether it did.
// `drctl plan` prints the effective attempts of every step from these.
import { DrctlError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first one included (at least 1). */
  maximumAttempts: number;
  /** Delay before the second attempt. */
  initialIntervalMs: number;
  /** Each next delay is the previous one times this (at least 1). */
  backoffCoefficient: number;
  /** No delay is longer than this. */
  maximumIntervalMs: number;
  /** Error codes that fail at once, whatever the policy (a retry would not help). */
  nonRetryable: readonly string[];
}

/** A step without `retry:` in the runbook: three attempts, 1 s then 2 s apart (with jitter). */
export const STEP_RETRY: RetryPolicy = { maximumAttempts: 3, initialIntervalMs: 1_000, backoffCoefficient: 2, maximumIntervalMs: 30_000, nonRetryable: [] };

/** The SDK's own retries of one call ("standard" mode, its backoff): reads only. */
export const SDK_RETRY: { read: Pick<RetryPolicy, 'maximumAttempts'>; mutating: Pick<RetryPolicy, 'maximumAttempts'> } = {
  read: { maximumAttempts: 3 },
  mutating: { maximumAttempts: 1 },
};

export function checkRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const problems = [
    Number.isInteger(policy.maximumAttempts) && policy.maximumAttempts >= 1 ? '' : 'maximumAttempts must be a whole number of at least 1',
    policy.initialIntervalMs >= 0 ? '' : 'initialIntervalMs must not be negative',
    policy.backoffCoefficient >= 1 ? '' : 'backoffCoefficient must be at least 1',
    policy.maximumIntervalMs >= policy.initialIntervalMs ? '' : 'maximumIntervalMs must be at least initialIntervalMs',
  ].filter(Boolean);
  if (problems.length > 0) throw new DrctlError('engine.bad-retry-policy', `retry policy: ${problems.join('; ')}`, 'Fix the `retry:` of the step.');
  return policy;
}

/** The delay before attempt `attempt + 1` (attempt counts from 1): its ceiling from the policy, half of it fixed and half random (equal jitter). */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maximumIntervalMs, policy.initialIntervalMs * policy.backoffCoefficient ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
