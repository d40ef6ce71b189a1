// DocumentDB global clusters: RDS's operations in the DocDB SDK package.
import { createGlobalClusterPort } from './global-cluster';
import type { AwsServicePart } from './part';

export const docdbSdk: AwsServicePart<'docdb'> = {
  load: () => import('@aws-sdk/client-docdb'),
  client: 'DocDBClient',
  createPort: (pool) => createGlobalClusterPort('docdb', pool),
};
