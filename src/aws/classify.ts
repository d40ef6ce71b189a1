// The one place that decides which AwsError kind an SDK, credential or network error is (error-text.ts
// words it). The wire code and request id stay on the error (details) so actions can branch on them.
import { AwsError, type AwsErrorKind } from './aws-error';
import { isMutatingOperation } from '../core/services/catalogue';
import { type CallTarget, explain } from './error-text';

export type { CallTarget } from './error-text';

const oneOf = (...codes: string[]) => new RegExp(`^(${codes.join('|')})$`);

// Matched against both the SDK class name and the wire code (they differ, e.g. ElastiCache's
// InvalidGlobalReplicationGroupStateFault arrives as InvalidGlobalReplicationGroupState). First match wins.
const KNOWN_CODES: Array<[AwsErrorKind, RegExp]> = [
  ['version-mismatch', oneOf('HealthCheckVersionMismatch')],
  [
    'throttled',
    // The SDK has already retried these; they reach drctl only once its attempts are spent.
    oneOf('Throttling', 'ThrottlingException', 'ThrottledException', 'PriorRequestNotComplete', 'RequestLimitExceeded',
      'TooManyRequestsException', 'APICallRateForCustomerExceeded(Fault)?', 'RequestThrottled(Exception)?', 'SlowDown',
      'LimitExceededException'),
  ],
  [
    'access-denied',
    oneOf('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ExpiredToken(Exception)?',
      'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'AuthFailure',
      'MissingAuthenticationToken(Exception)?', 'InvalidSignatureException', 'CredentialsProviderError', 'TokenProviderError'),
  ],
  [
    'not-found',
    oneOf('GlobalClusterNotFoundFault', 'DBClusterNotFoundFault', 'DBInstanceNotFound(Fault)?',
      'GlobalReplicationGroupNotFoundFault', 'ReplicationGroupNotFoundFault', 'NodeGroupNotFoundFault',
      'NoSuchHealthCheck', 'NoSuchHostedZone', 'NoSuchChange'),
  ],
  // InvalidGlobalClusterStateFault, InvalidDBClusterStateFault, InvalidGlobalReplicationGroupState, ...
  ['invalid-state', /^Invalid\w*State(Fault)?$/],
  [
    'invalid-request',
    oneOf('InvalidParameterValue(Exception)?', 'InvalidParameterCombination(Exception)?', 'InvalidInput',
      'InvalidChangeBatch', 'MissingParameter', 'ValidationError', 'InvalidNextToken'),
  ],
  ['service', oneOf('InternalFailure', 'InternalServiceError', 'InternalServiceFault', 'ServiceUnavailable(Exception)?', 'InternalError')],
];

/** A service's own wire codes by kind (its src/aws part), looked at before the codes every service shares. */
export type ServiceErrorCodes = Partial<Record<AwsErrorKind, readonly string[]>>;

function serviceKindOf(codes: ServiceErrorCodes, ...names: Array<string | undefined>): AwsErrorKind | undefined {
  const entry = Object.entries(codes).find(([, list]) => names.some((name) => name !== undefined && list?.includes(name)));
  return entry?.[0] as AwsErrorKind | undefined;
}

const NETWORK_CODES = /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/;
// These fail before a request can leave (no connection, no address): the service never saw it. Every
// other network failure (a reset or a timeout once connected) may come after AWS received the request.
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/;

/** The fields drctl reads from an SDK, credential-provider or Node network error. */
interface WireError {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Returns the AwsError for an AWS failure, or the error itself when it is not one (a bug keeps its stack).
 * An AwsError raised earlier (the read-only guard) passes through unchanged.
 */
export function classifyAwsError(error: unknown, target: CallTarget, serviceCodes: ServiceErrorCodes = {}): unknown {
  if (error instanceof AwsError || typeof error !== 'object' || error === null) return error;
  const wire = error as WireError;
  const awsCode = wireCode(wire);
  const networkCode = wire.code && NETWORK_CODES.test(wire.code) ? wire.code : undefined;
  const httpStatus = wire.$metadata?.httpStatusCode;
  const kind = serviceKindOf(serviceCodes, wire.name, awsCode) ?? kindOf(wire, awsCode, networkCode, httpStatus);
  if (!kind) return error;
  const { message, hint } = explain(kind, target, labelOf(wire, awsCode, networkCode, httpStatus), awsSaid(wire));
  const { service, region, operation } = target;
  // Only a change has an outcome to be unsure of; a read that failed just failed.
  const mayHaveLanded = kind === 'service' || (kind === 'unreachable' && !(networkCode && NEVER_SENT.test(networkCode)));
  const maybeSent = mayHaveLanded && isMutatingOperation(target.service, target.operation);
  const details = { kind, service, region, operation, awsCode, httpStatus, requestId: wire.$metadata?.requestId, ...(maybeSent ? { maybeSent } : {}) };
  return new AwsError(details, message, hint, error);
}

/** The code to journal for a failed call: the wire code, else the network code, else the error's name. */
export function errorCodeOf(error: unknown): string | undefined {
  if (error instanceof AwsError) return error.details.awsCode ?? error.code;
  if (typeof error !== 'object' || error === null) return undefined;
  const wire = error as WireError;
  const status = wire.$metadata?.httpStatusCode;
  return wireCode(wire) ?? wire.code ?? (status === undefined ? wire.name : `HTTP ${status}`);
}

/** What goes in brackets after the message: the wire code, or what is known when there is none. */
function labelOf(wire: WireError, awsCode?: string, networkCode?: string, httpStatus?: number): string | undefined {
  if (awsCode) return awsCode;
  if (networkCode) return networkCode;
  if (httpStatus !== undefined) return `HTTP ${httpStatus}`;
  return wire.name && wire.name !== 'Error' ? wire.name : undefined;
}

/** The service's own words, when it said something readable. */
function awsSaid(wire: WireError): string {
  const text = wire.message ?? '';
  // The SDK's parse failures quote broken markup (an HTML error page, a proxy) and say nothing useful.
  if (/Deserialization error/.test(text)) return 'the answer was not a response drctl can read';
  return redact(text);
}

/**
 * Only errors that came back from a service carry a wire code. The retry middleware adds $metadata
 * (attempts) to Node and credential errors too, so a response is recognised by its status or fault.
 */
function wireCode(wire: WireError): string | undefined {
  const fromService = wire.$fault !== undefined || wire.$metadata?.httpStatusCode !== undefined;
  // A body the SDK could not parse leaves the generic name "Error": that is no wire code.
  return wire.Code ?? (fromService && wire.name !== 'Error' ? wire.name : undefined);
}

/** The guard's refusal, raised before anything is signed or sent. */
export function readOnlyError(site: Omit<CallTarget, 'resource'>): AwsError {
  const { service, region, operation } = site;
  const { message, hint } = explain('read-only', { ...site, resource: '' });
  return new AwsError({ kind: 'read-only', service, region, operation }, message, hint);
}

function kindOf(
  wire: WireError,
  awsCode: string | undefined,
  networkCode: string | undefined,
  httpStatus: number | undefined,
): AwsErrorKind | undefined {
  for (const code of [wire.name, awsCode]) {
    const match = code ? KNOWN_CODES.find(([, pattern]) => pattern.test(code)) : undefined;
    if (match) return match[0];
  }
  if (networkCode || wire.name === 'TimeoutError' || /socket hang up/i.test(wire.message ?? '')) return 'unreachable';
  if (httpStatus === 429) return 'throttled';
  if (httpStatus === 403) return 'access-denied';
  if (httpStatus === 404) return 'not-found';
  if (httpStatus === 409) return 'version-mismatch';
  if ((httpStatus && httpStatus >= 500) || wire.$fault === 'server') return 'service';
  if ((httpStatus && httpStatus >= 400) || wire.$fault === 'client') return 'invalid-request';
  // A response the SDK could not read (e.g. 200 with a broken body): the service misbehaved, not drctl.
  if (httpStatus !== undefined) return 'service';
  return undefined;
}

/** AWS messages can quote a canonical request (signature errors); never let an access key id through. */
function redact(text: string): string {
  const cleaned = text.replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '<redacted>');
  return cleaned.length > 300 ? `${cleaned.slice(0, 300)}…` : cleaned;
}

/** An empty answer that means the resource does not exist (e.g. DescribeGlobalClusters returning no cluster). */
export function notFoundError(target: CallTarget): AwsError {
  const { service, region, operation } = target;
  const { message, hint } = explain('not-found', target);
  return new AwsError({ kind: 'not-found', service, region, operation }, message, hint);
}

/** A success answer without the field drctl needs: the service (or a simulator) misbehaved. */
export function incompleteAnswerError(target: CallTarget, missing: string): AwsError {
  const { service, region, operation } = target;
  const { message, hint } = explain('service', target, undefined, `the answer has no ${missing}`);
  return new AwsError({ kind: 'service', service, region, operation }, message, hint);
}

/** GetMetricData answers per query: a Forbidden or InternalError series fails that series only. */
export function seriesStatusError(target: CallTarget, statusCode: 'Forbidden' | 'InternalError'): AwsError {
  const { service, region, operation } = target;
  const kind = statusCode === 'Forbidden' ? 'access-denied' : 'service';
  const { message, hint } = explain(kind, target, statusCode);
  return new AwsError({ kind, service, region, operation, awsCode: statusCode }, message, hint);
}
