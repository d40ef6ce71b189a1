// Codes of reading state (`drctl status`, `drctl health`, and the read `drctl failover` makes first), and
// the flags `drctl status` puts on a resource that is not ready for a failover (shown as [flag]).
import { errorCodes, warningCodes } from './define';

export const readCodes = errorCodes({
  'status.not-found': { meaning: 'A resource to show does not exist where drctl looked.', action: 'Check the id, --region (or the resource\'s regions) and the account; the message lists what exists.' },
  'health.not-found': { meaning: 'A Route 53 health check does not exist in this account.', action: 'Check the id and the account (--profile); the message lists the checks that exist.' },
  'health.calculated': { meaning: 'A CALCULATED health check has no checker reports to show.', action: 'Ask for its child health checks instead.' },
  'failover.not-found': { meaning: 'The global cluster or datastore to fail over does not exist where drctl looked.', action: 'Check the id, --region and the account; the message lists what exists.' },
  'failover.region-not-a-member': { meaning: '--to names a region with no member of the global cluster or datastore.', action: 'Pass a region that has a secondary (the message lists the members).' },
});

/** Not errors: what `drctl status` says about a resource, blocking (not ready) or a warning. */
export const statusFlagCodes = warningCodes({
  'operation-under-way': { meaning: 'A change is under way on the resource (or it is not available); a failover now would be refused or stacked.', action: 'Wait until it is available, then look again.' },
  'no-secondary': { meaning: 'There is no secondary to fail over to.', action: 'Add a secondary in the region you would fail over to.' },
  'writer-unavailable': { meaning: 'The writer (primary) is unavailable: a planned switchover needs it, an unplanned failover does not.', action: 'Use an unplanned failover if the region is down; otherwise wait for the writer.' },
  'secondary-unhealthy': { meaning: 'A secondary is not available or not in sync, so it cannot take over now.', action: 'Wait until it is available and in sync, or fail over to another region.' },
  headless: { meaning: 'A secondary cluster has no DB instance, so it cannot be promoted.', action: 'Add a DB instance to it and wait until it is available.' },
  'version-mismatch': { meaning: 'The members run different engine versions; AWS refuses a switchover or failover between them.', action: 'Upgrade the members to one engine version first.' },
  'lag-above-objective': { meaning: "A secondary's replication lag is above the objective (the runbook's rpo, or --max-lag).", action: 'Wait for the lag to fall; an unplanned failover now would lose about that much data.' },
  'lag-unknown': { meaning: 'No replication lag data could be read for a secondary.', action: 'Check CloudWatch for the metric; a new secondary publishes lag after its first minute.' },
  unhealthy: { meaning: 'A Route 53 health check is unhealthy.', action: 'Look at the endpoint it watches (`drctl health <id>`).' },
  unreadable: { meaning: 'The resource could not be read (the message says why).', action: 'Fix the cause in the message (credentials, region, network) and look again.' },
});
