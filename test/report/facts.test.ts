import { describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { approved, cleanPlannedRun, Journal, s, skipped, started, T0 } from './journal';

describe('report facts: a clean planned failover', () => {
  const facts = reportFacts(cleanPlannedRun().events);

  it('measures the overall RTO from the run start to the last restoring signal', () => {
    expect(facts.rto).toMatchObject({ clockStart: T0, clockStartSource: 'run-start', valueMs: 185_000, objectiveMs: 300_000, verdict: 'met' });
    expect(facts.rto.end).toEqual({ at: s(185), stepId: 'west-serving', signal: 'api-west healthy' });
  });

  it('takes the RPO from the lag read before each cutover; a completed switchover loses nothing', () => {
    expect(facts.rpo).toMatchObject({ status: 'measured', valueMs: 400, worst: 'sessions', unknownFor: [], objectiveMs: 1_000, verdict: 'met' });
    const orders = facts.resources.find((fact) => fact.resource === 'orders-db');
    expect(orders?.rpo).toMatchObject({ source: 'switchover', valueMs: 0 });
    expect(facts.resources.find((fact) => fact.resource === 'sessions')?.rpo).toMatchObject({ source: 'lag', valueMs: 400, region: 'us-west-2' });
  });

  it('gives each resource its operation, regions, acceptance, availability, sync and RTO', () => {
    expect(facts.resources.map((fact) => fact.stepId)).toEqual(['orders-switchover', 'catalog-switchover', 'sessions', 'drain-east', 'west-serving']);
    expect(facts.resources[0]).toMatchObject({
      resource: 'orders-db',
      kind: 'data-store',
      operation: 'switchover',
      from: 'us-east-1',
      to: 'us-west-2',
      acceptedAt: s(8),
      availableAt: s(98),
      sync: 'in-sync',
      rtoMs: 90_000,
      cutover: true,
      state: 'succeeded',
    });
    expect(facts.resources[3]).toMatchObject({ resource: 'api-east', kind: 'traffic', operation: 'invert', rtoMs: 0, sync: 'not-applicable', cutover: false });
    expect(facts.resources[4]).toMatchObject({ resource: 'api-west', acceptedAt: undefined, availableAt: s(185), rtoMs: undefined });
  });

  it('judges the objectives as met', () => {
    expect(facts.objectivesMet).toBe(true);
    expect(facts.shortfalls).toEqual([]);
  });

  it('records approvals with who answered and when', () => {
    expect(facts.approvals).toEqual([
      { stepId: 'approve', gate: 'approval', message: 'Fail the shop over from us-east-1 to us-west-2?', askedAt: s(2), answeredAt: s(6), approved: true, by: 'alice', reason: undefined, decision: undefined },
    ]);
  });

  it('counts API calls and lists the mutating ones', () => {
    expect(facts.apiCalls).toMatchObject({ total: 6, mutating: 4, failed: 1 });
    expect(facts.apiCalls.mutatingCalls.map((call) => call.operation)).toEqual(['FailoverGlobalReplicationGroup', 'SwitchoverGlobalCluster', 'SwitchoverGlobalCluster', 'UpdateHealthCheck']);
    expect(facts.apiCalls.groups[0]?.mutating).toBe(true);
    expect(facts.apiCalls.groups.find((group) => group.operation === 'GetHealthCheckStatus')).toMatchObject({ count: 2, failed: 1 });
  });

  it('places every step on the timeline with offsets from the clock start', () => {
    const orders = facts.steps.find((step) => step.id === 'orders-switchover');
    expect(orders).toMatchObject({ startOffsetMs: 6_000, endOffsetMs: 98_000, durationMs: 92_000, state: 'succeeded' });
    expect(facts.steps.find((step) => step.id === 'orders-failover')).toMatchObject({ state: 'skipped', startOffsetMs: undefined });
    expect(facts.preflight).toEqual([{ name: 'available orders-db', state: 'passed', message: 'orders-db: ready' }]);
  });

  it('starts the RTO clock at --incident-start when given', () => {
    const withIncident = reportFacts(cleanPlannedRun().events, { incidentStart: T0 - 240_000 });
    expect(withIncident.rto).toMatchObject({ clockStartSource: 'incident-start', valueMs: 425_000, verdict: 'missed' });
    expect(withIncident.shortfalls).toEqual(['RTO 7m5s missed the 5m objective by 2m5s']);
    expect(withIncident.objectivesMet).toBe(false);
  });
});

/** The unplanned shop failover: failovers that allow data loss, nothing to drain. */
function unplannedRun(lag: { orders: number | 'missing'; catalog: number | 'missing' }): Journal {
  const journal = started(new Journal(), 0, 'unplanned', { incidentStart: T0 - 60_000 });
  approved(journal, 1);
  skipped(journal, 5, 'orders-switchover', 'catalog-switchover', 'drain-east');
  journal.cutover('orders-failover', { start: 5, accepted: 6, done: 60 }, { resource: 'orders-db', operation: 'failover', lagMs: lag.orders, resyncing: true, apiOperation: 'FailoverGlobalCluster' });
  journal.cutover('catalog-failover', { start: 5, accepted: 6, done: 70 }, { resource: 'catalog-db', operation: 'failover', lagMs: lag.catalog, service: 'docdb', apiOperation: 'FailoverGlobalCluster' });
  journal.cutover('sessions', { start: 5, accepted: 6, done: 50 }, { resource: 'sessions', operation: 'failover', lagMs: 300, service: 'elasticache' });
  journal
    .at(70, { type: 'step.started', stepId: 'west-serving', attempt: 1 })
    .at(70, { type: 'step.planned', stepId: 'west-serving', status: 'done', summary: 'api-west healthy', calls: [], observations: [], unverifiable: [], estimateMs: 0, target: { resource: 'api-west' } })
    .at(71, { type: 'step.succeeded', stepId: 'west-serving', outputs: { healthy: true }, alreadyDone: true });
  return journal.at(71, { type: 'run.finished', outcome: 'succeeded', durationMs: 71_000 });
}

describe('report facts: an unplanned failover', () => {
  it('reports a non-zero RPO from the lag series and misses the objective when it is too high', () => {
    const facts = reportFacts(unplannedRun({ orders: 1_500, catalog: 80 }).events);
    expect(facts.rpo).toMatchObject({ status: 'measured', valueMs: 1_500, worst: 'orders-db', verdict: 'missed' });
    expect(facts.shortfalls).toEqual(['RPO 1.5s (orders-db) missed the 1.0s objective by 500ms']);
    expect(facts.rto).toMatchObject({ clockStartSource: 'incident-start', valueMs: 131_000, verdict: 'met' });
    expect(facts.resources.find((fact) => fact.resource === 'orders-db')).toMatchObject({ operation: 'failover', sync: 'resyncing', rtoMs: 54_000 });
    expect(facts.resources.find((fact) => fact.resource === 'catalog-db')?.sync).toBe('in-sync');
  });

  it('says the RPO is unknown when the lag could not be read, keeping what is known as a lower bound', () => {
    const facts = reportFacts(unplannedRun({ orders: 150, catalog: 'missing' }).events);
    expect(facts.rpo).toMatchObject({ status: 'unknown', valueMs: 300, worst: 'sessions', unknownFor: ['catalog-db'], verdict: 'unknown' });
    expect(facts.resources.find((fact) => fact.resource === 'catalog-db')?.rpo).toMatchObject({ source: 'missing', region: 'us-west-2' });
    expect(facts.objectivesMet).toBe(false);
    expect(facts.shortfalls[0]).toMatch(/^RPO unknown for catalog-db \(the replication lag could not be read\)/);
  });

  it('misses the RPO even with unknowns when what is known already exceeds it', () => {
    const facts = reportFacts(unplannedRun({ orders: 5_000, catalog: 'missing' }).events);
    expect(facts.rpo).toMatchObject({ status: 'unknown', valueMs: 5_000, verdict: 'missed' });
  });

  it('treats a resource with no lag reading at all as unknown', () => {
    const journal = unplannedRun({ orders: 150, catalog: 80 });
    const events = journal.events.filter((event) => !(event.type === 'metric.read' && event.stepId === 'orders-failover'));
    const facts = reportFacts(events);
    expect(facts.resources[0]?.rpo).toEqual({ source: 'none' });
    expect(facts.rpo).toMatchObject({ status: 'unknown', unknownFor: ['orders-db'] });
  });
});

describe('report facts: a failed run', () => {
  const journal = started(new Journal(), 0, 'planned');
  approved(journal, 1);
  skipped(journal, 5, 'orders-failover', 'catalog-failover');
  const refused = { code: 'aws.invalid-state', message: 'orders-db: SwitchoverGlobalCluster in us-east-1 was refused', hint: 'Run `drctl status`' };
  journal
    .at(5, { type: 'step.started', stepId: 'orders-switchover', attempt: 1 })
    .at(5, { type: 'step.planned', stepId: 'orders-switchover', status: 'ready', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 1, target: { resource: 'orders-db', from: 'us-east-1', to: 'us-west-2', operation: 'switchover' } })
    .at(5, { type: 'metric.read', stepId: 'orders-switchover', reading: { resource: 'orders-db', kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: 'us-west-2', valueMs: 90, at: s(5) } })
    .at(5, { type: 'step.intent', stepId: 'orders-switchover', calls: [], state: {} })
    .call(6, { operation: 'SwitchoverGlobalCluster', mutating: true, ok: false, errorCode: 'InvalidGlobalClusterStateFault' })
    .at(6, { type: 'step.failed', stepId: 'orders-switchover', error: refused })
    .at(6, { type: 'step.cancelled', stepId: 'catalog-switchover', reason: 'the run is failing' })
    .at(6, { type: 'step.cancelled', stepId: 'sessions', reason: 'the run is failing' })
    .at(7, { type: 'rollback.started', reason: 'orders-switchover failed' })
    .at(7, { type: 'step.started', stepId: 'restore-east-traffic', attempt: 1 })
    .at(8, { type: 'step.succeeded', stepId: 'restore-east-traffic', outputs: {} })
    .at(8, { type: 'rollback.finished', outcome: 'succeeded' })
    .at(8, { type: 'run.finished', outcome: 'failed', durationMs: 8000, error: refused });
  const facts = reportFacts(journal.events);

  it('has no RTO: service was not restored; the objective is not met', () => {
    expect(facts.run.outcome).toBe('failed');
    expect(facts.rto.valueMs).toBeUndefined();
    expect(facts.rto).toMatchObject({ verdict: 'unknown', reason: 'service was not restored: the run failed and was rolled back' });
    expect(facts.objectivesMet).toBe(false);
    expect(facts.shortfalls[0]).toBe('RTO not measured against the 5m objective: service was not restored: the run failed and was rolled back');
  });

  it('does not count a refused call as a cutover', () => {
    expect(facts.resources[0]).toMatchObject({ resource: 'orders-db', state: 'failed', cutover: false, acceptedAt: s(5), acceptedIsSendTime: true, rtoMs: undefined, sync: 'unknown' });
    expect(facts.rpo).toMatchObject({ status: 'no-cutover', valueMs: 0, verdict: 'met' });
  });

  it('keeps the error, the rollback and the failed call', () => {
    expect(facts.run.error?.code).toBe('aws.invalid-state');
    expect(facts.run.rollback).toEqual({ state: 'succeeded', reason: 'orders-switchover failed' });
    expect(facts.apiCalls).toMatchObject({ total: 1, mutating: 1, failed: 1 });
    expect(facts.steps.find((step) => step.id === 'restore-east-traffic')).toMatchObject({ phase: 'rollback', state: 'succeeded' });
    // Rollback steps are on the timeline, not among the resources; steps cancelled before they began did nothing.
    expect(facts.resources.map((fact) => fact.stepId)).toEqual(['orders-switchover']);
  });
});

describe('report facts: a resumed run', () => {
  // Session 1 is cut off by Ctrl-C while orders-db switches over; session 2 joins the switchover.
  const journal = started(new Journal(), 0, 'planned');
  approved(journal, 1);
  skipped(journal, 5, 'orders-failover', 'catalog-failover', 'catalog-switchover', 'sessions');
  journal
    .at(5, { type: 'step.started', stepId: 'orders-switchover', attempt: 1 })
    .at(5, { type: 'step.planned', stepId: 'orders-switchover', status: 'ready', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 1, target: { resource: 'orders-db', from: 'us-east-1', to: 'us-west-2', operation: 'switchover' } })
    .at(5, { type: 'metric.read', stepId: 'orders-switchover', reading: { resource: 'orders-db', kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: 'us-west-2', valueMs: 250, at: s(5) } })
    .at(5, { type: 'step.intent', stepId: 'orders-switchover', calls: [], state: {} })
    .call(6, { operation: 'SwitchoverGlobalCluster', mutating: true })
    .at(6, { type: 'step.applied', stepId: 'orders-switchover' })
    .at(20, { type: 'run.interrupted', signal: 'SIGINT', forced: true })
    .at(21, { type: 'run.finished', outcome: 'aborted', durationMs: 21_000 });
  const firstSession = reportFacts(journal.events);
  journal
    .at(100, { type: 'run.started', runId: '20260105-090000-shop-region-failover-1a2b', runbook: 'shop-region-failover', file: 'x', mode: 'run', inputs: {}, objectives: { rtoMs: 300_000, rpoMs: 1000 }, steps: [], session: 'resume', resumedFrom: '20260105-090000-shop-region-failover-1a2b' })
    .at(100, { type: 'step.started', stepId: 'orders-switchover', attempt: 1 })
    .at(100, { type: 'step.planned', stepId: 'orders-switchover', status: 'in-progress', summary: '', calls: [], observations: [], unverifiable: [], estimateMs: 1, target: { resource: 'orders-db', from: 'us-east-1', to: 'us-west-2', operation: 'switchover' } })
    .at(130, { type: 'metric.read', stepId: 'orders-switchover', reading: { resource: 'orders-db', kind: 'replication-lag', metricName: 'SwitchoverGlobalCluster', region: 'us-west-2', valueMs: 0, at: s(130) } })
    .at(130, { type: 'step.succeeded', stepId: 'orders-switchover', outputs: {}, joined: true })
    .at(130, { type: 'step.started', stepId: 'drain-east', attempt: 1 })
    .at(131, { type: 'step.succeeded', stepId: 'drain-east', outputs: {} })
    .at(131, { type: 'step.started', stepId: 'west-serving', attempt: 1 })
    .at(160, { type: 'step.succeeded', stepId: 'west-serving', outputs: { healthy: true } })
    .at(160, { type: 'run.finished', outcome: 'succeeded', durationMs: 60_000 });
  const facts = reportFacts(journal.events);

  it('reports the first session alone as aborted, without an RTO', () => {
    expect(firstSession.run.outcome).toBe('aborted');
    expect(firstSession.rto.reason).toBe('service was not restored: the run aborted');
    expect(firstSession.resources[0]).toMatchObject({ state: 'running', cutover: true, acceptedAt: s(6), availableAt: undefined });
    // A switchover loses nothing, even one cut off mid-flight (AWS finishes or cancels it); its lag is information.
    expect(firstSession.rpo).toMatchObject({ status: 'measured', valueMs: 0 });
    expect(firstSession.resources[0]?.rpo).toMatchObject({ source: 'switchover', lagMs: 250 });
  });

  it('measures the RTO across both sessions, from the first start', () => {
    expect(facts.run.sessions).toEqual([
      { at: s(0), session: 'start' },
      { at: s(100), session: 'resume' },
    ]);
    expect(facts.run.interruptions).toEqual([{ at: s(20), signal: 'SIGINT', forced: true }]);
    expect(facts.rto).toMatchObject({ valueMs: 160_000, verdict: 'met', end: { stepId: 'west-serving', signal: 'api-west healthy' } });
  });

  it('measures the resource from the call accepted in the first session to completion in the second', () => {
    expect(facts.resources[0]).toMatchObject({ joined: true, cutover: true, acceptedAt: s(6), availableAt: s(130), rtoMs: 124_000, sync: 'in-sync' });
    expect(facts.rpo).toMatchObject({ status: 'measured', valueMs: 0, verdict: 'met' });
    expect(facts.steps.find((step) => step.id === 'orders-switchover')).toMatchObject({ startOffsetMs: 100_000, note: 'joined an operation under way' });
  });
});

describe('report facts: a run that is not over', () => {
  it('says the run has not finished instead of giving an RTO', () => {
    const journal = started(new Journal(), 0, 'planned');
    approved(journal, 1);
    const facts = reportFacts(journal.events);
    expect(facts.run.outcome).toBeUndefined();
    expect(facts.rto.reason).toMatch(/has not finished/);
    expect(facts.rpo.status).toBe('no-cutover');
  });
});

describe('report facts: credentials', () => {
  it('never carries credentials from inputs, messages or errors', () => {
    const journal = started(new Journal(), 0, 'planned', { inputs: { apiToken: 'hunter2', note: 'key AKIAABCDEFGHIJKLMNOP' } });
    journal.at(1, { type: 'run.finished', outcome: 'failed', durationMs: 1000, error: { code: 'x', message: 'signed with aws_secret_access_key=wJalrXUtnFEMI/K7MDENG and X-Amz-Signature=abcdef' } });
    const text = JSON.stringify(reportFacts(journal.events));
    for (const secret of ['hunter2', 'AKIAABCDEFGHIJKLMNOP', 'wJalrXUtnFEMI', 'abcdef']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
