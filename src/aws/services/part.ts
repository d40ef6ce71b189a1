// What src/aws adds to a service of the catalogue (src/core/services): how to load its SDK package and how
// to build its port over that package's client.
import type { AwsPorts, Service } from '../../core/services/catalogue';
import type { ServiceErrorCodes } from '../classify';
import type { ClientPool } from '../client-pool';

export interface AwsServicePart<S extends Service> {
  /** The SDK package, as a literal import() of its own: esbuild gives each client a chunk of its own. */
  load(): Promise<object>;
  /** The package's client class, e.g. RDSClient. */
  client: string;
  createPort(pool: ClientPool): AwsPorts[S];
  /** A global service's signing region, from the CLI's region (Route 53: us-east-1 in the aws partition). */
  signingRegion?(cliRegion: string | undefined): string;
  /** Attempts per call when the service's own answer is to try another endpoint (ARC): rotation is the retry. */
  maxAttempts?: number;
  /** Its own wire codes by kind, beside those every service shares (src/aws/classify.ts). */
  errorCodes?: ServiceErrorCodes;
}
