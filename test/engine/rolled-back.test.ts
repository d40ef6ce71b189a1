// After a failure, only the changes a rollback step really undid may read "rolled back".
import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/engine/summary';
import { replay } from '../../src/engine/state';
import { Journal, approved, skipped, started } from '../report/journal';

function failedAfterDrain(): Journal {
  const journal = started(new Journal(), 0, 'planned');
  approved(journal, 1);
  skipped(journal, 2, 'orders-failover', 'catalog-failover');
  journal
    .cutover('orders-switchover', { start: 2, accepted: 3, done: 60 }, { resource: 'orders-db', operation: 'switchover' })
    .cutover('catalog-switchover', { start: 2, accepted: 3, done: 60 }, { resource: 'catalog-db', operation: 'switchover' })
    .cutover('sessions', { start: 2, accepted: 3, done: 50 }, { resource: 'sessions', operation: 'failover' })
    .at(61, { type: 'step.started', stepId: 'drain-east', attempt: 1 })
    .at(62, { type: 'step.succeeded', stepId: 'drain-east', outputs: {} })
    .at(63, { type: 'step.started', stepId: 'west-serving', attempt: 1 })
    .at(70, { type: 'step.failed', stepId: 'west-serving', error: { code: 'engine.step-timeout', message: 'timed out' } })
    .at(71, { type: 'rollback.started', reason: 'west-serving failed' })
    .at(71, { type: 'step.started', stepId: 'restore-east-traffic', attempt: 1 });
  return journal;
}

const stateOf = (journal: Journal, id: string) => summarizeRun(replay(journal.events)).steps.find((step) => step.id === id)?.state;

describe('rolled back, in the summary and the reports', () => {
  it('shows rolling-back only on the change a running rollback step is undoing', () => {
    const journal = failedAfterDrain();
    expect(stateOf(journal, 'drain-east')).toBe('rolling-back');
    expect(stateOf(journal, 'orders-switchover')).toBe('succeeded');
  });

  it('leaves a database failover as succeeded when the rollback only restored traffic', () => {
    const journal = failedAfterDrain()
      .at(72, { type: 'step.succeeded', stepId: 'restore-east-traffic', outputs: {} })
      .at(72, { type: 'rollback.finished', outcome: 'succeeded' });
    expect(stateOf(journal, 'drain-east')).toBe('rolled-back');
    for (const id of ['orders-switchover', 'catalog-switchover', 'sessions']) expect(stateOf(journal, id)).toBe('succeeded');
  });
});
