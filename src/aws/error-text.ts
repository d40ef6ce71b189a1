// What each AwsError kind says: a message naming the service, operation, region and resource, and a hint
// that tells an on-call engineer what to do next. Kept apart from classify.ts, which decides the kind.
import type { AwsErrorKind } from './aws-error';
import { serviceContract, type Service } from '../core/services/catalogue';

/** What a port was doing when the error happened. */
export interface CallTarget {
  service: Service;
  region: string;
  /** The API operation, without "Command". */
  operation: string;
  /** For people, e.g. "global cluster shop-orders". */
  resource: string;
}

/**
 * @param label what goes in brackets: the wire code, a network code or the HTTP status
 * @param said the service's own words, already redacted
 */
export function explain(kind: AwsErrorKind, target: CallTarget, label?: string, said = ''): { message: string; hint: string } {
  const { region, resource, operation } = target;
  const service = serviceContract(target.service);
  const call = `${service.title} ${operation} in ${region}`;
  const code = label ? ` (${label})` : '';
  const words = said ? `: ${said}` : '';
  switch (kind) {
    case 'not-found':
      return {
        message: `${call}: ${resource} was not found${code}`,
        hint: `Check the identifier in the runbook, and that ${region} and the account (--profile) are the ones you mean.`,
      };
    case 'invalid-state':
      return {
        message: `${call}: ${resource} is not in a state that allows this${code}${words}`,
        hint: `Run \`drctl status\` to see what it is doing; wait for any operation under way to finish, then run again.`,
      };
    case 'version-mismatch':
      return {
        message: `${call}: ${resource} was changed by someone else since drctl read it${code}`,
        hint: 'Someone else updated it at the same time. Check who did, then run again: drctl reads the new version first.',
      };
    case 'access-denied':
      return {
        // A credential provider failing means drctl never got as far as asking AWS.
        message: /ProviderError$/.test(label ?? '')
          ? `${call}: no usable AWS credentials to call it for ${resource}${code}${words}`
          : `${call}: access denied for ${resource}${code}${words}`,
        hint:
          'Check the credentials drctl uses: pass --profile or set AWS_PROFILE, run `aws sso login` if the session ' +
          `expired, and make sure the role allows ${service.iamPrefix}:${operation}.`,
      };
    case 'throttled':
      return {
        message: `${call}: throttled by AWS for ${resource}, still refused after the SDK's retries${code}`,
        hint: 'Another tool may be calling the same API. Wait a minute, then run again (`drctl resume` continues a run).',
      };
    case 'unreachable':
      return {
        message: `${call}: the ${region} endpoint did not answer for ${resource}${code}`,
        hint:
          `Check the network and --endpoint-url. If the ${region} region is down, use an unplanned failover ` +
          '(AllowDataLoss) sent to the target region, not a switchover.',
      };
    case 'invalid-request':
      return {
        message: `${call}: AWS rejected the request for ${resource}${code}${words}`,
        hint: 'Check the parameters in the runbook for this resource; if they look right, this may be a drctl bug.',
      };
    case 'service':
      return {
        message: `${call}: AWS failed on its side for ${resource}${code}${words}`,
        hint: `Run again in a moment. If it persists, check the AWS Health Dashboard for ${region}.`,
      };
    case 'read-only':
      return {
        message: `${call} refused: drctl is in read-only mode (dry run) and ${operation} changes AWS`,
        hint:
          'Read-only mode allows only Describe*, Get* and List* calls. Use `drctl run` to make changes; ' +
          'if `drctl plan` got here, that is a drctl bug: please report it.',
      };
  }
}
