// Fixed runs as lists of events, for the reporters' tests: a shop failover (three data stores side by
// side, then traffic) that succeeds, and pieces to build a failing one. Times are in run time.
import type { RunEvent, RunEventBody, StepInfo } from '../../src/core/events';
import type { Problem } from '../../src/core/errors';

export const T0 = Date.UTC(2025, 2, 1, 3, 0, 0);

export const SHOP_STEPS: StepInfo[] = [
  { id: 'approve', uses: 'approval', needs: [], mutating: false, phase: 'main' },
  { id: 'orders', uses: 'aurora.switchover', needs: ['approve'], resource: 'orders-db', mutating: true, phase: 'main' },
  { id: 'catalog', uses: 'docdb.switchover', needs: ['approve'], resource: 'catalog-db', mutating: true, phase: 'main' },
  { id: 'sessions', uses: 'elasticache.failover', needs: ['approve'], resource: 'sessions', mutating: true, phase: 'main' },
  { id: 'traffic', uses: 'route53.wait-healthy', needs: ['orders', 'catalog', 'sessions'], resource: 'api-west', mutating: false, phase: 'main' },
];

/** Stamps bodies with seq and time: each entry is [seconds since T0, body]. */
export function stamp(entries: Array<[number, RunEventBody]>, firstSeq = 1): RunEvent[] {
  return entries.map(([seconds, body], index) => ({ ...body, seq: firstSeq + index, at: T0 + seconds * 1000 }) as RunEvent);
}

export function runStarted(overrides: Partial<Extract<RunEventBody, { type: 'run.started' }>> = {}): RunEventBody {
  return {
    type: 'run.started',
    runId: 'r-20250301-0300',
    runbook: 'shop-region-failover',
    file: 'runbooks/shop-region-failover.yaml',
    mode: 'run',
    inputs: { from: 'us-east-1', to: 'us-west-2', mode: 'planned' },
    objectives: { rtoMs: 5 * 60_000, rpoMs: 1000 },
    steps: SHOP_STEPS,
    session: 'start',
    ...overrides,
  };
}

const planned = (stepId: string, summary: string, resource: string): RunEventBody => ({
  type: 'step.planned', stepId, status: 'ready', summary, calls: [], observations: [], unverifiable: [], estimateMs: 60_000,
  target: { resource, from: 'us-east-1', to: 'us-west-2', operation: 'switchover' },
});

/** Up to the three data stores running side by side, each with an observation. */
export const RUNNING: Array<[number, RunEventBody]> = [
  [0, runStarted()],
  [0, { type: 'preflight.started', check: 'healthy', name: 'healthy' }],
  [1, { type: 'preflight.passed', check: 'healthy', name: 'healthy', message: 'api-west is healthy (3 of 3 checkers)' }],
  [1, { type: 'step.started', stepId: 'approve', attempt: 1 }],
  [1, { type: 'approval.requested', stepId: 'approve', message: 'Fail the shop over from us-east-1 to us-west-2 (planned)?', confirmText: 'us-west-2', gate: 'approval' }],
  [9, { type: 'approval.answered', stepId: 'approve', approved: true, by: 'alice', gate: 'approval' }],
  [9, { type: 'step.succeeded', stepId: 'approve', outputs: {} }],
  [9, { type: 'step.started', stepId: 'orders', attempt: 1 }],
  [9, { type: 'step.started', stepId: 'catalog', attempt: 1 }],
  [9, { type: 'step.started', stepId: 'sessions', attempt: 1 }],
  [10, planned('orders', 'switch over shop-orders us-east-1 -> us-west-2', 'orders-db')],
  [10, planned('catalog', 'switch over shop-catalog', 'catalog-db')],
  [10, planned('sessions', 'fail over ldgnf-shop-sessions to us-west-2', 'sessions')],
  [10, { type: 'step.intent', stepId: 'orders', calls: [{ service: 'rds', region: 'us-east-1', operation: 'SwitchoverGlobalCluster', params: { GlobalClusterIdentifier: 'shop-orders' } }], state: {} }],
  [11, { type: 'api.call', stepId: 'orders', call: { service: 'rds', region: 'us-east-1', operation: 'SwitchoverGlobalCluster', mutating: true, ok: true, startedAt: T0 + 11_000, durationMs: 120 } }],
  [12, { type: 'step.polling', stepId: 'orders', intervalMs: 5000 }],
  [20, { type: 'step.observation', stepId: 'orders', message: 'shop-orders: switching-over us-east-1 -> us-west-2' }],
  [21, { type: 'step.observation', stepId: 'catalog', message: 'shop-catalog: switching-over us-east-1 -> us-west-2' }],
];

/** The rest of a run that succeeds in 2m10s. */
export const SUCCEEDS: Array<[number, RunEventBody]> = [
  [70, { type: 'step.succeeded', stepId: 'sessions', outputs: {} }],
  [95, { type: 'step.succeeded', stepId: 'catalog', outputs: {} }],
  [100, { type: 'step.succeeded', stepId: 'orders', outputs: {} }],
  [100, { type: 'step.started', stepId: 'traffic', attempt: 1 }],
  [130, { type: 'step.succeeded', stepId: 'traffic', outputs: {} }],
  [130, { type: 'run.finished', outcome: 'succeeded', durationMs: 130_000 }],
];

export const SWITCHOVER_FAILED: Problem = {
  code: 'aws.invalid-state',
  message: 'SwitchoverGlobalCluster refused: shop-orders is already failing over',
  hint: 'Wait for the operation under way to finish (drctl status), then resume the run with drctl resume.',
};

/** The rest of a run where orders fails: traffic is cancelled and the run fails after 6m (RTO missed). */
export const FAILS: Array<[number, RunEventBody]> = [
  [70, { type: 'step.succeeded', stepId: 'sessions', outputs: {} }],
  [95, { type: 'step.succeeded', stepId: 'catalog', outputs: {} }],
  [360, { type: 'step.failed', stepId: 'orders', error: SWITCHOVER_FAILED }],
  [360, { type: 'step.cancelled', stepId: 'traffic', reason: 'a step it needs failed (orders)' }],
  [360, { type: 'run.finished', outcome: 'failed', durationMs: 360_000, error: SWITCHOVER_FAILED }],
];

export const READS_FAILED: Problem = {
  code: 'aws.unreachable',
  message: 'rds DescribeGlobalClusters in us-west-2 failed: read ECONNRESET',
  hint: 'Check network access to AWS.',
};

/** The rest of a run where orders' switchover was accepted but could not be read to its end: outcome unknown, nothing rolled back. */
export const UNKNOWN: Array<[number, RunEventBody]> = [
  [70, { type: 'step.succeeded', stepId: 'sessions', outputs: {} }],
  [95, { type: 'step.succeeded', stepId: 'catalog', outputs: {} }],
  [120, { type: 'step.observation', stepId: 'orders', message: `could not read progress (${READS_FAILED.message}); still waiting, this does not change the operation` }],
  [912, {
    type: 'step.unknown',
    stepId: 'orders',
    reason: `the change was accepted, but its progress could not be read to the end (step "orders" did not finish within 15m; last read: ${READS_FAILED.message})`,
    error: { code: 'engine.step-timeout', message: 'step "orders" did not finish within 15m', hint: 'Raise the step\'s `timeout:`.' },
  }],
  [912, { type: 'step.cancelled', stepId: 'traffic', reason: 'not started: the outcome of step "orders" is unknown' }],
  [912, {
    type: 'run.finished',
    outcome: 'unknown',
    durationMs: 912_000,
    error: {
      code: 'engine.outcome-unknown',
      message: 'the outcome of step "orders" is unknown: a change was made (or may have been) and drctl could not read whether it completed; nothing was rolled back over it',
      hint: 'Read the state with `drctl status runbooks/shop-region-failover.yaml`. Then `drctl resume <run-id>` reads each resource again and joins or finishes what is under way, without repeating a change that took.',
    },
  }],
];
