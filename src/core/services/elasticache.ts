// Amazon ElastiCache global datastores: the port, and what the service declares about itself.
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { regionsHint } from './resource-fields';

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
  /**
   * What applications connect to: the configuration endpoint (cluster mode enabled), else the first node
   * group's primary endpoint (AWS-API-2.md §5: a global datastore has no endpoint of its own).
   */
  endpoint?: string;
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

export const ElasticacheGlobal = z.strictObject({
  type: z.literal('elasticache-global'),
  globalReplicationGroupId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});

export const elasticache = defineService<GlobalDatastorePort>()({
  id: 'elasticache',
  title: 'ElastiCache',
  iamPrefix: 'elasticache',
  plane: 'control',
  scope: 'regional',
  methods: {
    describeGlobalDatastore: 'read',
    listGlobalDatastores: 'read',
    describeReplicationGroup: 'read',
    failoverGlobalDatastore: 'mutate',
    disassociateGlobalDatastore: 'mutate',
  },
  operations: {
    DescribeGlobalReplicationGroups: 'read',
    DescribeReplicationGroups: 'read',
    FailoverGlobalReplicationGroup: 'mutate',
    DisassociateGlobalReplicationGroup: 'mutate',
  },
  resources: [ElasticacheGlobal],
  resourceInfo: {
    ...describeResource(ElasticacheGlobal, {
      one: 'ElastiCache global datastore',
      many: 'ElastiCache global datastores',
      id: (resource) => resource.globalReplicationGroupId,
      listCommand: (_resource, region) => `aws elasticache describe-global-replication-groups --region ${region} --query "GlobalReplicationGroups[].GlobalReplicationGroupId"`,
    }),
  },
});
