// The live state of the simulated AWS. Plain data, mutated only by the world's models (and by the timed
// transitions they schedule); the HTTP front reads it to build responses.

export type GlobalFamily = 'aurora' | 'docdb';

/** A span of simulated time; open-ended while `to` is undefined. */
export interface Period {
  from: number;
  to?: number;
  /** For a secondary's periods: the primary's region it replicated from (CloudWatch's SourceRegion). */
  source?: string;
}

export interface DbCluster {
  id: string;
  arn: string;
  region: string;
  family: GlobalFamily;
  engine: string;
  engineVersion: string;
  /** available | modifying | failing-over | promoting ... */
  status: string;
  instanceIds: string[];
  globalClusterId?: string;
  resourceId: string;
  createdAt: number;
  /** Typical replication lag, in ms, while a secondary. */
  lagMs: number;
  /** When the cluster was a secondary: the spans in which it emits replication-lag metrics. */
  secondaryPeriods: Period[];
}

export interface GlobalClusterMember {
  clusterArn: string;
  isWriter: boolean;
  synchronizationStatus: 'connected' | 'pending-resync';
}

export interface FailoverState {
  /** pending | switching-over | failing-over | cancelling */
  status: string;
  fromClusterArn: string;
  toClusterArn: string;
  isDataLossAllowed: boolean;
}

export interface GlobalCluster {
  id: string;
  arn: string;
  resourceId: string;
  family: GlobalFamily;
  engine: string;
  engineVersion: string;
  status: string;
  members: GlobalClusterMember[];
  failoverState?: FailoverState;
}

export interface ReplicationGroup {
  id: string;
  region: string;
  status: string;
  nodes: number;
  globalDatastoreId?: string;
  /** Lag in ms while secondary (CloudWatch reports it in seconds). */
  lagMs: number;
  secondaryPeriods: Period[];
}

export interface DatastoreMember {
  replicationGroupId: string;
  region: string;
  role: 'PRIMARY' | 'SECONDARY';
  /** associated | disassociating */
  status: string;
}

export interface GlobalDatastore {
  id: string;
  engine: string;
  engineVersion: string;
  cacheNodeType: string;
  /** available | modifying | primary-only */
  status: string;
  members: DatastoreMember[];
}

export interface HealthCheckSettings {
  at: number;
  inverted: boolean;
  disabled: boolean;
}

export interface HealthCheck {
  id: string;
  callerReference: string;
  version: number;
  type: string;
  fqdn?: string;
  /** RECOVERY_CONTROL: the routing control whose state is the verdict. */
  routingControlArn?: string;
  port: number;
  resourcePath: string;
  /** The region whose endpoint this health check watches. */
  watchedRegion: string;
  requestIntervalSeconds: number;
  failureThreshold: number;
  checkerRegions: string[];
  /** Inverted / disabled over time, oldest first, so past checks are judged with the settings of their time. */
  settings: HealthCheckSettings[];
}

export interface AliasTarget {
  hostedZoneId: string;
  dnsName: string;
  evaluateTargetHealth: boolean;
}

export interface RecordSet {
  name: string;
  type: string;
  setIdentifier?: string;
  failover?: 'PRIMARY' | 'SECONDARY';
  weight?: number;
  region?: string;
  ttl?: number;
  values: string[];
  aliasTarget?: AliasTarget;
  healthCheckId?: string;
}

export interface HostedZone {
  id: string;
  name: string;
  /** What the API shows: a change is visible here at once. */
  records: RecordSet[];
  /** What the name servers answer from, and since when: a change counts once it is INSYNC. */
  served: Array<{ from: number; records: RecordSet[] }>;
}

export interface DnsChange {
  id: string;
  comment?: string;
  submittedAt: number;
  insyncAt: number;
}

export type OperationOutcome = 'in-progress' | 'completed' | 'cancelled';

export interface OperationRecord {
  id: number;
  service: string;
  region: string;
  operation: string;
  resource: string;
  target?: string;
  requestedAt: number;
  /** Simulated time at which the operation finished (FailoverState cleared, datastore available, INSYNC). */
  completedAt?: number;
  outcome: OperationOutcome;
  /** What happened when, in simulated time: "switching-over", "writer flipped", "members connected"... */
  milestones: Array<{ at: number; what: string }>;
}

export type RequestOutcome = 'ok' | 'error' | 'throttled' | 'outage';

export interface RequestRecord {
  at: number;
  service: string;
  region: string;
  operation: string;
  resource: string;
  outcome: RequestOutcome;
  code?: string;
}
