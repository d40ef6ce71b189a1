// The application's own endpoints, probed over HTTP(S): the one port that is not an AWS service. A probe
// is real I/O (a local server, the simulator's regional endpoints, the application itself); the caller
// owns the timing (per-attempt timeout, the wait between attempts) on its injected clock.
import * as z from 'zod';
import { Region } from './services/resource-fields';

export interface ProbeRequest {
  url: string;
  /** The attempt's limit; the port ends the request after it (in real time too, so nothing hangs). */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ProbeAnswer {
  /** The HTTP status; undefined when no answer came (refused, reset, timed out). */
  status?: number;
  /** The start of the body (at most BODY_LIMIT characters): enough to match a pattern against. */
  body: string;
  /** Why there was no answer, e.g. "connection refused", "timed out after 5s". */
  error?: string;
}

/** Route 53's string-matching health checks read the first 5,120 bytes of the body; so does drctl. */
export const BODY_LIMIT = 5_120;

export interface HttpProbePort {
  get(request: ProbeRequest): Promise<ProbeAnswer>;
}

export const HttpEndpoint = z.strictObject({
  type: z.literal('http-endpoint'),
  url: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { message: 'is not an http:// or https:// URL' })
    .meta({ description: 'What to GET, e.g. https://api.shop.example.com/health.' }),
  region: Region.optional().meta({ description: 'The region this URL reaches. Leave it out for a name that DNS routes to the serving region.' }),
  description: z.string().optional(),
});
export type HttpEndpoint = z.infer<typeof HttpEndpoint>;
