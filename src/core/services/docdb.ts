// Amazon DocumentDB global clusters: RDS's API shape, its own SDK package, RDS's IAM namespace.
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { GLOBAL_CLUSTER_METHODS, GLOBAL_CLUSTER_OPERATIONS, type GlobalClusterPort } from './global-cluster-port';
import { regionsHint } from './resource-fields';

export const DocdbGlobal = z.strictObject({
  type: z.literal('docdb-global'),
  globalClusterId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});

export const docdb = defineService<GlobalClusterPort>()({
  id: 'docdb',
  title: 'DocumentDB',
  iamPrefix: 'rds',
  plane: 'control',
  scope: 'regional',
  methods: GLOBAL_CLUSTER_METHODS,
  operations: GLOBAL_CLUSTER_OPERATIONS,
  resources: [DocdbGlobal],
  resourceInfo: {
    ...describeResource(DocdbGlobal, {
      one: 'DocumentDB global cluster',
      many: 'DocumentDB global clusters',
      id: (resource) => resource.globalClusterId,
      listCommand: (_resource, region) => `aws docdb describe-global-clusters --region ${region} --query "GlobalClusters[].GlobalClusterIdentifier"`,
    }),
  },
});
