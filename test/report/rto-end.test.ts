// Which signal stops the RTO clock: the step the runbook names (objectives.rtoEndsAt: the application
// healthy in the target region), else the last step that restored a resource. The report says which.
import { describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { renderText } from '../../src/report/render-text';
import { cleanPlannedRun, s, T0 } from './journal';

describe('the end of the RTO clock', () => {
  it('defaults to the last restoring signal, and says so', () => {
    const facts = reportFacts(cleanPlannedRun().events);
    expect(facts.rto).toMatchObject({ status: 'measured', valueMs: 185_000, end: { stepId: 'west-serving', signal: 'api-west healthy' } });
    expect(facts.rto.end?.declared).toBeUndefined();
    expect(renderText(facts)).toContain('3m5s, from the run start to api-west healthy (step west-serving, the last to restore)');
  });

  it('stops at the step the runbook names, even when later steps restore more', () => {
    const facts = reportFacts(cleanPlannedRun({ rtoEndsAt: 'orders-switchover' }).events);
    expect(facts.rto).toMatchObject({ clockStart: T0, valueMs: 98_000, end: { at: s(98), stepId: 'orders-switchover', declared: true, signal: 'orders-db writer available in us-west-2' } });
    expect(renderText(facts)).toContain('1m38s, from the run start to orders-db writer available in us-west-2 (step orders-switchover, named by the runbook)');
  });

  it('has no value when the named step did not succeed, and says why', () => {
    const facts = reportFacts(cleanPlannedRun({ rtoEndsAt: 'orders-failover' }).events);
    expect(facts.rto).toMatchObject({ status: 'not-measured', verdict: 'unknown', reason: 'the step that ends the RTO clock (orders-failover) is skipped' });
    expect(facts.rto.valueMs).toBeUndefined();
  });
});
