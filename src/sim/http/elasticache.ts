// The ElastiCache endpoint (awsQuery, Version 2015-02-02). DescribeGlobalReplicationGroups returns Members
// only with ShowMemberInfo=true, like AWS; FailoverGlobalReplicationGroup's PrimaryRegion and
// PrimaryReplicationGroupId name the NEW primary.
import type { SimFrontEnd } from './front-end';
import { SimFault } from '../sim-fault';
import type { SimWorld } from '../world';
import { memberClusterIds } from '../world-datastores';
import { regionShortName } from '../../core/regions';
import { SIM_ACCOUNT } from '../world-global-clusters';
import type { GlobalDatastore, ReplicationGroup } from '../world-state';
import { ELASTICACHE_NAMESPACE, QueryParams, queryError, querySuccess } from './query';
import { handlerFor, paginate, type Routed, type SimRequest } from './wire';
import { type XmlObject, xmlList } from './xml';

type Handler = (params: QueryParams, request: SimRequest, world: SimWorld) => XmlObject;

function datastoreXml(datastore: GlobalDatastore, withMembers: boolean): XmlObject {
  return {
    GlobalReplicationGroupId: datastore.id,
    GlobalReplicationGroupDescription: `drctl simulator global datastore ${datastore.id}`,
    Status: datastore.status,
    CacheNodeType: datastore.cacheNodeType,
    Engine: datastore.engine,
    EngineVersion: datastore.engineVersion,
    Members: withMembers
      ? xmlList(
          'GlobalReplicationGroupMember',
          datastore.members.map((member) => ({
            ReplicationGroupId: member.replicationGroupId,
            ReplicationGroupRegion: member.region,
            Role: member.role,
            AutomaticFailover: 'enabled',
            Status: member.status,
          })),
        )
      : undefined,
    ClusterEnabled: false,
    AuthTokenEnabled: false,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    ARN: `arn:aws:elasticache::${SIM_ACCOUNT}:globalreplicationgroup:${datastore.id}`,
  };
}

function replicationGroupXml(group: ReplicationGroup, world: SimWorld): XmlObject {
  const datastore = group.globalDatastoreId ? world.datastores.datastores.get(group.globalDatastoreId) : undefined;
  const role = datastore?.members.find((member) => member.replicationGroupId === group.id && member.region === group.region)?.role;
  const host = (kind: string) => `${kind}.${group.id}.abc123.${regionShortName(group.region)}.cache.amazonaws.com`;
  const members = memberClusterIds(group);
  return {
    ReplicationGroupId: group.id,
    Description: `drctl simulator replication group ${group.id}`,
    // "primary or secondary": lower case, so clients must compare case-insensitively as AWS-API.md advises.
    GlobalReplicationGroupInfo:
      datastore && role ? { GlobalReplicationGroupId: datastore.id, GlobalReplicationGroupMemberRole: role.toLowerCase() } : undefined,
    Status: group.status,
    MemberClusters: xmlList('ClusterId', members),
    NodeGroups: xmlList('NodeGroup', [
      {
        NodeGroupId: '0001',
        Status: group.status,
        PrimaryEndpoint: { Address: host('master'), Port: 6379 },
        ReaderEndpoint: { Address: host('replica'), Port: 6379 },
        NodeGroupMembers: xmlList(
          'NodeGroupMember',
          members.map((cacheClusterId, index) => ({
            CacheClusterId: cacheClusterId,
            CacheNodeId: '0001',
            PreferredAvailabilityZone: `${group.region}${'abc'[index % 3]}`,
            CurrentRole: index === 0 ? 'primary' : 'replica',
          })),
        ),
      },
    ]),
    AutomaticFailover: 'enabled',
    MultiAZ: 'enabled',
    ClusterEnabled: false,
    CacheNodeType: datastore?.cacheNodeType ?? 'cache.r7g.large',
    ARN: `arn:aws:elasticache:${group.region}:${SIM_ACCOUNT}:replicationgroup:${group.id}`,
  };
}

const handlers: Record<string, Handler> = {
  DescribeGlobalReplicationGroups(params, _request, world) {
    const id = params.get('GlobalReplicationGroupId');
    const all = id ? [world.datastores.datastore(id)] : [...world.datastores.datastores.values()];
    const { page, next } = paginate(all, params.get('Marker'), params.int('MaxRecords'));
    const withMembers = params.bool('ShowMemberInfo') === true;
    return { Marker: next, GlobalReplicationGroups: xmlList('GlobalReplicationGroup', page.map((datastore) => datastoreXml(datastore, withMembers))) };
  },

  DescribeReplicationGroups(params, request, world) {
    const id = params.get('ReplicationGroupId');
    const all = id ? [world.datastores.group(request.region, id)] : world.datastores.groupsIn(request.region);
    const { page, next } = paginate(all, params.get('Marker'), params.int('MaxRecords'));
    return { Marker: next, ReplicationGroups: xmlList('ReplicationGroup', page.map((group) => replicationGroupXml(group, world))) };
  },

  FailoverGlobalReplicationGroup(params, request, world) {
    const datastore = world.datastores.failover({
      region: request.region,
      id: params.required('GlobalReplicationGroupId'),
      newPrimaryRegion: params.required('PrimaryRegion'),
      newPrimaryGroupId: params.required('PrimaryReplicationGroupId'),
    });
    return { GlobalReplicationGroup: datastoreXml(datastore, true) };
  },

  DisassociateGlobalReplicationGroup(params, request, world) {
    const datastore = world.datastores.disassociate({
      region: request.region,
      id: params.required('GlobalReplicationGroupId'),
      groupId: params.required('ReplicationGroupId'),
      groupRegion: params.required('ReplicationGroupRegion'),
    });
    return { GlobalReplicationGroup: datastoreXml(datastore, true) };
  },
};

/** awsQuery, Version 2015-02-02, signed as elasticache. */
export const elastiCacheFrontEnd: SimFrontEnd = {
  accepts: (_request, facts) => facts.params.get('Version') === '2015-02-02' || facts.scope === 'elasticache',
  route: (request, facts, world) => routeElastiCache(request, facts.params, world),
};

export function routeElastiCache(request: SimRequest, params: URLSearchParams, world: SimWorld): Routed {
  const query = new QueryParams(params);
  const operation = query.get('Action') ?? '';
  return {
    service: 'elasticache',
    operation,
    resource: query.get('GlobalReplicationGroupId') ?? query.get('ReplicationGroupId') ?? '*',
    error: (fault, requestId) => queryError(fault, ELASTICACHE_NAMESPACE, requestId),
    handle(requestId) {
      const handler = handlerFor(handlers, operation);
      if (!handler) throw new SimFault('InvalidAction', `The action ${operation} is not valid for this web service.`);
      return querySuccess(operation, ELASTICACHE_NAMESPACE, handler(query, request, world), requestId);
    },
  };
}
