// The entry point of src/aws, the only code in drctl that imports the AWS SDK. Importing this module
// loads no SDK package: each one is loaded the first time a port calls its service.
import { createPorts } from './catalogue';
import { ClientPool, type AwsOptions } from './client-pool';
import { type AwsPorts, SERVICE_IDS } from '../core/services/catalogue';

export type { AwsOptions, StaticCredentials } from './client-pool';
export { AwsError, isAwsError, type AwsErrorDetails, type AwsErrorKind } from './aws-error';

/** A port per service of the catalogue, over real SDK clients. close() destroys the clients (and their sockets). */
export function createAwsPorts(options: AwsOptions): AwsPorts & { close(): void } {
  const pool = new ClientPool(options);
  return { ...createPorts(pool), close: () => pool.close() };
}

/**
 * Loads every SDK client package now, so that what is timed next (the bench) does not include loading.
 * Under --sim loading costs no simulated time anyway: a port call holds the virtual clock from its start.
 */
export async function preloadSdkModules(): Promise<void> {
  const { loadSdkModule } = await import('./sdk-modules');
  await Promise.all(SERVICE_IDS.map((service) => loadSdkModule(service)));
}

export { readSharedProfile, type SharedProfile } from './profile';
