// What --step asks before a step: what it will do, in words (its name, then its parameters as
// `key value`, never raw JSON), and a warning when a change it depends on was skipped by the operator.
// A DNS flip that needs a switchover the operator skipped would send traffic to a region whose database
// was never promoted: that question is asked even after "run all remaining", and says so.
import type { StepQuestion } from '../core/operator';
import type { Step } from '../runbook/schema';
import { needsOf } from './graph';
import type { RunState } from './state';

/** The reason journaled for a step the operator skipped at a --step question. */
export const OPERATOR_SKIP_REASON = 'skipped by the operator (--step)';

const MAX_VALUE = 60;

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.join(', ');
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const text = JSON.stringify(value) ?? '';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** `resource billing-db, to us-west-2`: a step's resolved parameters, one line. */
function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key} ${valueText(value)}`)
    .join(', ');
}

/** The changes this step depends on (through its needs, all the way up) that the operator skipped. */
export function skippedChangesUpstream(state: RunState, step: Step): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const stack = [...needsOf(step)];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const record = state.steps[id];
    if (seen.has(id) || !record) continue;
    seen.add(id);
    if (record.state === 'skipped' && record.reason === OPERATOR_SKIP_REASON && record.mutating) found.push(id);
    stack.push(...record.needs);
  }
  return found.sort();
}

export function stepQuestion(step: Step, phase: 'main' | 'rollback', params: Record<string, unknown> | undefined, skipped: readonly string[]): StepQuestion {
  const said = params === undefined ? '' : paramsText(params);
  const summary = [step.name, said].filter(Boolean).join(': ') || step.uses;
  const list = skipped.join(', ');
  const warning = skipped.length
    ? `it depends on ${list}, which ${skipped.length === 1 ? 'was' : 'were'} skipped at a --step question: ${skipped.length === 1 ? 'that change was' : 'those changes were'} not made`
    : undefined;
  return { stepId: step.id, uses: step.uses, summary, phase, ...(warning ? { warning } : {}) };
}
