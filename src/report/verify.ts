// After a drill's run: read the end state back from AWS instead of trusting the run's own word. Every
// writer the run moved must be in its target region, and the target region's health checks green. It
// reuses the preflight checks (writer-in, healthy) with read-only ports, so it knows no AWS of its own.
import type { RegisteredCheck } from '../core/define-action';
import type { ActionContext } from '../core/action';
import type { AwsPorts } from '../core/services/catalogue';
import type { Clock } from '../core/clock';
import { readOnlyPorts } from '../engine/read-only-ports';
import type { Resource } from '../core/resources';
import type { ReportFacts, VerificationFact } from './facts-types';

export interface VerifyInput {
  facts: ReportFacts;
  resources: Readonly<Record<string, Resource>>;
  ports: AwsPorts;
  clock: Clock;
  defaultRegion?: string;
  getCheck(name: string): RegisteredCheck | undefined;
}

interface Planned {
  subject: string;
  check: string;
  params: Record<string, unknown>;
}

const STANDALONE = new Set(['detach', 'disassociate']);
/** Moves made without the old primary: the read-back, like the run, must not need what they leave. */
const UNPLANNED = /^(aurora|docdb)\.(failover|detach)$|^elasticache\.disassociate$/;

/** What to check: the writers the run moved, then the health checks of the regions they moved to. */
export function verificationPlan(facts: ReportFacts, resources: Readonly<Record<string, Resource>>): Planned[] {
  const moved = facts.resources.filter((fact) => fact.kind === 'data-store' && fact.state === 'succeeded' && fact.to && !STANDALONE.has(fact.operation ?? ''));
  const planned: Planned[] = moved.map((fact) => ({ subject: fact.resource, check: 'writer-in', params: { resource: fact.resource, region: fact.to } }));
  const targets = new Set(moved.map((fact) => fact.to));
  const to = facts.run.inputs.to;
  if (typeof to === 'string') targets.add(to);
  const left = new Set(moved.flatMap((fact) => (fact.from ? [fact.from] : [])));
  planned.push(...routingControlsPlan(facts, resources, targets, left));
  // Health checks are read through Route 53's control plane, in us-east-1: an unplanned failover out of
  // us-east-1 must not need it, so its read-back does not either (the routing controls say where traffic goes).
  const unplanned = facts.resources.some((fact) => UNPLANNED.test(fact.uses) && fact.state === 'succeeded');
  if (unplanned && left.has('us-east-1')) return planned;
  let healthChecks = Object.entries(resources).filter(([, resource]) => resource.type === 'route53-health-check' && resource.region !== undefined && targets.has(resource.region)).map(([name]) => name);
  // Without region hints, the health checks the run itself waited for are the ones that must stay green.
  if (healthChecks.length === 0) healthChecks = facts.resources.filter((fact) => fact.uses === 'route53.wait-healthy' && fact.state === 'succeeded').map((fact) => fact.resource);
  for (const name of new Set(healthChecks)) planned.push({ subject: name, check: 'healthy', params: { resource: name } });
  return planned;
}

/** After a run that set routing controls: the target region's are On, the left regions' Off (ARC's data plane). */
function routingControlsPlan(facts: ReportFacts, resources: Readonly<Record<string, Resource>>, targets: Set<string | undefined>, left: Set<string>): Planned[] {
  if (!facts.resources.some((fact) => fact.operation === 'set-routing-controls' && fact.state === 'succeeded')) return [];
  const regional = Object.entries(resources).flatMap(([name, resource]) => (resource.type === 'arc-routing-control' && resource.region ? [{ name, region: resource.region }] : []));
  const on = regional.filter((control) => targets.has(control.region)).map((control) => control.name);
  const off = regional.filter((control) => left.has(control.region) && !targets.has(control.region)).map((control) => control.name);
  return on.length + off.length ? [{ subject: 'routing controls', check: 'routing-controls', params: { on, off } }] : [];
}

function checkContext(input: VerifyInput): ActionContext {
  return {
    ports: readOnlyPorts(input.ports),
    resources: input.resources,
    clock: input.clock,
    signal: new AbortController().signal,
    dryRun: true,
    stepId: 'verify',
    defaultRegion: input.defaultRegion,
    observe: () => undefined,
    requestApproval: () => Promise.reject(new Error('verification never asks the operator')),
    recordMetric: () => undefined,
  };
}

export async function verifyEndState(input: VerifyInput): Promise<VerificationFact[]> {
  const ctx = checkContext(input);
  const results: VerificationFact[] = [];
  for (const planned of verificationPlan(input.facts, input.resources)) {
    const check = input.getCheck(planned.check);
    if (!check) {
      results.push({ subject: planned.subject, ok: false, message: `${planned.subject}: the ${planned.check} check is not available` });
      continue;
    }
    try {
      const result = await check.run(ctx, planned.params);
      results.push({ subject: planned.subject, ok: result.ok, message: result.message });
    } catch (error) {
      results.push({ subject: planned.subject, ok: false, message: `${planned.subject}: could not be read back (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  return results;
}
