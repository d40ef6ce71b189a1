// ARC's control plane as drctl sends it: the client and the four read operations it needs
// (route53-recovery-control-config 2020-11-02, AWS-API-2.md §1.4), over the restJson1 client of
// src/aws/rest-json. Loaded on first use through arc-config.ts's literal import(), like an SDK package.
import { commandFor, RestJsonClient, type RestJsonClientConfig } from '../rest-json/client';

/** Fixed by the service's endpoint rules: one endpoint, in us-west-2, for every cluster. */
export const ARC_CONTROL_PLANE = { signingName: 'route53-recovery-control-config', endpoint: 'https://route53-recovery-control-config.us-west-2.amazonaws.com', region: 'us-west-2' } as const;

export class ArcControlConfigClient extends RestJsonClient {
  constructor(config: RestJsonClientConfig) {
    super(config, ARC_CONTROL_PLANE);
  }
}

const PAGED = ['MaxResults', 'NextToken'] as const;

export const DescribeClusterCommand = commandFor({ name: 'DescribeCluster', method: 'GET', path: '/cluster/{ClusterArn}' });
export const ListControlPanelsCommand = commandFor({ name: 'ListControlPanels', method: 'GET', path: '/controlpanels', query: ['ClusterArn', ...PAGED] });
export const ListRoutingControlsCommand = commandFor({ name: 'ListRoutingControls', method: 'GET', path: '/controlpanel/{ControlPanelArn}/routingcontrols', query: PAGED });
export const ListSafetyRulesCommand = commandFor({ name: 'ListSafetyRules', method: 'GET', path: '/controlpanel/{ControlPanelArn}/safetyrules', query: PAGED });
