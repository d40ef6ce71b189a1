// Hand-written journals for report tests: a tiny builder that stamps seq and time like the engine does,
// and the shop failover's steps. Times are seconds after T0 so expected figures read as plain numbers.
import type { ApiCallRecord } from '../../src/core/api-calls';
import type { RunEvent, RunEventBody, StepInfo } from '../../src/core/events';

export const T0 = Date.parse('2026-01-05T09:00:00Z');
export const s = (seconds: number) => T0 + seconds * 1000;

export class Journal {
  readonly events: RunEvent[] = [];

  at(seconds: number, body: RunEventBody): this {
    this.events.push({ ...body, seq: this.events.length + 1, at: s(seconds) } as RunEvent);
    return this;
  }

  call(seconds: number, call: Partial<ApiCallRecord> & Pick<ApiCallRecord, 'operation'>): this {
    const record: ApiCallRecord = { service: 'rds', region: 'us-east-1', mutating: false, startedAt: s(seconds), durationMs: 120, ok: true, ...call };
    return this.at(seconds, { type: 'api.call', call: record });
  }

  /** A data-store step from start to success: plan, lag read, intent, accepted call, polls, done. */
  cutover(
    stepId: string,
    times: { start: number; accepted: number; done: number },
    target: { resource: string; operation: string; from?: string; to?: string; lagMs?: number | 'missing'; resyncing?: boolean; service?: ApiCallRecord['service']; apiOperation?: string },
  ): this {
    const { resource, operation } = target;
    const from = target.from ?? 'us-east-1';
    const to = target.to ?? 'us-west-2';
    this.at(times.start, { type: 'step.started', stepId, attempt: 1 });
    this.at(times.start, { type: 'step.planned', stepId, status: 'ready', summary: `${operation} ${resource}`, calls: [], observations: [], unverifiable: [], estimateMs: 60_000, target: { resource, from, to, operation } });
    const lag = target.lagMs ?? 150;
    const reading = lag === 'missing' ? { missing: true } : { valueMs: lag };
    this.at(times.start, { type: 'metric.read', stepId, reading: { resource, kind: 'replication-lag', metricName: 'AuroraGlobalDBRPOLag', region: to, at: s(times.start), ...reading } });
    this.at(times.start, { type: 'step.intent', stepId, calls: [], state: {} });
    this.call(times.accepted, { service: target.service ?? 'rds', region: operation === 'switchover' ? from : to, operation: target.apiOperation ?? 'SwitchoverGlobalCluster', mutating: true, requestId: `req-${stepId}` });
    this.at(times.accepted, { type: 'step.applied', stepId });
    this.at(times.accepted, { type: 'step.polling', stepId, intervalMs: 5000 });
    const resync = target.resyncing ? `; resyncing: ${resource}-use1 in ${from} (pending-resync)` : '';
    this.at(times.done, { type: 'step.observation', stepId, message: `${resource}: writer available in ${to}${resync}` });
    return this.at(times.done, { type: 'step.succeeded', stepId, outputs: { writerRegion: to } });
  }
}

const info = (id: string, uses: string, needs: string[], resource?: string, mutating = false, phase: 'main' | 'rollback' = 'main'): StepInfo => ({ id, uses, needs, resource, mutating, phase });

export const SHOP_STEPS: StepInfo[] = [
  info('approve', 'approval', []),
  info('orders-switchover', 'aurora.switchover', ['approve'], 'orders-db', true),
  info('orders-failover', 'aurora.failover', ['approve'], 'orders-db', true),
  info('catalog-switchover', 'docdb.switchover', ['approve'], 'catalog-db', true),
  info('catalog-failover', 'docdb.failover', ['approve'], 'catalog-db', true),
  info('sessions', 'elasticache.failover', ['approve'], 'sessions', true),
  info('drain-east', 'route53.invert-health-check', ['orders-switchover', 'orders-failover', 'catalog-switchover', 'catalog-failover', 'sessions'], 'api-east', true),
  info('west-serving', 'route53.wait-healthy', ['drain-east'], 'api-west'),
  info('restore-east-traffic', 'route53.invert-health-check', [], 'api-east', true, 'rollback'),
];

export function started(journal: Journal, seconds: number, mode: 'planned' | 'unplanned', extra: { incidentStart?: number; inputs?: Record<string, unknown>; rtoEndsAt?: string } = {}): Journal {
  return journal.at(seconds, {
    type: 'run.started',
    runId: '20260105-090000-shop-region-failover-1a2b',
    runbook: 'shop-region-failover',
    file: 'runbooks/shop-region-failover.yaml',
    mode: 'run',
    inputs: { from: 'us-east-1', to: 'us-west-2', mode, ...extra.inputs },
    objectives: { rtoMs: 300_000, rpoMs: 1_000, ...(extra.rtoEndsAt ? { rtoEndsAt: extra.rtoEndsAt } : {}) },
    steps: SHOP_STEPS,
    incidentStart: extra.incidentStart,
    session: 'start',
  });
}

export function approved(journal: Journal, seconds: number, by = 'alice'): Journal {
  return journal
    .at(seconds, { type: 'step.started', stepId: 'approve', attempt: 1 })
    .at(seconds, { type: 'approval.requested', stepId: 'approve', message: 'Fail the shop over from us-east-1 to us-west-2?', confirmText: 'us-west-2', gate: 'approval' })
    .at(seconds + 4, { type: 'approval.answered', stepId: 'approve', approved: true, by, gate: 'approval' })
    .at(seconds + 4, { type: 'step.succeeded', stepId: 'approve', outputs: {} });
}

export function skipped(journal: Journal, seconds: number, ...ids: string[]): Journal {
  for (const stepId of ids) journal.at(seconds, { type: 'step.skipped', stepId, reason: 'if: false' });
  return journal;
}

/** The planned shop failover, start to finish: 3m05s to api-west healthy, RPO 400 ms (sessions). */
export function cleanPlannedRun(options: { rtoEndsAt?: string } = {}): Journal {
  const journal = started(new Journal(), 0, 'planned', options);
  journal.at(1, { type: 'preflight.passed', check: 'available', name: 'available orders-db', message: 'orders-db: ready' });
  approved(journal, 2);
  skipped(journal, 6, 'orders-failover', 'catalog-failover');
  journal.cutover('orders-switchover', { start: 6, accepted: 8, done: 98 }, { resource: 'orders-db', operation: 'switchover', lagMs: 120 });
  journal.cutover('catalog-switchover', { start: 6, accepted: 9, done: 150 }, { resource: 'catalog-db', operation: 'switchover', lagMs: 200, service: 'docdb' });
  journal.cutover('sessions', { start: 6, accepted: 7, done: 60 }, { resource: 'sessions', operation: 'failover', lagMs: 400, service: 'elasticache', apiOperation: 'FailoverGlobalReplicationGroup' });
  journal
    .at(150, { type: 'step.started', stepId: 'drain-east', attempt: 1 })
    .at(150, { type: 'step.planned', stepId: 'drain-east', status: 'ready', summary: 'invert api-east', calls: [], observations: [], unverifiable: [], estimateMs: 1000, target: { resource: 'api-east', operation: 'invert' } })
    .at(150, { type: 'step.intent', stepId: 'drain-east', calls: [], state: {} })
    .call(151, { service: 'route53', operation: 'UpdateHealthCheck', mutating: true })
    .at(151, { type: 'step.applied', stepId: 'drain-east' })
    .at(151, { type: 'step.succeeded', stepId: 'drain-east', outputs: { inverted: true } })
    .at(151, { type: 'step.started', stepId: 'west-serving', attempt: 1 })
    .at(151, { type: 'step.planned', stepId: 'west-serving', status: 'ready', summary: 'wait until api-west is healthy', calls: [], observations: [], unverifiable: [], estimateMs: 30_000, target: { resource: 'api-west' } })
    .call(160, { service: 'route53', operation: 'GetHealthCheckStatus' })
    .call(185, { service: 'route53', operation: 'GetHealthCheckStatus', ok: false, errorCode: 'Throttling' })
    .at(185, { type: 'step.succeeded', stepId: 'west-serving', outputs: { healthy: true } });
  return journal.at(186, { type: 'run.finished', outcome: 'succeeded', durationMs: 186_000 });
}
