// Amazon RDS, for Aurora global databases.
import * as z from 'zod';
import { defineService, describeResource } from './contract';
import { GLOBAL_CLUSTER_METHODS, GLOBAL_CLUSTER_OPERATIONS, type GlobalClusterPort } from './global-cluster-port';
import { regionsHint } from './resource-fields';

export const AuroraGlobal = z.strictObject({
  type: z.literal('aurora-global'),
  globalClusterId: z.string().min(1),
  regions: regionsHint,
  description: z.string().optional(),
});

export const rds = defineService<GlobalClusterPort>()({
  id: 'rds',
  title: 'RDS',
  iamPrefix: 'rds',
  plane: 'control',
  scope: 'regional',
  methods: GLOBAL_CLUSTER_METHODS,
  operations: GLOBAL_CLUSTER_OPERATIONS,
  resources: [AuroraGlobal],
  resourceInfo: {
    ...describeResource(AuroraGlobal, {
      one: 'Aurora global cluster',
      many: 'Aurora global clusters',
      id: (resource) => resource.globalClusterId,
      listCommand: (_resource, region) => `aws rds describe-global-clusters --region ${region} --query "GlobalClusters[].GlobalClusterIdentifier"`,
    }),
  },
});
