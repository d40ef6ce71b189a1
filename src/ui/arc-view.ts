// `drctl arc describe`: the cluster as ARC's control plane describes it, the runbook resources to paste
// (YAML, with its control panels and safety rules as comments), and what --write did to the runbook.
import type { ClusterEndpoint } from '../core/services/arc';
import type { SafetyRuleDescription } from '../core/services/arc-config';
import type { Style } from '../core/style';
import type { ArcDescribeReport, ProposedControl } from '../runbook/arc-resources';
import type { View } from './output';

const quoted = (text: string) => JSON.stringify(text);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function endpointLines(endpoints: readonly ClusterEndpoint[], indent: string): string[] {
  return endpoints.map(({ region, endpoint }) => `${indent}- { region: ${region}, endpoint: ${quoted(endpoint)} }`);
}

/** "at least 1 of east, west On", with control names where the report knows them. */
function ruleText(rule: SafetyRuleDescription, names: ReadonlyMap<string, string>): string {
  const over = (arns: readonly string[]) => arns.map((arn) => names.get(arn) ?? arn).join(', ');
  const { type, threshold, inverted } = rule.rule;
  const what = type === 'ATLEAST' ? `at least ${threshold} of ${over(rule.controls)} On` : `${type === 'AND' ? 'all' : 'one'} of ${over(rule.controls)} On`;
  const condition = inverted ? `not (${what})` : what;
  return rule.kind === 'ASSERTION' ? `requires ${condition}` : `lets ${over(rule.targets)} change only with ${condition}`;
}

const REGION_NOTES: Record<ProposedControl['region'], string> = { 'from-runbook': '', 'from-name': '   # from its name: check it is the region whose traffic it lets in', unknown: '' };

function controlLines(control: ProposedControl): string[] {
  const { resource } = control;
  const region = resource.region
    ? [`  region: ${resource.region}${REGION_NOTES[control.region]}`]
    : ['  # region: <the region whose traffic it lets in (On) or keeps out (Off); ARC does not say>'];
  return [`${control.name}:`, '  type: arc-routing-control', `  cluster: ${resource.cluster}`, `  routingControlArn: ${quoted(resource.routingControlArn)}`, ...region];
}

/** The block to paste under spec.resources, valid YAML on its own. */
function resourcesYaml(report: ArcDescribeReport): string {
  const { cluster, controls } = report.proposed;
  const names = new Map(controls.map((control) => [control.resource.routingControlArn, control.name]));
  const lines = [
    `${cluster.name}:`,
    '  type: arc-cluster',
    `  clusterArn: ${quoted(cluster.resource.clusterArn)}`,
    '  endpoints:',
    ...endpointLines(cluster.resource.endpoints, '    '),
  ];
  for (const { panel, rules } of report.panels) {
    lines.push(`# control panel ${panel.name} (${panel.status}${panel.isDefault ? ', the default panel' : ''}): ${quoted(panel.arn)}`);
    for (const rule of rules) lines.push(`#   safety rule ${rule.name} (${rule.kind}, ${rule.status}) ${ruleText(rule, names)}; to override it: overrideSafetyRules: [${quoted(rule.arn)}]`);
    for (const control of controls.filter((candidate) => candidate.panel === panel.name)) lines.push(...controlLines(control));
  }
  return lines.join('\n');
}

function writtenLines(report: ArcDescribeReport, style: Style): string[] {
  const { written } = report;
  if (!written) return [];
  const count = plural(report.cluster.endpoints.length, 'endpoint');
  const lines = written.changed.map(({ name, before }) =>
    style.green(`Wrote the ${count} of ${name} into ${written.file}${before.length ? ` (it had ${plural(before.length, 'other')})` : ' (it had none)'}; the rest of the file is as it was.`),
  );
  if (written.unchanged.length) lines.push(`${written.file} already has these ${count} for ${written.unchanged.join(', ')}: nothing to write there.`);
  return lines;
}

export const arcDescribeView: View<ArcDescribeReport> = {
  type: 'arc.describe',
  text(report, { style }) {
    const { cluster, panels } = report;
    const controls = panels.reduce((sum, panel) => sum + panel.controls.length, 0);
    const rules = panels.reduce((sum, panel) => sum + panel.rules.length, 0);
    const lines = [
      `${style.bold(`ARC cluster ${cluster.name}`)} (${cluster.status}${cluster.networkType ? `, ${cluster.networkType}` : ''}): ${cluster.arn}`,
      `${plural(cluster.endpoints.length, 'regional endpoint')} (${cluster.endpoints.map((endpoint) => endpoint.region).join(', ')}), ${plural(panels.length, 'control panel')}, ${plural(controls, 'routing control')}, ${plural(rules, 'safety rule')}.`,
      style.dim("Read from ARC's control plane in us-west-2, at setup time: a failover needs only the endpoints, from the runbook."),
      '',
      ...writtenLines(report, style),
      ...report.strayControls.map((control) => style.yellow(`! ${control.name} (${control.arn}) is in none of the cluster's control panels: check its ARN.`)),
      ...(report.written || report.strayControls.length ? [''] : []),
      style.dim('# Paste under spec.resources:'),
      resourcesYaml(report),
    ];
    return lines.join('\n');
  },
  json(report) {
    const { cluster, panels, proposed, written, strayControls } = report;
    return {
      cluster,
      controlPanels: panels.map(({ panel, controls, rules }) => ({ ...panel, routingControls: controls, safetyRules: rules })),
      resources: Object.fromEntries([[proposed.cluster.name, proposed.cluster.resource], ...proposed.controls.map((control) => [control.name, control.resource])]),
      ...(written ? { written } : {}),
      strayControls,
    };
  },
};
