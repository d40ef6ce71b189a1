// One SDK client per (service, region), or per endpoint for a service whose calls name their endpoint (ARC's
// cluster endpoints), made on first use and kept. Every client gets the same retry
// strategy, timeouts, user agent, credentials and drctl's middleware; nothing else in drctl makes clients.
import { SDK_RETRY } from '../core/retry-policy';
import { VERSION } from '../core/version';
import { AWS_SERVICES } from './catalogue';
import { CallLimiter } from './call-limiter';
import { installMiddleware } from './middleware';
import type { ApiCallRecord } from '../core/api-calls';
import type { ServiceErrorCodes } from './classify';
import type { Service } from '../core/services/catalogue';
import { interop, loadSdkModule, type SdkClient, type SdkModule } from './sdk-modules';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsOptions {
  /** A named profile; otherwise the standard chain (env, AWS_PROFILE, SSO, IMDS...) decides. */
  profile?: string;
  /** The region the CLI was given; picks the partition of global services (Route 53). */
  region?: string;
  /** One endpoint for every service, e.g. the simulator or moto_server. */
  endpointUrl?: string;
  /** Per-service endpoints; win over endpointUrl. */
  endpoints?: Partial<Record<Service, string>>;
  /** Static credentials (the simulator); otherwise the standard credential chain. */
  credentials?: StaticCredentials;
  /** Attempts per read, first one included (standard retry mode). Default SDK_RETRY.read. Mutating calls get one. */
  maxAttempts?: number;
  /** Refuse every operation that is not Describe*, Get* or List* (dry run). */
  readOnly: boolean;
  onCall?: (record: ApiCallRecord) => void;
  /** Tokens appended to the SDK's user agent after drctl/<version>, e.g. "ci/github-actions". */
  userAgent?: string;
  /**
   * Called as each port call starts; the returned function when it ends (SDK retries included). A virtual
   * clock (--sim) holds time still while a call is in flight over loopback to the simulator.
   */
  holdClock?: () => () => void;
  /** The run's clock for the times of recorded calls (simulated under --sim); the real clock otherwise. */
  clockNow?: () => number;
  /**
   * In [0, 1): the order in which a service's regional endpoints are tried (ARC's cluster endpoints, in a
   * shuffled order as AWS advises). Drawn from the world's seed under --sim, so a run replays exactly.
   */
  random?: () => number;
}

export interface ServiceHandle {
  client: SdkClient;
  sdk: SdkModule['exports'];
  region: string;
}

// Fail fast when a region is down: an on-call engineer must not wait minutes for a dead endpoint.
// throwOnRequestTimeout makes requestTimeout an error rather than a logged warning.
export const REQUEST_HANDLER = { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true };
/**
 * AWS calls in flight at once per run, over every service and region: enough for 200 steps polling every
 * 5 s at a few hundred ms a call, well under AWS's request rate limits, and it keeps a 200-store run
 * under 200 MB (bench: memory).
 */
export const DEFAULT_CALLS_IN_FLIGHT = 16;

/** drctl/<version>, then the caller's own tokens ("ci/github-actions"), as the SDK's [name, version] pairs. */
export function userAgentPairs(extra: string | undefined): Array<[string, string?]> {
  const tokens = (extra ?? '').split(/\s+/).filter(Boolean);
  return [['drctl', VERSION], ...tokens.map((token): [string, string?] => {
    const [name = token, version] = token.split('/', 2);
    return version === undefined ? [name] : [name, version];
  })];
}

export class ClientPool {
  private readonly handles = new Map<string, Promise<ServiceHandle>>();
  private readonly clients: SdkClient[] = [];
  private credentials?: Promise<unknown>;
  private readonly limiter = new CallLimiter(DEFAULT_CALLS_IN_FLIGHT);

  constructor(private readonly options: AwsOptions) {}

  /** Sends one call once fewer than the limit are in flight (in the order the calls were made). */
  send<T>(call: () => Promise<T>): Promise<T> {
    return this.limiter.run(call);
  }

  /** The region a call really goes to: the one asked for, except for global services. */
  regionFor(service: Service, region: string): string {
    return AWS_SERVICES[service].signingRegion?.(this.options.region) ?? region;
  }

  /**
   * The client for this service and region, loading the SDK package the first time it is needed. `endpoint`
   * is the call's own endpoint (one of ARC's cluster endpoints); --endpoint-url and --sim still win over it.
   * Mutating calls get a client of their own that never retries: a change whose answer was lost may have
   * taken effect, and the engine reads the state before anything is sent again (src/core/retry-policy.ts).
   */
  get(service: Service, region: string, endpoint?: string, access: 'read' | 'mutating' = 'read'): Promise<ServiceHandle> {
    const signingRegion = this.regionFor(service, region);
    const key = `${service}/${signingRegion}${endpoint === undefined ? '' : `/${endpoint}`}/${access}`;
    let handle = this.handles.get(key);
    if (!handle) {
      handle = this.create(service, signingRegion, endpoint, access);
      // A failed load is not cached: the next call tries again.
      const made = handle;
      made.catch(() => this.handles.get(key) === made && this.handles.delete(key));
      this.handles.set(key, handle);
    }
    return handle;
  }

  /** The service's own wire codes by kind, for classifying its failures. */
  errorCodes(service: Service): ServiceErrorCodes {
    return AWS_SERVICES[service].errorCodes ?? {};
  }

  /** The endpoints in the order to try them: shuffled (Fisher-Yates) with the injected random. */
  shuffle<T>(items: readonly T[]): T[] {
    const random = this.options.random ?? Math.random;
    const order = [...items];
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as T, order[index] as T];
    }
    return order;
  }

  /** Runs one port call, holding a virtual clock (if any) until it ends. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    const release = this.options.holdClock?.();
    try {
      return await call();
    } finally {
      release?.();
    }
  }

  close(): void {
    for (const client of this.clients.splice(0)) client.destroy();
    this.handles.clear();
  }

  private async create(service: Service, region: string, callEndpoint: string | undefined, access: 'read' | 'mutating'): Promise<ServiceHandle> {
    // The SDK warns on Node < 22 about its releases from 2027 on. drctl pins its SDK and supports Node 20,
    // so the eight-line warning would only land in the middle of an incident's live view. Set the SDK's own
    // switch unless the user chose otherwise.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const [module, credentials] = await Promise.all([loadSdkModule(service), this.sharedCredentials()]);
    const { options } = this;
    const endpoint = options.endpoints?.[service] ?? options.endpointUrl ?? callEndpoint;
    const client = new module.Client({
      region,
      credentials,
      ...(endpoint === undefined ? {} : { endpoint }),
      maxAttempts: access === 'mutating' ? SDK_RETRY.mutating.maximumAttempts : (AWS_SERVICES[service].maxAttempts ?? options.maxAttempts ?? SDK_RETRY.read.maximumAttempts),
      retryMode: 'standard',
      requestHandler: REQUEST_HANDLER,
      customUserAgent: userAgentPairs(options.userAgent),
    });
    installMiddleware(client, { service, region }, options);
    this.clients.push(client);
    return { client, sdk: module.exports, region };
  }

  /**
   * One credential provider for every client, so a profile with SSO, MFA or assume-role is resolved
   * once per run rather than once per service and region. It is the SDK's own default chain (the package
   * the clients themselves depend on), memoised and refreshed by the SDK.
   */
  private sharedCredentials(): Promise<unknown> {
    if (this.options.credentials) return Promise.resolve(this.options.credentials);
    this.credentials ??= import('@aws-sdk/credential-provider-node').then((namespace) =>
      interop(namespace, 'defaultProvider').defaultProvider(this.options.profile === undefined ? {} : { profile: this.options.profile }),
    );
    return this.credentials;
  }
}
