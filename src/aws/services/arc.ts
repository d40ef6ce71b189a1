// RoutingControlPort: ARC's data plane (route53-recovery-cluster, JSON 1.0). Every call goes to one of the
// cluster's regional endpoints, signed for that endpoint's region, with one SDK attempt: rotating to the
// next endpoint is the retry (src/aws/rotation.ts).
import type { GetRoutingControlStateResponse } from '@aws-sdk/client-route53-recovery-cluster';
import { incompleteAnswerError } from '../classify';
import type { ClientPool } from '../client-pool';
import { send } from '../invoke';
import { failureOf, firstAnswering, isEndpointFailure, type RegionalEndpoint } from '../rotation';
import type { AwsServicePart } from './part';
import type { RoutingControlPort, RoutingControlState, RoutingControlView } from '../../core/services/arc';

const service = 'arc';
const SUBJECT = 'the ARC cluster';

export const arcSdk: AwsServicePart<'arc'> = {
  load: () => import('@aws-sdk/client-route53-recovery-cluster'),
  client: 'Route53RecoveryClusterClient',
  createPort: (pool) => createRoutingControlPort(pool),
  maxAttempts: 1,
  errorCodes: {
    'not-found': ['ResourceNotFoundException'],
    // A safety rule's refusal: which exception carries it is UNCONFIRMED (AWS-API-2.md §1.3); the action
    // looks for the rule's ARN in the message of either.
    'invalid-state': ['ConflictException'],
    'invalid-request': ['ValidationException', 'ServiceLimitExceededException'],
    service: ['InternalServerException', 'EndpointTemporarilyUnavailableException'],
  },
};

export function createRoutingControlPort(pool: ClientPool): RoutingControlPort {
  const readState = async (endpoint: RegionalEndpoint, arn: string): Promise<RoutingControlView> => {
    const output = await send<GetRoutingControlStateResponse>(pool, {
      service,
      region: endpoint.region,
      endpoint: endpoint.endpoint,
      operation: 'GetRoutingControlState',
      resource: `routing control ${arn}`,
      input: { RoutingControlArn: arn },
    });
    const state = output.RoutingControlState;
    if (state !== 'On' && state !== 'Off') {
      throw incompleteAnswerError({ service, region: endpoint.region, operation: 'GetRoutingControlState', resource: `routing control ${arn}` }, 'RoutingControlState On or Off');
    }
    return { arn, state: state as RoutingControlState, ...(output.RoutingControlName ? { name: output.RoutingControlName } : {}) };
  };

  return {
    getRoutingControlStates(endpoints, arns) {
      const what = { service, operation: 'GetRoutingControlState', subject: SUBJECT } as const;
      // Every state from one endpoint, so they are read as one consistent picture.
      return pool.track(() =>
        firstAnswering(pool, what, endpoints, async (endpoint) => {
          const views: RoutingControlView[] = [];
          for (const arn of arns) views.push(await readState(endpoint, arn));
          return views;
        }),
      );
    },

    updateRoutingControlStates(endpoints, updates, safetyRulesToOverride) {
      const what = { service, operation: 'UpdateRoutingControlStates', subject: SUBJECT } as const;
      // Setting a state is idempotent, so sending the same transaction through the next endpoint after one
      // that did not answer cannot do anything twice.
      const input = {
        UpdateRoutingControlStateEntries: updates.map((update) => ({ RoutingControlArn: update.arn, RoutingControlState: update.state })),
        ...(safetyRulesToOverride.length > 0 ? { SafetyRulesToOverride: [...safetyRulesToOverride] } : {}),
      };
      const resource = `routing controls ${updates.map((update) => update.arn).join(', ')}`;
      return pool.track(() =>
        firstAnswering(pool, what, endpoints, async (endpoint) => {
          await send(pool, { service, region: endpoint.region, endpoint: endpoint.endpoint, operation: 'UpdateRoutingControlStates', resource, input });
          return null;
        }),
      );
    },

    getStateFromEachEndpoint(endpoints, arn) {
      return pool.track(async () => {
        const probes = [];
        for (const endpoint of endpoints) {
          try {
            probes.push({ endpoint, state: (await readState(endpoint, arn)).state });
          } catch (error) {
            if (!isEndpointFailure(error)) throw error;
            probes.push({ endpoint, error: failureOf(endpoint, error).error });
          }
        }
        return probes;
      });
    },
  };
}
