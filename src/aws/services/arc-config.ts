// ArcConfigPort: ARC's control plane (route53-recovery-control-config, restJson1), read at setup time only.
// Its SDK package is not used (the registry's last release is from 2023, with a dependency tree of its
// own): arc-config-client.ts sends the four reads through src/aws/rest-json, signed for us-west-2 with the
// credentials, timeouts, user agent, guard and recorder every client of the pool gets.
import { incompleteAnswerError } from '../classify';
import type { ClientPool } from '../client-pool';
import { invoke, targetOf } from '../invoke';
import { allPages } from '../pages';
import type { AwsServicePart } from './part';
import type { ClusterEndpoint } from '../../core/services/arc';
import type { ArcConfigPort, SafetyRuleDescription } from '../../core/services/arc-config';

const service = 'arc-config';
const REGION = 'us-west-2';

export const arcConfigSdk: AwsServicePart<'arc-config'> = {
  load: () => import('./arc-config-client'),
  client: 'ArcControlConfigClient',
  createPort: (pool) => createArcConfigPort(pool),
  // The endpoint rules fix it to us-west-2 in the aws partition, the only one ARC is in.
  signingRegion: () => REGION,
  errorCodes: {
    'not-found': ['ResourceNotFoundException'],
    'invalid-state': ['ConflictException'],
    'invalid-request': ['ValidationException', 'ServiceQuotaExceededException'],
    service: ['InternalServerException'],
  },
};

// What the answers hold, narrowed field by field before anything else reads them.
type Wire = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const list = (value: unknown): Wire[] => (Array.isArray(value) ? value.filter((item): item is Wire => item !== null && typeof item === 'object') : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function createArcConfigPort(pool: ClientPool): ArcConfigPort {
  const call = (operation: string, resource: string, input: object) => invoke<Wire>(pool, { service, region: REGION, operation, resource, input });
  const pages = (operation: string, resource: string, input: object, items: string) =>
    allPages(async (token) => {
      const output = await call(operation, resource, { ...input, ...(token ? { NextToken: token } : {}) });
      return { items: list(output[items]), next: text(output.NextToken) };
    });
  const missing = (operation: string, resource: string, what: string) => incompleteAnswerError(targetOf(pool, { service, region: REGION, operation, resource }), what);

  return {
    async describeCluster(clusterArn) {
      const resource = `ARC cluster ${clusterArn}`;
      const cluster = (await call('DescribeCluster', resource, { ClusterArn: clusterArn })).Cluster as Wire | undefined;
      if (!cluster) throw missing('DescribeCluster', resource, 'Cluster');
      const endpoints = list(cluster.ClusterEndpoints).map((entry): ClusterEndpoint | undefined => {
        const endpoint = text(entry.Endpoint);
        const region = text(entry.Region);
        return endpoint && region ? { region, endpoint } : undefined;
      });
      if (endpoints.some((entry) => entry === undefined)) throw missing('DescribeCluster', resource, 'Endpoint and Region in every ClusterEndpoints entry');
      const networkType = text(cluster.NetworkType);
      return {
        arn: text(cluster.ClusterArn) ?? clusterArn,
        name: text(cluster.Name) ?? clusterArn.split('/').pop() ?? clusterArn,
        status: text(cluster.Status) ?? 'UNKNOWN',
        endpoints: endpoints as ClusterEndpoint[],
        ...(networkType ? { networkType } : {}),
      };
    },

    async listControlPanels(clusterArn) {
      const panels = await pages('ListControlPanels', `control panels of ARC cluster ${clusterArn}`, { ClusterArn: clusterArn }, 'ControlPanels');
      return panels.flatMap((panel) => {
        const arn = text(panel.ControlPanelArn);
        if (!arn) return [];
        const count = typeof panel.RoutingControlCount === 'number' ? { routingControlCount: panel.RoutingControlCount } : {};
        return [{ arn, name: text(panel.Name) ?? arn, status: text(panel.Status) ?? 'UNKNOWN', isDefault: panel.DefaultControlPanel === true, ...count }];
      });
    },

    async listRoutingControls(controlPanelArn) {
      const controls = await pages('ListRoutingControls', `routing controls of control panel ${controlPanelArn}`, { ControlPanelArn: controlPanelArn }, 'RoutingControls');
      return controls.flatMap((control) => {
        const arn = text(control.RoutingControlArn);
        // The control plane calls it Name; the data plane RoutingControlName (AWS-API-2.md §1.4).
        return arn ? [{ arn, name: text(control.Name) ?? arn, status: text(control.Status) ?? 'UNKNOWN', controlPanelArn: text(control.ControlPanelArn) ?? controlPanelArn }] : [];
      });
    },

    async listSafetyRules(controlPanelArn) {
      const rules = await pages('ListSafetyRules', `safety rules of control panel ${controlPanelArn}`, { ControlPanelArn: controlPanelArn }, 'SafetyRules');
      return rules.flatMap((rule) => toSafetyRule(rule, controlPanelArn));
    },
  };
}

/** A Rule holds one member, ASSERTION or GATING, each with its RuleConfig. */
function toSafetyRule(rule: Wire, controlPanelArn: string): SafetyRuleDescription[] {
  const kind = rule.ASSERTION ? 'ASSERTION' : rule.GATING ? 'GATING' : undefined;
  const body = (kind ? rule[kind] : undefined) as Wire | undefined;
  const arn = text(body?.SafetyRuleArn);
  if (!kind || !body || !arn) return [];
  const config = (body.RuleConfig ?? {}) as Wire;
  return [{
    arn,
    name: text(body.Name) ?? arn,
    kind,
    status: text(body.Status) ?? 'UNKNOWN',
    controlPanelArn: text(body.ControlPanelArn) ?? controlPanelArn,
    rule: { type: text(config.Type) ?? 'ATLEAST', threshold: typeof config.Threshold === 'number' ? config.Threshold : 1, inverted: config.Inverted === true },
    controls: strings(kind === 'ASSERTION' ? body.AssertedControls : body.GatingControls),
    targets: kind === 'GATING' ? strings(body.TargetControls) : [],
    waitPeriodMs: typeof body.WaitPeriodMs === 'number' ? body.WaitPeriodMs : 0,
  }];
}
