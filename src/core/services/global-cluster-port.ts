// The port of a global database: Aurora (service rds) and DocumentDB (service docdb) share it. SDK-free,
// normalised shapes; every method takes the region to call explicitly (which region a call goes to is a
// safety decision).
import type { Access } from './contract';

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

/** What both engines declare about their port and operations. */
export const GLOBAL_CLUSTER_METHODS = {
  describeGlobalCluster: 'read',
  listGlobalClusters: 'read',
  describeDbCluster: 'read',
  switchoverGlobalCluster: 'mutate',
  failoverGlobalCluster: 'mutate',
  removeFromGlobalCluster: 'mutate',
} as const satisfies Record<string, Access>;

export const GLOBAL_CLUSTER_OPERATIONS = {
  DescribeGlobalClusters: 'read',
  DescribeDBClusters: 'read',
  SwitchoverGlobalCluster: 'mutate',
  FailoverGlobalCluster: 'mutate',
  RemoveFromGlobalCluster: 'mutate',
} as const satisfies Record<string, Access>;
