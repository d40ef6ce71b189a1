// The RPO a team can defend, by operation: a switchover loses nothing (its lag is information), a failover
// or detach could lose the lag read just before the cutover (an upper bound, with its caveat), a stale lag
// datapoint is not a measurement. An interrupted and resumed operation keeps the regions, the acceptance
// time and the lag of the session that made the call. A run stopped before any change has no RTO verdict.
import { describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { renderText } from '../../src/report/render-text';
import { approved, Journal, s, skipped, started } from './journal';

const ORDERS_TARGET = { resource: 'orders-db', from: 'us-east-1', to: 'us-west-2', operation: 'switchover' };

/** Session 1 sends the switchover and is cut off; session 2 finds the writer already in the target. */
function resumedSwitchover(): Journal {
  const journal = started(new Journal(), 0, 'planned');
  approved(journal, 1);
  skipped(journal, 5, 'orders-failover', 'catalog-failover', 'catalog-switchover', 'sessions');
  journal
    .at(5, { type: 'step.started', stepId: 'orders-switchover', attempt: 1 })
    .at(5, { type: 'step.planned', stepId: 'orders-switchover', status: 'ready', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 1, target: ORDERS_TARGET })
    .at(5, { type: 'metric.read', stepId: 'orders-switchover', reading: { resource: 'orders-db', kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: 'us-west-2', valueMs: 240, pointAt: s(-60), ageMs: 65_000, dimensions: { DBClusterIdentifier: 'orders-west' }, at: s(5) } })
    .at(5, { type: 'step.intent', stepId: 'orders-switchover', calls: [], state: {} })
    .call(6, { operation: 'SwitchoverGlobalCluster', mutating: true })
    .at(6, { type: 'step.applied', stepId: 'orders-switchover' })
    .at(20, { type: 'run.interrupted', signal: 'SIGINT', forced: true })
    .at(21, { type: 'run.finished', outcome: 'aborted', durationMs: 21_000 })
    .at(300, { type: 'run.started', runId: '20260105-090000-shop-region-failover-1a2b', runbook: 'shop-region-failover', file: 'x', mode: 'run', inputs: {}, objectives: { rtoMs: 300_000, rpoMs: 1000 }, steps: [], session: 'resume', resumedFrom: '20260105-090000-shop-region-failover-1a2b' })
    .at(300, { type: 'step.started', stepId: 'orders-switchover', attempt: 1 })
    // Re-planned from live state: the writer is already in us-west-2, so the plan sees us-west-2 -> us-west-2.
    .at(300, { type: 'step.planned', stepId: 'orders-switchover', status: 'done', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 0, target: { ...ORDERS_TARGET, from: 'us-west-2' } })
    .at(301, { type: 'step.succeeded', stepId: 'orders-switchover', outputs: {}, alreadyDone: true });
  return journal.at(302, { type: 'run.finished', outcome: 'succeeded', durationMs: 2_000 });
}

describe('an interrupted and resumed switchover', () => {
  const facts = reportFacts(resumedSwitchover().events);
  const orders = facts.resources.find((fact) => fact.resource === 'orders-db');

  it('keeps its original regions and the time AWS accepted it', () => {
    expect(orders).toMatchObject({ from: 'us-east-1', to: 'us-west-2', operation: 'switchover', acceptedAt: s(6), alreadyDone: false, cutover: true });
    expect(renderText(facts)).toContain('us-east-1 -> us-west-2');
    expect(renderText(facts)).not.toContain('us-west-2 -> us-west-2');
  });

  it('reports RPO 0 by construction, its lag at the cutover as information only', () => {
    expect(orders?.rpo).toMatchObject({ source: 'switchover', valueMs: 0, lagMs: 240, metricName: 'AuroraGlobalDBRPOLag', pointAt: s(-60) });
    expect(facts.rpo).toMatchObject({ status: 'measured', valueMs: 0, verdict: 'met' });
    const text = renderText(facts);
    expect(text).not.toMatch(/may be lost/);
    expect(text).toContain('0 (switchover; lag 240ms at the cutover, not lost)');
  });
});

describe('RPO by operation', () => {
  function failover(reading: Record<string, unknown>): Journal {
    const journal = started(new Journal(), 0, 'unplanned');
    approved(journal, 1);
    skipped(journal, 5, 'orders-switchover', 'catalog-switchover', 'catalog-failover', 'sessions', 'drain-east');
    journal
      .at(5, { type: 'step.started', stepId: 'orders-failover', attempt: 1 })
      .at(5, { type: 'step.planned', stepId: 'orders-failover', status: 'ready', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 1, target: { ...ORDERS_TARGET, operation: 'failover' } })
      .at(5, { type: 'metric.read', stepId: 'orders-failover', reading: { resource: 'orders-db', kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: 'us-west-2', at: s(5), ...reading } })
      .at(5, { type: 'step.intent', stepId: 'orders-failover', calls: [], state: {} })
      .call(6, { operation: 'FailoverGlobalCluster', mutating: true, region: 'us-west-2' })
      .at(6, { type: 'step.applied', stepId: 'orders-failover' })
      .at(60, { type: 'step.succeeded', stepId: 'orders-failover', outputs: {} });
    return journal.at(61, { type: 'run.finished', outcome: 'succeeded', durationMs: 61_000 });
  }

  it('a failover: the lag read just before the cutover, as an upper bound with its caveat, naming where it was read', () => {
    const facts = reportFacts(failover({ valueMs: 420, dimensions: { DBClusterIdentifier: 'orders-west', SourceRegion: 'us-east-1' }, pointAt: s(-55), ageMs: 60_000 }).events);
    expect(facts.resources[0]?.rpo).toMatchObject({ source: 'lag', valueMs: 420, dimensions: { SourceRegion: 'us-east-1' } });
    expect(facts.rpo).toMatchObject({ status: 'measured', valueMs: 420, verdict: 'met' });
    const text = renderText(facts);
    expect(text).toContain('at most 420ms of writes to orders-db');
    expect(text).toContain('AuroraGlobalDBRPOLag {DBClusterIdentifier=orders-west, SourceRegion=us-east-1} in us-west-2, datapoint 2026-01-05 08:59:05Z, 1m old');
  });

  it('a stale datapoint is not a measurement: the RPO is unknown, never met', () => {
    const facts = reportFacts(failover({ valueMs: 90, pointAt: s(-600), ageMs: 605_000, stale: true, staleAfterMs: 300_000 }).events);
    expect(facts.resources[0]?.rpo).toMatchObject({ source: 'stale', lagMs: 90 });
    expect(facts.rpo).toMatchObject({ status: 'unknown', unknownFor: ['orders-db'], verdict: 'unknown' });
    expect(renderText(facts)).toContain('stale: newest datapoint 10m5s old');
  });
});

describe('a run stopped before any change', () => {
  const journal = started(new Journal(), 0, 'planned');
  journal
    .at(1, { type: 'preflight.started', check: 'replication-lag-below', name: 'replication-lag-below' })
    .at(2, { type: 'preflight.failed', check: 'replication-lag-below', name: 'replication-lag-below', message: 'orders-db: 4200 ms in us-west-2, above 1s' })
    .at(2, { type: 'run.finished', outcome: 'failed', durationMs: 2_000, error: { code: 'engine.preflight-failed', message: 'preflight failed: replication-lag-below' } });
  const facts = reportFacts(journal.events);

  it('is "not started": no RTO verdict, no shortfall', () => {
    expect(facts.rto).toMatchObject({ status: 'not-started', verdict: 'not-started' });
    expect(facts.rto.valueMs).toBeUndefined();
    expect(facts.rto.reason).toBe('not started: the run stopped before changing anything (preflight failed)');
    expect(facts.shortfalls).toEqual([]);
    const text = renderText(facts);
    expect(text).not.toMatch(/RTO.*(not met|not measured|MISSED)/);
    expect(text).toContain('not started');
  });
});
