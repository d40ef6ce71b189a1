// A stateful ARC data plane: routing control states, ASSERTION rules ("at least n of these On") that refuse
// a change with ConflictException naming the rule's ARN, and endpoints that are down by region
// (setUnreachable on the core). Endpoints are tried in the order given, like the real port with a fixed
// shuffle; each attempt is a call in the log, to its endpoint's region.
import { isAwsError } from '../../../src/aws/aws-error';
import type { ClusterAnswer, ClusterEndpoint, EndpointFailure, RoutingControlPort, RoutingControlState } from '../../../src/core/services/arc';
import { fakeAwsError, type FakeCore } from './core';

export interface FakeAssertionRule {
  arn: string;
  controls: string[];
  atLeast: number;
}

const ENDPOINT_FAILURES = new Set(['unreachable', 'service', 'throttled']);

export class FakeArc implements RoutingControlPort {
  private readonly states = new Map<string, RoutingControlState>();
  private readonly rules: FakeAssertionRule[] = [];

  constructor(private readonly core: FakeCore) {}

  setState(arn: string, state: RoutingControlState): void {
    this.states.set(arn, state);
  }

  state(arn: string): RoutingControlState | undefined {
    return this.states.get(arn);
  }

  addAssertion(rule: FakeAssertionRule): void {
    this.rules.push(rule);
  }

  getRoutingControlStates(endpoints: readonly ClusterEndpoint[], arns: readonly string[]) {
    return this.rotate(endpoints, 'GetRoutingControlState', { RoutingControlArns: arns }, () => arns.map((arn) => ({ arn, state: this.known(arn) })));
  }

  updateRoutingControlStates(endpoints: readonly ClusterEndpoint[], updates: readonly { arn: string; state: RoutingControlState }[], overrides: readonly string[]) {
    return this.rotate(endpoints, 'UpdateRoutingControlStates', { updates, overrides }, (endpoint) => {
      const next = (arn: string) => updates.find((update) => update.arn === arn)?.state ?? this.known(arn);
      for (const rule of this.rules) {
        if (overrides.includes(rule.arn) || !rule.controls.some((arn) => updates.some((update) => update.arn === arn))) continue;
        if (rule.controls.filter((arn) => next(arn) === 'On').length < rule.atLeast) {
          const site = { service: 'arc' as const, region: endpoint.region, operation: 'UpdateRoutingControlStates' };
          throw fakeAwsError('invalid-state', site, 'ConflictException', `blocked by safety rule ${rule.arn}: at least ${rule.atLeast} must be On`);
        }
      }
      for (const update of updates) this.states.set(update.arn, update.state);
      return null;
    });
  }

  async getStateFromEachEndpoint(endpoints: readonly ClusterEndpoint[], arn: string) {
    const probes = [];
    for (const endpoint of endpoints) {
      try {
        probes.push({ endpoint, state: await this.core.call('arc', endpoint.region, 'GetRoutingControlState', { RoutingControlArn: arn }, () => this.known(arn)) });
      } catch (error) {
        probes.push({ endpoint, error: isAwsError(error) ? error.details.kind : 'error' });
      }
    }
    return probes;
  }

  private known(arn: string): RoutingControlState {
    const state = this.states.get(arn);
    if (!state) throw fakeAwsError('not-found', { service: 'arc', region: '-', operation: 'GetRoutingControlState' }, 'ResourceNotFoundException');
    return state;
  }

  private async rotate<T>(endpoints: readonly ClusterEndpoint[], operation: string, params: Record<string, unknown>, run: (endpoint: ClusterEndpoint) => T): Promise<ClusterAnswer<T>> {
    const failed: EndpointFailure[] = [];
    for (const endpoint of endpoints) {
      try {
        const value = await this.core.call('arc', endpoint.region, operation, params, () => run(endpoint));
        return { value, answeredBy: endpoint, failed };
      } catch (error) {
        if (!isAwsError(error) || !ENDPOINT_FAILURES.has(error.details.kind)) throw error;
        failed.push({ ...endpoint, error: error.details.awsCode ?? error.details.kind });
      }
    }
    throw fakeAwsError('unreachable', { service: 'arc', region: endpoints.map((endpoint) => endpoint.region).join(','), operation });
  }
}
