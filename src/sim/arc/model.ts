// ARC routing controls: clusters with regional endpoints, controls whose state is kept over time (so a
// RECOVERY_CONTROL health check judges any instant), and the safety rules that accept or refuse a change.
// Rule evaluation follows AWS-API-2.md §1.4 (the order is UNCONFIRMED): the transaction is applied to a
// copy; each ASSERTION rule over a changed control must hold on the new states; each GATING rule whose
// targets change must hold on its gating controls' current states; overridden rules are skipped.
import { SimFault } from '../sim-fault';
import type { WorldCore } from '../world-core';
import type { ArcClusterSpec, SafetyRuleSpec } from './spec';

export type ControlState = 'On' | 'Off';

export interface RoutingControl {
  arn: string;
  name: string;
  controlPanelArn: string;
  clusterArn: string;
  /** State changes, oldest first. */
  history: Array<{ at: number; state: ControlState }>;
}

export interface ArcClusterState {
  arn: string;
  name: string;
  /** As DescribeCluster lists them. */
  endpoints: Array<{ region: string; endpoint: string }>;
  endpointRegions: string[];
  rules: Array<SafetyRuleSpec & { arn: string }>;
}

// The exception a safety-rule block comes back as is UNCONFIRMED (AWS-API-2.md §6.2): ConflictException
// is the only plausible modelled one. The message names the rule's ARN, which AWS documents.
export const SAFETY_RULE_BLOCK = { code: 'ConflictException', status: 409 } as const;

/** The control panel part of a routing control ARN (…:controlpanel/<id>/routingcontrol/<id>). */
export const controlPanelOf = (arn: string) => arn.replace(/\/routingcontrol\/.*$/, '');
const lastPart = (arn: string) => arn.split('/').pop() ?? arn;

/** A made-up URL for an endpoint given by its region alone, in the shape of AWS's doc example (host-….example.com). */
export function simEndpointUrl(clusterArn: string, region: string): string {
  const id = lastPart(clusterArn).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
  return `https://host-${id}.${region}.example.com/v1`;
}

export class RoutingControls {
  readonly clusters = new Map<string, ArcClusterState>();
  readonly controls = new Map<string, RoutingControl>();

  constructor(private readonly core: WorldCore) {}

  add(spec: ArcClusterSpec): void {
    const rules = spec.safetyRules.map((rule) => ({ ...rule, arn: rule.arn ?? `${controlPanelOf(firstControl(rule))}/safetyrule/${rule.name}` }));
    const endpoints = spec.endpoints.map((entry) => (typeof entry === 'string' ? { region: entry, endpoint: simEndpointUrl(spec.clusterArn, entry) } : entry));
    const name = spec.name ?? lastPart(spec.clusterArn);
    this.clusters.set(spec.clusterArn, { arn: spec.clusterArn, name, endpoints, endpointRegions: endpoints.map((entry) => entry.region), rules });
    for (const control of spec.routingControls) {
      this.controls.set(control.arn, {
        arn: control.arn,
        name: control.name ?? lastPart(control.arn),
        controlPanelArn: controlPanelOf(control.arn),
        clusterArn: spec.clusterArn,
        history: [{ at: -Infinity, state: control.state }],
      });
    }
  }

  /** The control as an endpoint in `region` serves it: 404 when unknown or not served from there. */
  control(arn: string, region: string): RoutingControl {
    const control = this.controls.get(arn);
    if (!control) throw notFound(arn, 'RoutingControl', `No routing control ${arn} in any cluster.`);
    const cluster = this.clusters.get(control.clusterArn);
    if (!cluster?.endpointRegions.includes(region)) {
      const message = `Routing control ${arn} belongs to cluster ${control.clusterArn}, which has no endpoint in ${region} (its endpoints: ${cluster?.endpointRegions.join(', ')}).`;
      throw notFound(arn, 'RoutingControl', message);
    }
    return control;
  }

  stateAt(arn: string, time = this.core.now()): ControlState | undefined {
    const control = this.controls.get(arn);
    if (!control) return undefined;
    let state = control.history[0]?.state;
    for (const change of control.history) if (change.at <= time) state = change.state;
    return state;
  }

  /** Controls an endpoint in `region` serves, optionally of one control panel (ListRoutingControls). */
  list(region: string, controlPanelArn?: string): RoutingControl[] {
    return [...this.controls.values()].filter(
      (control) => this.clusters.get(control.clusterArn)?.endpointRegions.includes(region) && (!controlPanelArn || control.controlPanelArn === controlPanelArn),
    );
  }

  /** UpdateRoutingControlStates: all or nothing, refused when a safety rule would not hold. */
  update(region: string, entries: Array<{ arn: string; state: ControlState }>, overrides: readonly string[]): void {
    const controls = entries.map((entry) => this.control(entry.arn, region));
    const current = (arn: string) => this.stateAt(arn) ?? 'Off';
    const proposed = new Map(entries.map((entry) => [entry.arn, entry.state]));
    const next = (arn: string) => proposed.get(arn) ?? current(arn);
    const changed = new Set(entries.map((entry) => entry.arn));
    for (const cluster of new Set(controls.map((control) => this.clusters.get(control.clusterArn)))) {
      for (const rule of cluster?.rules ?? []) {
        if (overrides.includes(rule.arn)) continue;
        const blocked =
          rule.type === 'ASSERTION'
            ? rule.asserted.some((arn) => changed.has(arn)) && !holds(rule, rule.asserted.map(next))
            : rule.targets.some((arn) => changed.has(arn)) && !holds(rule, rule.gating.map(current));
        if (blocked) throw safetyRuleBlock(rule, (arn) => this.controls.get(arn)?.name ?? arn);
      }
    }
    const at = this.core.now();
    for (const control of controls) {
      const state = proposed.get(control.arn) as ControlState;
      if (current(control.arn) !== state) control.history.push({ at, state });
    }
  }
}

function firstControl(rule: SafetyRuleSpec): string {
  return (rule.type === 'ASSERTION' ? rule.asserted[0] : rule.targets[0]) ?? '';
}

/** RuleConfig over the states: ATLEAST n On, AND (all On), OR (any On); Inverted negates. */
function holds(rule: SafetyRuleSpec, states: ControlState[]): boolean {
  const on = states.filter((state) => state === 'On').length;
  const value = rule.rule === 'ATLEAST' ? on >= rule.threshold : rule.rule === 'AND' ? on === states.length : on > 0;
  return rule.inverted ? !value : value;
}

function requirement(rule: SafetyRuleSpec, name: (arn: string) => string): string {
  const over = (arns: string[]) => arns.map(name).join(', ');
  const what = rule.rule === 'ATLEAST' ? `at least ${rule.threshold} of ${over(rule.type === 'ASSERTION' ? rule.asserted : rule.gating)} On` : `${rule.rule === 'AND' ? 'all' : 'one'} of ${over(rule.type === 'ASSERTION' ? rule.asserted : rule.gating)} On`;
  const condition = rule.inverted ? `not (${what})` : what;
  return rule.type === 'ASSERTION' ? `it requires ${condition}` : `it lets ${over(rule.targets)} change only with ${condition}`;
}

function safetyRuleBlock(rule: SafetyRuleSpec & { arn: string }, name: (arn: string) => string): SimFault {
  const message = `Cannot update routing control states: the request is blocked by safety rule ${rule.name} (${rule.arn}): ${requirement(rule, name)}.`;
  return Object.assign(new SimFault(SAFETY_RULE_BLOCK.code, message, SAFETY_RULE_BLOCK.status), { resourceId: rule.arn, resourceType: 'SafetyRule' });
}

function notFound(resourceId: string, resourceType: string, message: string): SimFault {
  return Object.assign(new SimFault('ResourceNotFoundException', message, 404), { resourceId, resourceType });
}
