// ARC's control plane (route53-recovery-control-config, restJson1, AWS-API-2.md §1.4): where a cluster's
// five endpoints, its control panels, routing controls and safety rules are read. It is served from
// us-west-2 alone, so drctl reads it at setup time only (`drctl arc describe`) and writes what it needs
// into the runbook; no action or check depends on it at failover time.
import { defineService } from './contract';
import type { ClusterEndpoint } from './arc';

/** PENDING | DEPLOYED | PENDING_DELETION, as ARC says it. */
export type ArcConfigStatus = string;

export interface ArcClusterDescription {
  arn: string;
  name: string;
  status: ArcConfigStatus;
  /** DescribeCluster's ClusterEndpoints, in its order, Endpoint as given (with or without /v1: UNCONFIRMED). */
  endpoints: ClusterEndpoint[];
  /** IPV4 or DUALSTACK. */
  networkType?: string;
}

export interface ControlPanelDescription {
  arn: string;
  name: string;
  status: ArcConfigStatus;
  /** The panel ARC made with the cluster. */
  isDefault: boolean;
  routingControlCount?: number;
}

export interface RoutingControlDescription {
  arn: string;
  name: string;
  status: ArcConfigStatus;
  controlPanelArn: string;
}

export interface SafetyRuleDescription {
  arn: string;
  name: string;
  kind: 'ASSERTION' | 'GATING';
  status: ArcConfigStatus;
  controlPanelArn: string;
  /** RuleConfig: ATLEAST n, AND or OR over the controls, negated when inverted. */
  rule: { type: string; threshold: number; inverted: boolean };
  /** ASSERTION: the controls the rule holds over; GATING: the gating controls. */
  controls: string[];
  /** GATING only: the controls it gates. */
  targets: string[];
  waitPeriodMs: number;
}

export interface ArcConfigPort {
  /** DescribeCluster: its name, status and five regional endpoints. */
  describeCluster(clusterArn: string): Promise<ArcClusterDescription>;
  /** ListControlPanels of one cluster, every page. */
  listControlPanels(clusterArn: string): Promise<ControlPanelDescription[]>;
  /** ListRoutingControls of one control panel, every page (names and ARNs; states are the data plane's). */
  listRoutingControls(controlPanelArn: string): Promise<RoutingControlDescription[]>;
  /** ListSafetyRules of one control panel, every page. */
  listSafetyRules(controlPanelArn: string): Promise<SafetyRuleDescription[]>;
}

export const arcConfig = defineService<ArcConfigPort>()({
  id: 'arc-config',
  title: "ARC's control plane",
  iamPrefix: 'route53-recovery-control-config',
  plane: 'control',
  // One API for every cluster, hosted in us-west-2 whatever region the rest of the run uses.
  scope: 'global',
  methods: { describeCluster: 'read', listControlPanels: 'read', listRoutingControls: 'read', listSafetyRules: 'read' },
  operations: { DescribeCluster: 'read', ListControlPanels: 'read', ListRoutingControls: 'read', ListSafetyRules: 'read' },
  resources: [],
  resourceInfo: {},
});
