// What does exist, for the error about what does not: the global clusters, datastores or health checks
// that AWS lists in the regions drctl asked. Each region is listed on its own, so one region that is down
// or refuses (access denied) does not hide what the others answer.
import { isAwsError, type AwsError } from '../aws/aws-error';
import type { AwsPorts } from '../core/services/catalogue';
import type { Resource } from '../core/resources';

export interface ExistingResource {
  id: string;
  /** The regions of its members (global clusters and datastores). */
  regions?: string[];
  /** What a health check looks at: a domain name or an IP address. */
  endpoint?: string;
}

export interface Listing {
  found: ExistingResource[];
  /** One per region (or the one Route 53 call) whose listing failed. */
  failures: AwsError[];
}

type ListOne = (region: string) => Promise<ExistingResource[]>;

function listerFor(ports: AwsPorts, resource: Resource): ListOne | undefined {
  switch (resource.type) {
    case 'aurora-global':
    case 'docdb-global': {
      const port = resource.type === 'aurora-global' ? ports.rds : ports.docdb;
      return async (region) =>
        (await port.listGlobalClusters(region)).map((cluster) => ({ id: cluster.id, regions: cluster.members.map((member) => member.region) }));
    }
    case 'elasticache-global':
      return async (region) =>
        (await ports.elasticache.listGlobalDatastores(region)).map((datastore) => ({
          id: datastore.id,
          regions: datastore.members.map((member) => member.region),
        }));
    case 'route53-health-check':
      return async () =>
        (await ports.route53.listHealthChecks()).map((check) => {
          const endpoint = check.fqdn ?? check.ipAddress;
          return { id: check.id, ...(endpoint ? { endpoint } : {}) };
        });
    case 'route53-record-set':
      return undefined; // status and health never name a record set by id
  }
}

/** Same id from several regions: one entry with every region any of them named. */
function merged(lists: ExistingResource[][]): ExistingResource[] {
  const byId = new Map<string, ExistingResource>();
  for (const entry of lists.flat()) {
    const known = byId.get(entry.id);
    const regions = [...new Set([...(known?.regions ?? []), ...(entry.regions ?? [])])].sort();
    byId.set(entry.id, { ...entry, ...(entry.regions || known?.regions ? { regions } : {}) });
  }
  return [...byId.values()];
}

/**
 * Undefined when there is no way to list this type. AWS failures are collected, not thrown: the listing
 * is a courtesy and the not-found is what matters. Anything else is a bug and keeps its stack.
 */
export async function listExisting(ports: AwsPorts, resource: Resource, regions: readonly string[]): Promise<Listing | undefined> {
  const list = listerFor(ports, resource);
  if (!list) return undefined;
  // Route 53 is global: one call answers for the whole account.
  const asked = resource.type === 'route53-health-check' ? ['us-east-1'] : regions;
  const settled = await Promise.allSettled(asked.map((region) => list(region)));
  const found: ExistingResource[][] = [];
  const failures: AwsError[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') found.push(outcome.value);
    else if (isAwsError(outcome.reason)) failures.push(outcome.reason);
    else throw outcome.reason;
  }
  return { found: merged(found), failures };
}
