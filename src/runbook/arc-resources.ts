// What `drctl arc describe` proposes for a runbook: the cluster as an arc-cluster resource with its five
// endpoints, and each routing control of its control panels as an arc-routing-control resource, named
// after ARC's own names as runbook names allow. A control's `region` (the region whose traffic it lets in)
// is not something ARC knows: it is taken from the control's name when that names exactly one region
// (east-use1, shop-us-west-2), and said so, for the engineer to check.
import { KNOWN_REGIONS, regionShortName } from '../core/regions';
import type { ClusterEndpoint } from '../core/services/arc';
import type { ArcClusterDescription, ControlPanelDescription, RoutingControlDescription, SafetyRuleDescription } from '../core/services/arc-config';

export interface DescribedPanel {
  panel: ControlPanelDescription;
  controls: RoutingControlDescription[];
  rules: SafetyRuleDescription[];
}

export interface ProposedCluster {
  name: string;
  resource: { type: 'arc-cluster'; clusterArn: string; endpoints: ClusterEndpoint[] };
}

export interface ProposedControl {
  name: string;
  resource: { type: 'arc-routing-control'; cluster: string; routingControlArn: string; region?: string };
  /** The panel it belongs to, by name. */
  panel: string;
  /** Where `region` came from: the runbook that declares the control already, its name, or nowhere. */
  region: 'from-runbook' | 'from-name' | 'unknown';
}

/** A name as runbooks allow it: a letter first, then letters, digits, "-" and "_". */
export function resourceName(text: string, fallback: string): string {
  const cleaned = text.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '');
  return cleaned || fallback;
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

const SHORT_NAMES = new Map(KNOWN_REGIONS.map((region) => [regionShortName(region), region]));

/** The one region a name spells out (us-east-1) or abbreviates (use1); none when it names none or several. */
function regionInName(name: string): string | undefined {
  const lower = name.toLowerCase();
  const spelled = KNOWN_REGIONS.filter((region) => new RegExp(`(^|[^a-z0-9])${region}([^a-z0-9]|$)`).test(lower));
  const tokens = lower.split(/[^a-z0-9]+/);
  const short = tokens.flatMap((token) => SHORT_NAMES.get(token) ?? []);
  const found = [...new Set([...spelled, ...short])];
  return found.length === 1 ? found[0] : undefined;
}

/** What a runbook declares already (--write): its name for the cluster, and its routing controls by ARN. */
export interface KnownToRunbook {
  clusterName: string;
  controls: ReadonlyMap<string, { name: string; region?: string }>;
}

/** The resources to paste under spec.resources, under the runbook's own names where it has them. */
export function proposeResources(cluster: ArcClusterDescription, panels: readonly DescribedPanel[], known?: KnownToRunbook): { cluster: ProposedCluster; controls: ProposedControl[] } {
  const taken = new Set<string>();
  const name = unique(known?.clusterName ?? resourceName(cluster.name, 'arc-cluster'), taken);
  const controls = panels.flatMap(({ panel, controls: panelControls }) =>
    panelControls.map((control): ProposedControl => {
      const declared = known?.controls.get(control.arn);
      const region = declared ? declared.region : regionInName(control.name);
      return {
        name: unique(declared?.name ?? resourceName(control.name, 'routing-control'), taken),
        resource: { type: 'arc-routing-control', cluster: name, routingControlArn: control.arn, ...(region ? { region } : {}) },
        panel: panel.name,
        region: !region ? 'unknown' : declared ? 'from-runbook' : 'from-name',
      };
    }),
  );
  return { cluster: { name, resource: { type: 'arc-cluster', clusterArn: cluster.arn, endpoints: cluster.endpoints } }, controls };
}

/** What `drctl arc describe` found, proposes and (with --write) did. */
export interface ArcDescribeReport {
  cluster: ArcClusterDescription;
  panels: DescribedPanel[];
  proposed: { cluster: ProposedCluster; controls: ProposedControl[] };
  /** --write: the runbook, the arc-cluster resources filled in (with the endpoints they had) and those already current. */
  written?: { file: string; changed: Array<{ name: string; before: ClusterEndpoint[] }>; unchanged: string[] };
  /** --write: the runbook's routing controls of this cluster that none of its control panels lists. */
  strayControls: Array<{ name: string; arn: string }>;
}
