// The RDS / DocumentDB endpoint (awsQuery, Version 2014-10-31). Both services sign as `rds` and send the
// same actions to the same host. Which one is calling: a request to <endpoint>/docdb is DocumentDB; else
// the user agent says so (the JS SDK's `api/docdb`, the AWS CLI v2's `command/docdb.`); else the engine of
// the cluster named in the request. boto3 and the AWS CLI v1 send nothing that tells them apart, so a
// DocumentDB client of theirs must use <endpoint>/docdb (docs/simulator.md).
import { faults, SimFault } from '../sim-fault';
import type { SimWorld } from '../world';
import type { GlobalFamily } from '../world-state';
import { QueryParams, RDS_NAMESPACE, queryError, querySuccess } from './query';
import { dbClusterXml, globalClusterXml } from './rds-xml';
import type { SimFrontEnd } from './front-end';
import { handlerFor, headerText, paginate, type Routed, type SimRequest } from './wire';
import { type XmlObject, xmlList } from './xml';

type Handler = (params: QueryParams, request: SimRequest, world: SimWorld, service: 'rds' | 'docdb') => XmlObject;

const RESOURCE_PARAMS = ['GlobalClusterIdentifier', 'DBClusterIdentifier', 'DbClusterIdentifier'];

const handlers: Record<string, Handler> = {
  DescribeGlobalClusters(params, _request, world, service) {
    const model = world.globalClusters;
    const id = params.get('GlobalClusterIdentifier');
    // Each API describes its own engine's global clusters ("This action only applies to Amazon DocumentDB clusters").
    const family = service === 'docdb' ? 'docdb' : 'aurora';
    const named = id ? model.global(id) : undefined;
    if (named && named.family !== family) throw faults.globalClusterNotFound(id ?? '');
    let globals = named ? [named] : [...model.globals.values()].filter((global) => global.family === family);
    const filters = params.filters();
    const regions = filters.get('region');
    if (regions) {
      const inRegions = new Set(model.globalsWithMemberIn(regions));
      globals = globals.filter((global) => inRegions.has(global));
    }
    const clusterIds = filters.get('db-cluster-id');
    if (clusterIds) {
      globals = globals.filter((global) =>
        global.members.some((member) => {
          const cluster = model.clusterByArn(member.clusterArn);
          return clusterIds.includes(cluster.id) || clusterIds.includes(cluster.arn);
        }),
      );
    }
    const { page, next } = paginate(globals, params.get('Marker'), params.int('MaxRecords'));
    return { GlobalClusters: xmlList('GlobalClusterMember', page.map((global) => globalClusterXml(global))), Marker: next };
  },

  DescribeDBClusters(params, request, world) {
    const model = world.globalClusters;
    const id = params.get('DBClusterIdentifier');
    let clusters = id ? [model.cluster(id, request.region)] : model.clustersIn(request.region);
    // A cluster named by ARN lives in its own region: other regions do not know it.
    if (id && clusters[0]?.region !== request.region) throw faults.dbClusterNotFound(id);
    const filters = params.filters();
    const engines = filters.get('engine');
    if (engines) clusters = clusters.filter((cluster) => engines.includes(cluster.engine));
    const ids = filters.get('db-cluster-id');
    if (ids) clusters = clusters.filter((cluster) => ids.includes(cluster.id) || ids.includes(cluster.arn));
    const { page, next } = paginate(clusters, params.get('Marker'), params.int('MaxRecords'));
    return { DBClusters: xmlList('DBCluster', page.map((cluster) => dbClusterXml(cluster, model, world.core.seed))), Marker: next };
  },

  SwitchoverGlobalCluster(params, request, world) {
    const global = world.transitions.failover({
      region: request.region,
      operation: 'SwitchoverGlobalCluster',
      globalClusterId: params.required('GlobalClusterIdentifier'),
      target: params.required('TargetDbClusterIdentifier'),
    });
    return { GlobalCluster: globalClusterXml(global) };
  },

  FailoverGlobalCluster(params, request, world) {
    const global = world.transitions.failover({
      region: request.region,
      operation: 'FailoverGlobalCluster',
      globalClusterId: params.required('GlobalClusterIdentifier'),
      target: params.required('TargetDbClusterIdentifier'),
      allowDataLoss: params.bool('AllowDataLoss'),
      switchover: params.bool('Switchover'),
    });
    return { GlobalCluster: globalClusterXml(global) };
  },

  RemoveFromGlobalCluster(params, request, world) {
    const global = world.transitions.remove({
      region: request.region,
      globalClusterId: params.required('GlobalClusterIdentifier'),
      cluster: params.required('DbClusterIdentifier'),
    });
    return { GlobalCluster: globalClusterXml(global) };
  },
};

/** Which service is calling: the SDK says so in its user-agent; otherwise the named resource's engine. */
function serviceOf(request: SimRequest, params: QueryParams, world: SimWorld): 'rds' | 'docdb' {
  if (isDocDbPath(request.path)) return 'docdb';
  const agent = headerText(request.headers, 'user-agent');
  if (/\bapi\/docdb\b/.test(agent) || /\bcommand\/docdb\./.test(agent)) return 'docdb';
  if (/\bapi\/rds\b/.test(agent)) return 'rds';
  const familyToService = (family: GlobalFamily) => (family === 'docdb' ? 'docdb' : 'rds');
  const globalId = params.get('GlobalClusterIdentifier');
  const global = globalId ? world.globalClusters.globals.get(globalId) : undefined;
  if (global) return familyToService(global.family);
  const clusterId = params.get('DBClusterIdentifier') ?? params.get('DbClusterIdentifier');
  if (clusterId) {
    try {
      return familyToService(world.globalClusters.cluster(clusterId, request.region).family);
    } catch {
      return 'rds';
    }
  }
  const engines = params.filters().get('engine');
  return engines?.every((engine) => engine === 'docdb') ? 'docdb' : 'rds';
}

/** DocumentDB's own endpoint, for clients whose requests look exactly like RDS's. */
export const DOCDB_PATH = '/docdb';

function isDocDbPath(path: string): boolean {
  return path === DOCDB_PATH || path.startsWith(`${DOCDB_PATH}/`);
}

/** awsQuery, Version 2014-10-31, signed as rds (DocumentDB too). Also the router's fallback: it answers InvalidAction. */
export const rdsFrontEnd: SimFrontEnd = {
  accepts: (_request, facts) => facts.params.get('Version') === '2014-10-31' || facts.scope === 'rds',
  route: (request, facts, world) => routeRds(request, facts.params, world),
};

export function routeRds(request: SimRequest, params: URLSearchParams, world: SimWorld): Routed {
  const query = new QueryParams(params);
  const operation = query.get('Action') ?? '';
  const service = serviceOf(request, query, world);
  const resource = RESOURCE_PARAMS.map((name) => query.get(name)).find(Boolean) ?? '*';
  return {
    service,
    operation,
    resource,
    error: (fault, requestId) => queryError(fault, RDS_NAMESPACE, requestId),
    handle(requestId) {
      const handler = handlerFor(handlers, operation);
      if (!handler) throw new SimFault('InvalidAction', `The action ${operation} is not valid for this web service.`);
      return querySuccess(operation, RDS_NAMESPACE, handler(query, request, world, service), requestId);
    },
  };
}
