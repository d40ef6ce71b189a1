// A client for a restJson1 API whose SDK package drctl does not use (ARC's control plane: its package stops
// at a 2023 release with a dependency tree of its own). It takes the configuration the pool gives every SDK
// client (region, credentials, endpoint, maxAttempts, requestHandler's timeouts, customUserAgent) and
// has the SDK's middleware stack, so drctl's read-only guard and call recorder (middleware.ts) run on it
// exactly as on the others, and invoke.ts sends its commands by operation name. Requests are signed with
// SigV4 by the SDK's own signer and sent with node's http/https; reads are retried as in the standard
// mode (what the SDK's own classification calls throttling or transient), with its capped, jittered back-off.
import { constructStack } from '@smithy/core/client';
import { Sha256 } from '@smithy/core/checksum';
import { DEFAULT_RETRY_DELAY_BASE, isThrottlingError, isTransientError, MAXIMUM_RETRY_DELAY, THROTTLING_RETRY_DELAY_BASE } from '@smithy/core/retry';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, MiddlewareStack, Provider, SdkError } from '@smithy/types';
import { Agents, exchange, type HttpLimits } from './http';
import { errorOf, metadataOf, queryOf, queryString, resolvePath, type RestOperation, successOutput } from './protocol';

export interface RestJsonClientConfig {
  region: string;
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** --endpoint-url or --sim; the service's own endpoint otherwise. */
  endpoint?: string;
  maxAttempts?: number;
  requestHandler?: Partial<HttpLimits>;
  /** drctl/<version> and the caller's tokens, as [name, version] pairs. */
  customUserAgent?: ReadonlyArray<readonly [string, string?]>;
  /** The back-off between attempts (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What a service adds: its SigV4 signing name and the endpoint its calls go to. */
export interface RestJsonService {
  signingName: string;
  endpoint: string;
}

/** A command of one operation: what invoke.ts constructs from `<Operation>Command`. */
export class RestJsonCommand {
  constructor(
    readonly operation: RestOperation,
    readonly input: Readonly<Record<string, unknown>>,
  ) {}
}

/** `export const DescribeClusterCommand = commandFor({...})`: the class invoke.ts looks up by name. */
export function commandFor(operation: RestOperation) {
  return class extends RestJsonCommand {
    constructor(input: Readonly<Record<string, unknown>>) {
      super(operation, input);
    }
  };
}

const DEFAULT_LIMITS: HttpLimits = { connectionTimeout: 3_000, requestTimeout: 10_000 };
/** Which failures the standard mode retries, decided by the SDK's own classification (as for every other client). */
const isRetryable = (error: unknown): error is SdkError => error !== null && typeof error === 'object' && (isThrottlingError(error as SdkError) || isTransientError(error as SdkError));

export class RestJsonClient {
  readonly middlewareStack: MiddlewareStack<any, any> = constructStack();
  private readonly signer: SignatureV4;
  private readonly agents = new Agents();
  private readonly limits: HttpLimits;
  private readonly userAgent: string;

  constructor(
    /** As given (the pool's client configuration), like an SDK client's `config`. */
    readonly config: RestJsonClientConfig,
    private readonly service: RestJsonService,
  ) {
    this.signer = new SignatureV4({ service: service.signingName, region: config.region, credentials: config.credentials, sha256: Sha256 });
    this.limits = { ...DEFAULT_LIMITS, ...config.requestHandler };
    const tokens = (config.customUserAgent ?? []).map(([name, version]) => (version === undefined ? name : `${name}/${version}`));
    this.userAgent = [...tokens, `md/nodejs#${process.versions.node}`, `api/${service.signingName}`].join(' ');
  }

  /** Through the middleware stack (guard, recorder), then signed and sent, retried as the standard mode does. */
  async send(command: RestJsonCommand): Promise<unknown> {
    const context = { clientName: this.constructor.name, commandName: `${command.operation.name}Command` };
    const handler = this.middlewareStack.resolve(() => this.withRetries(command), context);
    const { output } = await handler({ input: command.input });
    return output;
  }

  destroy(): void {
    this.agents.destroy();
  }

  private async withRetries(command: RestJsonCommand): Promise<{ output: unknown; response: unknown }> {
    const maxAttempts = Math.max(1, this.config.maxAttempts ?? 3);
    const sleep = this.config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const output = await this.once(command);
        output.$metadata = { ...(output.$metadata as object), attempts: attempt, totalRetryDelay };
        return { output, response: {} };
      } catch (error) {
        const metadata = (error as { $metadata?: object }).$metadata;
        if (error !== null && typeof error === 'object') Object.assign(error, { $metadata: { ...metadata, attempts: attempt, totalRetryDelay } });
        if (attempt >= maxAttempts || !isRetryable(error)) throw error;
        // The standard mode's back-off: full jitter over 100 ms (500 ms when throttled) doubling, at most 20 s.
        const base = isThrottlingError(error) ? THROTTLING_RETRY_DELAY_BASE : DEFAULT_RETRY_DELAY_BASE;
        const delay = Math.floor((this.config.random ?? Math.random)() * Math.min(MAXIMUM_RETRY_DELAY, base * 2 ** attempt));
        totalRetryDelay += delay;
        await sleep(delay);
      }
    }
  }

  private async once(command: RestJsonCommand): Promise<Record<string, unknown>> {
    const { operation, input } = command;
    const base = new URL(this.config.endpoint ?? this.service.endpoint);
    // An endpoint with a path (a proxy's prefix) keeps it, as the SDK does.
    const path = `${base.pathname.replace(/\/$/, '')}${resolvePath(operation, input)}`;
    const query = queryOf(operation, input);
    const signed = await this.signer.sign({
      method: operation.method,
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      path,
      query,
      headers: { host: base.host, accept: 'application/json', 'user-agent': this.userAgent },
    });
    const url = new URL(`${base.origin}${path}${queryString(query)}`);
    const response = await exchange({ url, method: operation.method, headers: signed.headers }, this.limits, this.agents);
    if (response.status < 200 || response.status >= 300) throw errorOf(response);
    return { ...successOutput(response), $metadata: metadataOf(response) };
  }
}

