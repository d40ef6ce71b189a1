// ARC's control plane as the fake holds it: clusters described ahead of time by the test, their control
// panels, routing controls and safety rules. Every call is logged to us-west-2, where the API lives.
import type { ArcClusterDescription, ArcConfigPort, ControlPanelDescription, RoutingControlDescription, SafetyRuleDescription } from '../../../src/core/services/arc-config';
import { fakeAwsError, type FakeCore } from './core';

export interface FakeArcClusterSpec {
  cluster: ArcClusterDescription;
  panels?: Array<ControlPanelDescription & { controls?: RoutingControlDescription[]; rules?: SafetyRuleDescription[] }>;
}

const REGION = 'us-west-2';

export class FakeArcConfig implements ArcConfigPort {
  private readonly clusters = new Map<string, FakeArcClusterSpec>();

  constructor(private readonly core: FakeCore) {}

  add(spec: FakeArcClusterSpec): void {
    this.clusters.set(spec.cluster.arn, spec);
  }

  describeCluster(clusterArn: string) {
    return this.core.call('arc-config', REGION, 'DescribeCluster', { ClusterArn: clusterArn }, () => this.cluster(clusterArn, 'DescribeCluster').cluster);
  }

  listControlPanels(clusterArn: string) {
    return this.core.call('arc-config', REGION, 'ListControlPanels', { ClusterArn: clusterArn }, () =>
      (this.cluster(clusterArn, 'ListControlPanels').panels ?? []).map(({ controls: _controls, rules: _rules, ...panel }) => panel),
    );
  }

  listRoutingControls(controlPanelArn: string) {
    return this.core.call('arc-config', REGION, 'ListRoutingControls', { ControlPanelArn: controlPanelArn }, () => this.panel(controlPanelArn, 'ListRoutingControls').controls ?? []);
  }

  listSafetyRules(controlPanelArn: string) {
    return this.core.call('arc-config', REGION, 'ListSafetyRules', { ControlPanelArn: controlPanelArn }, () => this.panel(controlPanelArn, 'ListSafetyRules').rules ?? []);
  }

  private cluster(arn: string, operation: string): FakeArcClusterSpec {
    const spec = this.clusters.get(arn);
    if (!spec) throw fakeAwsError('not-found', { service: 'arc-config', region: REGION, operation }, 'ResourceNotFoundException');
    return spec;
  }

  private panel(arn: string, operation: string) {
    const panel = [...this.clusters.values()].flatMap((spec) => spec.panels ?? []).find((candidate) => candidate.arn === arn);
    if (!panel) throw fakeAwsError('not-found', { service: 'arc-config', region: REGION, operation }, 'ResourceNotFoundException');
    return panel;
  }
}
