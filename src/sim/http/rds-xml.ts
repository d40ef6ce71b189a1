// RDS / DocumentDB shapes on the wire. The resource's engine decides the shape, as in AWS: DocumentDB
// global clusters have no Endpoint and no write forwarding, and its DB clusters no GlobalClusterIdentifier.
// List item names are the model's: GlobalClusters items are <GlobalClusterMember>, Readers items <member>.
import { seededUnit } from '../random';
import type { GlobalClusters } from '../world-global-clusters';
import type { DbCluster, GlobalCluster } from '../world-state';
import { type XmlObject, xmlList } from './xml';

function endpointHash(seed: number, region: string): string {
  return Math.floor(seededUnit(seed, 'endpoint', region) * 36 ** 10).toString(36).padStart(10, '0').slice(0, 10);
}

function clusterHost(cluster: DbCluster, seed: number, kind: 'cluster' | 'cluster-ro'): string {
  const domain = cluster.family === 'docdb' ? 'docdb.amazonaws.com' : 'rds.amazonaws.com';
  return `${cluster.id}.${kind}-${endpointHash(seed, cluster.region)}.${cluster.region}.${domain}`;
}

export function globalClusterXml(global: GlobalCluster): XmlObject {
  const aurora = global.family === 'aurora';
  const secondaries = global.members.filter((member) => !member.isWriter).map((member) => member.clusterArn);
  const state = global.failoverState;
  return {
    GlobalClusterIdentifier: global.id,
    GlobalClusterResourceId: global.resourceId,
    GlobalClusterArn: global.arn,
    Status: global.status,
    Engine: global.engine,
    EngineVersion: global.engineVersion,
    EngineLifecycleSupport: aurora ? 'open-source-rds-extended-support' : undefined,
    StorageEncrypted: true,
    DeletionProtection: false,
    GlobalClusterMembers: xmlList(
      'GlobalClusterMember',
      global.members.map((member) => ({
        DBClusterArn: member.clusterArn,
        Readers: xmlList('member', member.isWriter ? secondaries : []),
        IsWriter: member.isWriter,
        GlobalWriteForwardingStatus: aurora ? 'disabled' : undefined,
        SynchronizationStatus: member.synchronizationStatus,
      })),
    ),
    Endpoint: aurora ? `${global.id}.global-${endpointHash(0, global.id)}.global.rds.amazonaws.com` : undefined,
    FailoverState: state && {
      Status: state.status,
      FromDbClusterArn: state.fromClusterArn || undefined,
      ToDbClusterArn: state.toClusterArn,
      IsDataLossAllowed: state.isDataLossAllowed,
    },
  };
}

export function dbClusterXml(cluster: DbCluster, model: GlobalClusters, seed: number): XmlObject {
  const global = cluster.globalClusterId ? model.globals.get(cluster.globalClusterId) : undefined;
  const member = global?.members.find((candidate) => candidate.clusterArn === cluster.arn);
  const isWriter = !global || member?.isWriter === true;
  const writer = global ? model.writerOf(global) : undefined;
  return {
    DBClusterIdentifier: cluster.id,
    DBClusterArn: cluster.arn,
    DbClusterResourceId: cluster.resourceId,
    Status: cluster.status,
    Engine: cluster.engine,
    EngineVersion: cluster.engineVersion,
    Endpoint: clusterHost(cluster, seed, 'cluster'),
    ReaderEndpoint: clusterHost(cluster, seed, 'cluster-ro'),
    Port: cluster.family === 'docdb' ? 27017 : 5432,
    MultiAZ: cluster.instanceIds.length > 1,
    StorageEncrypted: true,
    DeletionProtection: false,
    ClusterCreateTime: new Date(cluster.createdAt),
    GlobalClusterIdentifier: cluster.family === 'aurora' ? cluster.globalClusterId : undefined,
    ReplicationSourceIdentifier: !isWriter && writer ? writer.arn : undefined,
    DBClusterMembers: xmlList(
      'DBClusterMember',
      cluster.instanceIds.map((instanceId, index) => ({
        DBInstanceIdentifier: instanceId,
        IsClusterWriter: isWriter && index === 0,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: 1,
      })),
    ),
  };
}
