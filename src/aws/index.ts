// The entry point of src/aws, the only code in drctl that imports the AWS SDK. Importing this module
// loads no SDK package: each one is loaded the first time a port calls its service.
import { ClientPool, type AwsOptions } from './client-pool';
import { createMetricsPort } from './cloudwatch';
import { createGlobalDatastorePort } from './elasticache';
import type { AwsPorts } from '../core/aws-ports';
import { createGlobalClusterPort } from './rds';
import { createRoute53Port } from './route53';

export type { AwsOptions, StaticCredentials } from './client-pool';
export { AwsError, isAwsError, type AwsErrorDetails, type AwsErrorKind } from './aws-error';
export * from '../core/aws-ports';

/** The five ports over real SDK clients. close() destroys the clients (and their sockets). */
export function createAwsPorts(options: AwsOptions): AwsPorts & { close(): void } {
  const pool = new ClientPool(options);
  return {
    rds: createGlobalClusterPort('rds', pool),
    docdb: createGlobalClusterPort('docdb', pool),
    elasticache: createGlobalDatastorePort(pool),
    route53: createRoute53Port(pool),
    cloudwatch: createMetricsPort(pool),
    close: () => pool.close(),
  };
}

/**
 * Loads every SDK client package now. Under --sim the clock is compressed, so the few hundred ms of
 * loading would count as seconds of outage; the simulator preloads before its clock starts.
 */
export async function preloadSdkModules(): Promise<void> {
  const { loadSdkModule } = await import('./sdk-modules');
  await Promise.all((['rds', 'docdb', 'elasticache', 'route53', 'cloudwatch'] as const).map((service) => loadSdkModule(service)));
}
