// How an answer to an approval reads, in the live view and in plain lines alike: "approved by alice",
// "denied by alice", or "not approved by --yes (timed out)". A denial is said once, not as
// "not approved (denied by the operator) by operator".
import type { EventOf } from '../core/events';

/** The reason an operator's "no" is journaled with. */
export const DENIED = 'denied';

/** Older journals said "denied by the operator". */
const isDenial = (reason: string | undefined) => reason === undefined || reason.startsWith('denied');

export function approvalVerdict(event: Pick<EventOf<'approval.answered'>, 'approved' | 'by' | 'reason'>): string {
  if (event.approved) return `approved by ${event.by}`;
  return isDenial(event.reason) ? `denied by ${event.by}` : `not approved by ${event.by} (${event.reason})`;
}
