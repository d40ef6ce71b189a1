// A drill's verdicts on what its runs left behind, from the end states the actions declare (end-state.ts):
// every subject as its step expects it after a run; after the failback, every subject the failover changed
// as it was before the failover; and, before a failback that reuses the runbook with from/to swapped, what
// that failback would leave changed (a record or a region written into the runbook).
import type { ActionContext, ExpectedEndState } from '../core/action';
import type { Clock } from '../core/clock';
import type { HttpProbePort } from '../core/http-probe';
import type { Resource } from '../core/resources';
import type { AwsPorts } from '../core/services/catalogue';
import { readOnlyPorts } from '../engine/read-only-ports';
import type { Readings } from './end-state';
import type { VerificationFact } from './facts-types';

export interface ReadContextInput {
  ports: AwsPorts;
  http?: HttpProbePort;
  resources: Readonly<Record<string, Resource>>;
  clock: Clock;
  defaultRegion?: string;
}

/** A read-only context for reading end states back: no operator, nothing journaled. */
export function readBackContext(input: ReadContextInput): ActionContext {
  return {
    ports: readOnlyPorts(input.ports),
    http: input.http,
    resources: input.resources,
    clock: input.clock,
    signal: new AbortController().signal,
    dryRun: true,
    stepId: 'verify',
    defaultRegion: input.defaultRegion,
    observe: () => undefined,
    requestApproval: () => Promise.reject(new Error('verification never asks the operator')),
    recordMetric: () => undefined,
  };
}

const shown = (reading: { value?: string; error?: string } | undefined) => reading?.value ?? `unreadable (${reading?.error ?? 'not read'})`;

/** Each subject as the run's steps left it, against what they expect. */
export function verifyExpected(expected: readonly ExpectedEndState[], readings: Readings): VerificationFact[] {
  return expected.map((subject) => {
    const reading = readings.get(subject.key);
    const ok = reading?.value === subject.value;
    const message = ok ? `${subject.label}: ${subject.value}` : `${subject.label} is ${shown(reading)}, expected ${subject.value}`;
    return { subject: subject.resource, ok, message, expected: subject.value, ...(reading?.value === undefined ? {} : { observed: reading.value }) };
  });
}

/** After the failback: every subject the failover changed, back as it was before the failover. */
export function verifyReturned(changed: readonly ExpectedEndState[], before: Readings, now: Readings): VerificationFact[] {
  return changed.flatMap((subject) => {
    const baseline = before.get(subject.key)?.value;
    // Unread before the failover: there is nothing to compare with (the run's own checks still apply).
    if (baseline === undefined) return [];
    const reading = now.get(subject.key);
    const ok = reading?.value === baseline;
    const message = ok
      ? `${subject.label}: ${baseline} again, as before the failover`
      : `${subject.label} is ${shown(reading)} after the failback; before the failover it was ${baseline}`;
    return [{ subject: subject.resource, ok, message, expected: baseline, ...(reading?.value === undefined ? {} : { observed: reading.value }) }];
  });
}

/** What a planned failback would leave changed: one line per subject, empty when it returns them all. */
export function failbackShortfalls(changed: readonly ExpectedEndState[], before: Readings, failback: readonly ExpectedEndState[]): string[] {
  return changed.flatMap((subject) => {
    const baseline = before.get(subject.key)?.value;
    if (baseline === undefined || baseline === subject.value) return [];
    const planned = failback.find((candidate) => candidate.key === subject.key);
    if (!planned) return [`${subject.label} would stay ${subject.value} (the failback does not touch it); before the failover it was ${baseline}`];
    if (planned.value === baseline) return [];
    return [`${subject.label} would ${planned.value === subject.value ? 'stay' : 'be'} ${planned.value}; before the failover it was ${baseline}`];
  });
}
