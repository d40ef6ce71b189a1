// The drctl error every port raises for an AWS failure. It keeps the wire code so actions can branch on
// it (e.g. InvalidGlobalClusterStateFault) and carries a hint an on-call engineer can act on.
import { DrctlError, ExitCode } from '../core/errors';
import type { Service } from '../core/services/catalogue';

export type AwsErrorKind =
  | 'not-found'
  | 'invalid-state'
  | 'version-mismatch'
  | 'access-denied'
  | 'throttled'
  | 'unreachable'
  | 'invalid-request'
  | 'read-only'
  | 'service';

export interface AwsErrorDetails {
  kind: AwsErrorKind;
  service: Service;
  region: string;
  operation: string;
  /** The wire code, e.g. InvalidGlobalClusterStateFault; undefined for network failures. */
  awsCode?: string;
  httpStatus?: number;
  requestId?: string;
  /** The request may have reached AWS (reset after sending, timeout, 5xx): for a change, its outcome is unknown. */
  maybeSent?: boolean;
}

export class AwsError extends DrctlError {
  readonly details: AwsErrorDetails;
  constructor(details: AwsErrorDetails, message: string, hint: string, cause?: unknown) {
    super(`aws.${details.kind}`, message, hint, {
      exitCode: ExitCode.runFailed,
      retryable: details.kind === 'throttled' || details.kind === 'unreachable' || details.kind === 'service',
      outcomeUnknown: details.maybeSent === true,
      cause,
    });
    this.name = 'AwsError';
    this.details = details;
  }
}

export function isAwsError(error: unknown, kind?: AwsErrorKind): error is AwsError {
  return error instanceof AwsError && (kind === undefined || error.details.kind === kind);
}
