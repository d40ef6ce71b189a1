// AWS restJson1 as the generated SDK clients speak it, for the few operations drctl sends without an SDK
// package: URI labels and query members, a JSON answer, and errors named by the x-amzn-errortype header
// (else the body's `code` or `__type`) with `Message` or `message`. Errors come out shaped like the SDK's
// (name, $fault, $metadata), so classify.ts and the call recorder read them as they read any other.
import { extendedEncodeURIComponent, loadRestJsonErrorCode } from '@smithy/core/protocols';
import type { WireResponse } from './http';

export interface RestOperation {
  /** The API operation, e.g. DescribeCluster: what the guard and the recorder see. */
  name: string;
  method: 'GET';
  /** '/cluster/{ClusterArn}': each {Member} is that input member, encoded as one path segment. */
  path: string;
  /** Input members sent as query parameters of the same name, when given. */
  query?: readonly string[];
}

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/**
 * A URI label or query value, percent-encoded as the SDK does it (smithy's own extendedEncodeURIComponent:
 * encodeURIComponent, plus ! ' ( ) *). A label is not greedy, so an ARN's ':' and '/' are encoded (%3A,
 * %2F). How AWS decodes them is not documented (AWS-API-2.md §6.6, UNCONFIRMED); this is what the SDK sends.
 */
const encodeLabel = extendedEncodeURIComponent;

export function resolvePath(operation: RestOperation, input: Readonly<Record<string, unknown>>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_label, member: string) => {
    const value = input[member];
    if (typeof value !== 'string' || value.length === 0) throw new Error(`bug: ${operation.name} needs ${member} for its path`);
    return encodeLabel(value);
  });
}

export function queryOf(operation: RestOperation, input: Readonly<Record<string, unknown>>): Record<string, string> {
  const entries = (operation.query ?? []).flatMap((member) => {
    const value = input[member];
    return value === undefined || value === null ? [] : [[member, String(value)] as const];
  });
  return Object.fromEntries(entries);
}

export function queryString(query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeLabel(name)}=${encodeLabel(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function metadataOf(response: WireResponse): ResponseMetadata {
  const requestId = response.headers['x-amzn-requestid'];
  return { httpStatusCode: response.status, ...(typeof requestId === 'string' ? { requestId } : {}) };
}

/** An error as the SDK raises it: classify.ts reads name, message, $fault and $metadata. */
export class RestJsonError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: ResponseMetadata;

  constructor(name: string, message: string, metadata: ResponseMetadata, members: Readonly<Record<string, unknown>> = {}) {
    super(message);
    Object.assign(this, members);
    this.name = name;
    this.$fault = metadata.httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = metadata;
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body || '{}');
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A 2xx answer: its JSON object, or the error the SDK raises for a body it cannot read. */
export function successOutput(response: WireResponse): Record<string, unknown> {
  const parsed = parseJson(response.body);
  if (!isObject(parsed)) {
    // "Deserialization error" is what classify.ts recognises as an answer drctl cannot read.
    throw new RestJsonError('Error', 'Deserialization error: the answer is not a JSON object', metadataOf(response));
  }
  return parsed;
}

const OWN_FIELDS = new Set(['name', 'message', 'stack', 'cause', 'code']);

/** A non-2xx answer as the service's error; its members (resourceId, retryAfterSeconds...) kept. */
export function errorOf(response: WireResponse): RestJsonError {
  const metadata = metadataOf(response);
  const parsed = parseJson(response.body);
  const body = isObject(parsed) ? parsed : {};
  // The SDK's own reading: the x-amzn-errortype header, else the body's code or __type, sanitized.
  const code: string | undefined = loadRestJsonErrorCode({ statusCode: response.status, headers: response.headers as Record<string, string>, body: response.body }, body);
  if (code === undefined) {
    return new RestJsonError('Error', `Deserialization error: an HTTP ${response.status} answer without an error code`, metadata);
  }
  const said = [body.Message, body.message].find((value): value is string => typeof value === 'string') ?? '';
  // The modelled members (resourceId, retryAfterSeconds...), never one that would shadow the error's own.
  const members = Object.fromEntries(Object.entries(body).filter(([key]) => /^[a-z]\w*$/i.test(key) && !OWN_FIELDS.has(key.toLowerCase())));
  return new RestJsonError(code, said, metadata, members);
}
