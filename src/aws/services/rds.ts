// Aurora global databases through the RDS SDK package.
import { createGlobalClusterPort } from './global-cluster';
import type { AwsServicePart } from './part';

export const rdsSdk: AwsServicePart<'rds'> = {
  load: () => import('@aws-sdk/client-rds'),
  client: 'RDSClient',
  createPort: (pool) => createGlobalClusterPort('rds', pool),
};
