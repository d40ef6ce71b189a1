// Parameters several action families share, defined once so their meaning and wording never drift.
import { parseDuration } from '../../core/duration';
import { Duration } from '../../runbook/schema';

/** The data-loss guard of the unplanned operations (failover, detach, ElastiCache promotion). */
export const maxLagParam = Duration.optional().meta({
  description: 'Refuse the call when the replication lag to the target (the data that would be lost) is above this. No lag data does not block.',
});

/** maxLag in milliseconds; undefined when the runbook sets no guard. */
export function maxLagMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseDuration(text);
}
