// What `drctl status` knows about each resource, as plain JSON (it is also the `--output json` shape):
// who writes where, every member with its status, sync state and replication lag, the Route 53 verdict
// for health checks, and the flags that say why a resource is not ready for a failover.
import type { StatusFlagCode } from '../core/codes';
import type { Resource } from '../core/resources';
import { resourceInfoOf } from '../core/services/catalogue';

export type StatusKind = 'aurora' | 'docdb' | 'elasticache' | 'health-check';

export type MemberRole = 'writer' | 'reader' | 'primary' | 'secondary';

export interface LagStatus {
  /** Milliseconds, whatever the metric's unit on the wire. */
  ms?: number;
  metric: string;
  /** When the data point was taken (ms since the epoch). */
  at?: number;
  /** No data point (normal right after a change), or the read failed (`problem` says why). */
  missing: boolean;
  problem?: string;
}

export interface MemberStatus {
  /** DB cluster id or replication group id. */
  id: string;
  region: string;
  role: MemberRole;
  /** The DB cluster's or replication group's own status; `unreachable` when its region did not answer. */
  status: string;
  /** connected | pending-resync (global clusters), associated (datastores); undefined when AWS did not say. */
  sync?: string;
  /** DB instances in the cluster: 0 is headless. Undefined for ElastiCache. */
  instances?: number;
  engineVersion?: string;
  /** Only for secondaries: the writer has no replication lag. */
  lag?: LagStatus;
  /** Why the member could not be described, when it could not. */
  problem?: string;
}

export interface HealthStatus {
  healthy: boolean;
  /** e.g. "13/16 checkers healthy (81%), inverted". */
  reason: string;
  healthyCheckers: number;
  totalCheckers: number;
  inverted: boolean;
  disabled: boolean;
  /** What the checkers look at: a domain name or an IP address. */
  endpoint?: string;
}

/** What a flag is about; each has an entry in the code registry (`drctl explain headless`). */
export type FlagCode = StatusFlagCode;

export interface Flag {
  code: FlagCode;
  message: string;
  /** A blocking flag makes the resource (or the member in `region`) not ready; the others are warnings. */
  blocking: boolean;
  /** The member region the flag is about; resource-wide when absent. */
  region?: string;
}

export interface ResourceStatus {
  /** The runbook's name for it, or the id for `--resource`. */
  name: string;
  kind: StatusKind;
  id: string;
  /** The global cluster's or datastore's status (available, modifying, ...). */
  status?: string;
  /** The region of the writer (Aurora, DocumentDB) or primary (ElastiCache). */
  writerRegion?: string;
  /** The switchover or failover under way, in words. */
  operation?: string;
  /** Aurora's global writer endpoint (GlobalCluster.Endpoint): it follows the writer, so apps using it need no DNS change. */
  writerEndpoint?: string;
  members: MemberStatus[];
  health?: HealthStatus;
  flags: Flag[];
  /** Secondaries' regions a failover could go to now (global resources). */
  readyTargets: string[];
  /** Ready for a failover (global resources), healthy (health checks). */
  ready: boolean;
  /** When the resource could not be read at all. */
  error?: { code: string; message: string; hint?: string };
}

export interface StatusReport {
  /** When it was read (simulated time under --sim). */
  checkedAt: number;
  /** Replication lag above this is flagged. */
  lagObjective?: { ms: number; source: 'rpo' | '--max-lag' };
  /** The runbook it came from, when there is one. */
  runbook?: string;
  resources: ResourceStatus[];
  /** Resources not shown (record sets, ARC clusters and routing controls: status has nothing to say about them yet). */
  skipped: string[];
  /** What drctl noticed while reading, e.g. a region that did not answer. */
  notes: string[];
}

/** The runbook's resource type -> the status kind; undefined for types status does not show. */
export function kindOf(resource: Resource): StatusKind | undefined {
  switch (resource.type) {
    case 'aurora-global':
      return 'aurora';
    case 'docdb-global':
      return 'docdb';
    case 'elasticache-global':
      return 'elasticache';
    case 'route53-health-check':
      return 'health-check';
    default:
      return undefined;
  }
}

export function idOf(resource: Resource): string {
  return resourceInfoOf(resource.type).id(resource);
}
