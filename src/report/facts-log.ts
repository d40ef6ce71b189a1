// The record around the figures: who approved what and when, and every API call drctl made.
import type { RunEvent } from '../core/events';
import type { ApiCallFacts, ApiCallGroup, ApprovalFacts } from './facts-types';

/** Questions and answers in the order asked; a question still open at the end has no answer. */
export function approvalFacts(events: readonly RunEvent[]): ApprovalFacts[] {
  const approvals: ApprovalFacts[] = [];
  const open = new Map<string, ApprovalFacts>();
  for (const event of events) {
    if (event.type === 'approval.requested') {
      const gate = event.gate ?? 'approval';
      const asked: ApprovalFacts = { stepId: event.stepId, gate, message: event.message, askedAt: event.at };
      approvals.push(asked);
      open.set(`${gate}:${event.stepId}`, asked);
    } else if (event.type === 'approval.answered') {
      const key = `${event.gate ?? 'approval'}:${event.stepId}`;
      const asked = open.get(key);
      if (!asked) continue;
      open.delete(key);
      Object.assign(asked, { answeredAt: event.at, approved: event.approved, by: event.by, reason: event.reason, decision: event.decision });
    }
  }
  return approvals;
}

export function apiCallFacts(events: readonly RunEvent[]): ApiCallFacts {
  const groups = new Map<string, ApiCallGroup>();
  const facts: ApiCallFacts = { total: 0, mutating: 0, failed: 0, groups: [], mutatingCalls: [] };
  for (const event of events) {
    if (event.type !== 'api.call') continue;
    const { call } = event;
    facts.total += 1;
    if (!call.ok) facts.failed += 1;
    if (call.mutating) {
      facts.mutating += 1;
      const { service, region, operation, ok, errorCode, requestId, durationMs } = call;
      // The event's time is on the run's clock (simulated under --sim); the record's own is wall-clock.
      facts.mutatingCalls.push({ at: event.at, service, region, operation, ok, errorCode, requestId, durationMs });
    }
    const key = `${call.service}|${call.region}|${call.operation}`;
    const group = groups.get(key) ?? { service: call.service, region: call.region, operation: call.operation, mutating: call.mutating, count: 0, failed: 0, totalMs: 0 };
    group.count += 1;
    group.totalMs += call.durationMs;
    if (!call.ok) group.failed += 1;
    groups.set(key, group);
  }
  facts.mutatingCalls.sort((a, b) => a.at - b.at);
  facts.groups = [...groups.values()].sort(
    (a, b) => Number(b.mutating) - Number(a.mutating) || b.count - a.count || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation),
  );
  return facts;
}
