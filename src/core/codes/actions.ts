// Codes the actions raise when AWS's state does not allow a step, or changes under it.
import { errorCodes } from './define';

export const actionCodes = errorCodes({
  'action.unknown-resource': { meaning: 'A step names a resource the runbook does not declare.', action: 'Declare the resource, or fix the name; `drctl validate` catches this early.' },
  'action.wrong-resource-type': { meaning: 'A step points at a resource of a type it cannot act on.', action: 'Point it at a resource of the type named.' },
  'action.no-region': { meaning: 'drctl does not know which region to ask about a global resource.', action: 'Add `regions: [...]` to the resource, or pass --region.' },
  'action.region-not-a-member': { meaning: 'The target region has no member of the global cluster or datastore.', action: "Set `to` to a region that has a secondary, or add one there first." },
  'action.no-writer': { meaning: 'The global cluster has no writer, so a switchover (which needs a healthy primary) cannot run.', action: 'Use the unplanned failover action, which promotes the target without the old primary.' },
  'action.not-available': { meaning: 'The global cluster is not available, so AWS refuses a switchover now.', action: 'Wait until it is available (`drctl status`), then run again.' },
  'action.headless-target': { meaning: 'The target cluster has no DB instance, so it cannot be promoted.', action: 'Add a DB instance to the target cluster and wait until it is available.' },
  'action.detach-writer': { meaning: 'A detach was asked for the writer, which would leave the secondaries without a primary.', action: 'Detach a secondary, or switch over first.' },
  'action.disassociate-primary': { meaning: 'A disassociate was asked for the primary replication group, which AWS refuses.', action: 'Fail over to another member first, or disassociate a secondary.' },
  'action.target-not-available': { meaning: 'The target member is not available, so the failover cannot start.', action: 'Wait until it is available (`drctl status`), then run the step again.' },
  'action.operation-in-progress-elsewhere': { meaning: 'Another change is under way on the resource, to a different target; drctl never stacks changes.', action: 'Wait until it is available (`drctl status`), then run the step again.' },
  'action.lag-above-limit': { meaning: 'Replication lag is above the step\'s maxLag, so the data-losing call was not made.', action: 'Wait for the lag to fall and run the step again, or raise maxLag if that loss is acceptable.' },
  'action.operation-cancelled': { meaning: 'AWS ended the operation without the target becoming primary.', action: "Read the service's events for the resource, fix the cause, then run the step again." },
  'action.target-left': { meaning: 'The target left the global cluster or datastore during the operation.', action: 'Someone changed it during the run: check `drctl status` before doing anything else.' },
  'action.health-check-unsupported': { meaning: 'A CALCULATED health check has no checker status to watch.', action: 'Watch one of its child health checks instead.' },
  'action.health-check-changed': { meaning: 'Someone changed the health check after drctl read it, so drctl did not invert it.', action: 'Agree who is in charge, then run the step again: it re-reads the current version.' },
  'action.health-assertion-failed': { meaning: 'A health check was not in the state the step asserts.', action: 'Look at the endpoint it watches (`drctl health`), or wait for it with route53.wait-healthy.' },
  'action.no-routing-controls': { meaning: 'An ARC step or check names no routing control.', action: 'Name arc-routing-control resources under `on:`, `off:` or `controls:`.' },
  'action.routing-controls-in-clusters': { meaning: 'The routing controls of one step belong to more than one ARC cluster; one update is one transaction in one cluster.', action: 'Set the controls of each cluster in a step of its own.' },
  'action.safety-rule-blocked': { meaning: 'An ARC safety rule refused the routing control change; the error names the rule and what it requires.', action: 'Fix what the rule requires, or name the rule in the step\'s overrideSafetyRules if overriding it is what you mean.' },
  'action.not-a-cname': { meaning: 'route53.point-to-writer was given a record set that is not a CNAME.', action: 'Declare the name applications use with recordType: CNAME.' },
  'action.no-endpoint': { meaning: 'The member to point the name at has no endpoint yet.', action: 'Check the member in the AWS console: it has an endpoint once it is available.' },
  'action.not-writer-yet': { meaning: 'route53.point-to-writer ran before the member in `to` became the writer, so applications were not sent to a secondary.', action: 'Make the step need the failover step of that resource.' },
  'assert.failed': { meaning: 'An `assert` step found its expression false.', action: 'Look at the steps and inputs the expression reads; the steps after it did not run.' },
});
