// A 2,000-step runbook must not be quadratic to validate. Timings belong in the bench; here the work is
// counted: how often the checks read a step's id, which a per-step pass over every step multiplies by N.
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { checkExpressions } from '../../src/runbook/references';
import type { StepRef } from '../../src/runbook/semantics';
import { RunbookSource } from '../../src/runbook/source';

/** A chain of steps, each reading the previous step's output; every read of a step's id is counted. */
function chain(length: number): { main: StepRef[]; reads: () => number } {
  let reads = 0;
  const main = Array.from({ length }, (_, index): StepRef => {
    const id = `step-${index}`;
    const previous = `step-${index - 1}`;
    const raw = { id, uses: 'assert', needs: index ? [previous] : [], with: index ? { that: `\${{ steps.${previous}.outcome == 'succeeded' }}` } : {} };
    const step = { path: ['spec', 'steps', index], raw, needs: raw.needs, phase: 'steps' as const };
    return Object.defineProperty(step, 'id', { enumerable: true, get: () => (reads++, id) }) as unknown as StepRef;
  });
  return { main, reads: () => reads };
}

describe('validate at scale', () => {
  it('checks the expressions of N chained steps reading each step a bounded number of times', () => {
    for (const length of [100, 1000]) {
      const { main, reads } = chain(length);
      const problems = checkExpressions({ spec: {}, main, rollback: [], source: new RunbookSource('big.yaml', 'spec: {}\n', undefined), catalogue: actionCatalogue });
      expect(problems).toEqual([]);
      expect(reads() / length).toBeLessThan(10);
    }
  });
});
