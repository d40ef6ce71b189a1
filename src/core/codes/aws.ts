// Codes of AWS failures, one per kind (src/aws/classify.ts decides the kind; the message names the
// service, operation, region and resource, and keeps the wire code).
import { errorCodes } from './define';

export const awsCodes = errorCodes({
  'aws.not-found': { meaning: 'AWS says the resource does not exist in that region and account.', action: 'Check the identifier, the region and the account (--profile).' },
  'aws.invalid-state': { meaning: 'AWS refused the call because the resource is busy or in the wrong state.', action: 'Run `drctl status` to see what it is doing; wait for the operation under way, then run again.' },
  'aws.version-mismatch': { meaning: 'Someone else changed the resource since drctl read it.', action: 'Check who did, then run again: drctl reads the new version first.' },
  'aws.access-denied': { meaning: 'AWS refused the credentials, or there are none.', action: 'Pass --profile or set AWS_PROFILE, run `aws sso login` if the session expired, and check the IAM policy.' },
  'aws.throttled': { meaning: "AWS throttled the call and kept refusing after the SDK's retries.", action: 'Another tool may be calling the same API; wait a minute, then run again (`drctl resume` continues a run).' },
  'aws.unreachable': { meaning: 'The AWS endpoint did not answer (network, DNS, or the region is down).', action: 'Check the network and --endpoint-url; if the region is down, use an unplanned failover sent to the target region.' },
  'aws.invalid-request': { meaning: 'AWS rejected the request as invalid.', action: 'Check the parameters in the runbook for this resource; if they look right, report a drctl bug.' },
  'aws.service': { meaning: 'AWS failed on its side (an internal error or unavailable service).', action: 'Run again in a moment; if it persists, check the AWS Health Dashboard for the region.' },
  'aws.unknown-profile': { meaning: 'The AWS profile named by --profile or AWS_PROFILE is in neither shared config file.', action: 'Check the name against the profiles listed, create it with `aws configure --profile <name>`, or set AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.' },
  'aws.read-only': { meaning: 'A call that changes AWS was refused because drctl is in read-only mode (dry run).', action: 'Use `drctl run` to make changes; if `drctl plan` got here, report a drctl bug.' },
});
