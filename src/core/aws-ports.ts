// The narrow, SDK-free interfaces that actions use to talk to AWS. src/aws implements them with the SDK
// (one client per service and region); tests implement them with fakes. Shapes are drctl's own, already
// normalised from the wire (regions parsed from ARNs, roles upper-cased), so actions never see SDK types.
// Every method takes the region to call explicitly: which region a call goes to is a safety decision.

export type Service = 'rds' | 'docdb' | 'elasticache' | 'route53' | 'cloudwatch';

export interface FailoverStateView {
  /** pending | switching-over | failing-over | cancelling (free text: the SDK enum is incomplete). */
  status: string;
  fromClusterArn?: string;
  toClusterArn?: string;
  isDataLossAllowed?: boolean;
}

export interface GlobalClusterMemberView {
  clusterArn: string;
  clusterId: string;
  region: string;
  isWriter: boolean;
  /** connected | pending-resync; undefined when the service did not say. */
  synchronizationStatus?: string;
}

export interface GlobalClusterView {
  id: string;
  arn?: string;
  /** available | modifying | failing-over | ... (free text). */
  status: string;
  engine?: string;
  engineVersion?: string;
  /** Aurora's global writer endpoint; DocumentDB has none. */
  endpoint?: string;
  members: GlobalClusterMemberView[];
  /** Present only while a switchover or failover is scheduled or under way. */
  failoverState?: FailoverStateView;
}

export interface DbClusterView {
  id: string;
  arn: string;
  region: string;
  status: string;
  engine?: string;
  engineVersion?: string;
  endpoint?: string;
  /** Number of DB instances; 0 means headless (cannot be promoted by a managed operation). */
  instanceCount: number;
}

/** Aurora (service 'rds') and DocumentDB (service 'docdb') share one shape. */
export interface GlobalClusterPort {
  readonly service: 'rds' | 'docdb';
  describeGlobalCluster(region: string, globalClusterId: string): Promise<GlobalClusterView>;
  /** Every global cluster of this engine family that `region` knows (DescribeGlobalClusters, all pages). */
  listGlobalClusters(region: string): Promise<GlobalClusterView[]>;
  describeDbCluster(region: string, clusterIdOrArn: string): Promise<DbClusterView>;
  /** SwitchoverGlobalCluster: send to the current primary's region. */
  switchoverGlobalCluster(region: string, globalClusterId: string, targetClusterArn: string): Promise<GlobalClusterView>;
  /** FailoverGlobalCluster with AllowDataLoss=true: send to the target's region. */
  failoverGlobalCluster(region: string, globalClusterId: string, targetClusterArn: string): Promise<GlobalClusterView>;
  /** RemoveFromGlobalCluster: detach and promote the given member. */
  removeFromGlobalCluster(region: string, globalClusterId: string, clusterArn: string): Promise<GlobalClusterView>;
}

export interface GlobalDatastoreMemberView {
  replicationGroupId: string;
  region: string;
  /** PRIMARY | SECONDARY (upper-cased by the port). */
  role: string;
  /** Membership status, e.g. associated. */
  status?: string;
}

export interface GlobalDatastoreView {
  id: string;
  /** available | modifying | primary-only | creating | deleting (free text). */
  status: string;
  engine?: string;
  engineVersion?: string;
  members: GlobalDatastoreMemberView[];
}

export interface ReplicationGroupView {
  id: string;
  region: string;
  status: string;
  /** PRIMARY | SECONDARY when the group belongs to a global datastore. */
  globalRole?: string;
  /** Member cache cluster ids (the CloudWatch CacheClusterId dimension for lag). */
  memberClusters: string[];
}

export interface GlobalDatastorePort {
  describeGlobalDatastore(region: string, globalReplicationGroupId: string): Promise<GlobalDatastoreView>;
  /** Every global datastore `region` knows, with members (DescribeGlobalReplicationGroups, all pages). */
  listGlobalDatastores(region: string): Promise<GlobalDatastoreView[]>;
  describeReplicationGroup(region: string, replicationGroupId: string): Promise<ReplicationGroupView>;
  /** FailoverGlobalReplicationGroup: PrimaryRegion / PrimaryReplicationGroupId name the NEW primary. */
  failoverGlobalDatastore(
    region: string,
    globalReplicationGroupId: string,
    newPrimaryRegion: string,
    newPrimaryReplicationGroupId: string,
  ): Promise<GlobalDatastoreView>;
  disassociateGlobalDatastore(
    region: string,
    globalReplicationGroupId: string,
    replicationGroupId: string,
    replicationGroupRegion: string,
  ): Promise<GlobalDatastoreView>;
}

export interface HealthCheckView {
  id: string;
  version: number;
  type: string;
  inverted: boolean;
  disabled: boolean;
  failureThreshold?: number;
  requestIntervalSeconds?: number;
  fqdn?: string;
  ipAddress?: string;
  checkerRegions?: string[];
}

export interface HealthObservationView {
  /** The health checker's region. */
  region: string;
  ipAddress?: string;
  /** The raw status text, e.g. "Success: HTTP Status Code 200, OK". */
  status: string;
  /** Parsed from the "Success:" / "Failure:" prefix only. */
  healthy: boolean;
  checkedAt?: Date;
}

export interface RecordSetView {
  name: string;
  type: string;
  setIdentifier?: string;
  weight?: number;
  failover?: 'PRIMARY' | 'SECONDARY';
  region?: string;
  ttl?: number;
  values: string[];
  aliasTarget?: { hostedZoneId: string; dnsName: string; evaluateTargetHealth: boolean };
  healthCheckId?: string;
}

export interface RecordChange {
  action: 'UPSERT' | 'CREATE' | 'DELETE';
  record: RecordSetView;
}

export interface ChangeView {
  id: string;
  status: 'PENDING' | 'INSYNC';
  submittedAt?: Date;
}

export interface Route53Port {
  getHealthCheck(healthCheckId: string): Promise<HealthCheckView>;
  /** Every health check of the account (ListHealthChecks, all pages). */
  listHealthChecks(): Promise<HealthCheckView[]>;
  getHealthCheckStatus(healthCheckId: string): Promise<HealthObservationView[]>;
  /** Guarded by HealthCheckVersion: fails with aws.version-mismatch when someone else changed it. */
  updateHealthCheck(
    healthCheckId: string,
    expectedVersion: number,
    change: { inverted?: boolean; disabled?: boolean },
  ): Promise<HealthCheckView>;
  changeRecordSets(hostedZoneId: string, changes: RecordChange[], comment?: string): Promise<ChangeView>;
  getChange(changeId: string): Promise<ChangeView>;
  listRecordSets(hostedZoneId: string, name: string, type: string): Promise<RecordSetView[]>;
}

export interface MetricQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: 'Maximum' | 'Average' | 'Minimum';
  periodSeconds: number;
  start: Date;
  end: Date;
}

export interface MetricPoint {
  timestamp: Date;
  value: number;
}

export interface MetricsPort {
  /** Newest first. An empty list means no data (normal when asking the wrong region). */
  getMetricSeries(region: string, query: MetricQuery): Promise<MetricPoint[]>;
}

export interface AwsPorts {
  rds: GlobalClusterPort;
  docdb: GlobalClusterPort;
  elasticache: GlobalDatastorePort;
  route53: Route53Port;
  cloudwatch: MetricsPort;
}

/** One SDK call, reported by src/aws so the run journal can count and time every call. */
export interface ApiCallRecord {
  service: Service;
  region: string;
  operation: string;
  mutating: boolean;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  errorCode?: string;
  requestId?: string;
  attempts?: number;
}

/** API calls reported by src/aws, recorded as `api.call` events in the run's sequence. */
export interface ApiCallSource {
  listen(listener: (call: ApiCallRecord) => void): () => void;
}

export function regionFromArn(arn: string): string | undefined {
  // arn:partition:service:region:account:resource
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? parts[3] || undefined : undefined;
}

export function isMutatingOperation(operation: string): boolean {
  return !/^(Describe|Get|List)/.test(operation);
}
