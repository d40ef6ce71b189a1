// `drctl status`: read every resource in parallel through the actions' own readers (readGlobal for who
// writes where, the lag readers, readHealth for Route 53's verdict), then flag what is not ready. A
// resource that does not exist stops the command with a clear error; one that cannot be read (a region
// down, access denied) is shown as unreadable, so the rest of the table still answers.
import { readGlobal } from '../actions/shared/global-read';
import { describeOperationUnderWay } from '../actions/global-cluster/model';
import { readHealth } from '../actions/route53/health';
import type { ActionContext } from '../core/action';
import { isAwsError } from '../aws/aws-error';
import type { Resource } from '../core/resources';
import { judged } from './flags';
import { gatherMembers } from './members';
import { idOf, kindOf, type ResourceStatus, type StatusKind, type StatusReport } from './model';
import { notFoundError } from './not-found';
import { readContext, type ReadDeps } from './read-context';

export interface StatusRequest {
  resources: Record<string, Resource>;
  lagObjective?: StatusReport['lagObjective'];
  runbook?: string;
}

type Base = Omit<ResourceStatus, 'flags' | 'readyTargets' | 'ready'>;

async function readGlobalStatus(ctx: ActionContext, name: string, base: Base): Promise<Base> {
  const read = await readGlobal(ctx, name);
  const members = await gatherMembers(ctx, read);
  const writer = read.members.find((member) => member.writer);
  if (read.kind === 'cluster') {
    const operation = read.cluster.failoverState ? describeOperationUnderWay(read.cluster) : undefined;
    const endpoint = read.cluster.endpoint;
    return { ...base, status: read.cluster.status, writerRegion: writer?.region, members, ...(operation ? { operation } : {}), ...(endpoint ? { writerEndpoint: endpoint } : {}) };
  }
  return { ...base, status: read.datastore.status, writerRegion: writer?.region, members };
}

async function readHealthStatus(ctx: ActionContext, name: string, base: Base): Promise<Base> {
  const { check, judgement } = await readHealth(ctx, name);
  const { healthy, reason, healthyCheckers, totalCheckers, inverted, disabled } = judgement;
  const endpoint = check.fqdn ?? check.ipAddress;
  return { ...base, health: { healthy, reason, healthyCheckers, totalCheckers, inverted, disabled, ...(endpoint ? { endpoint } : {}) } };
}

async function readOne(ctx: ActionContext, deps: ReadDeps, name: string, resource: Resource, kind: StatusKind): Promise<Base> {
  const base: Base = { name, kind, id: idOf(resource), members: [] };
  try {
    return kind === 'health-check' ? await readHealthStatus(ctx, name, base) : await readGlobalStatus(ctx, name, base);
  } catch (error) {
    if (!isAwsError(error)) throw error; // a DrctlError (no region to ask) is the operator's to fix; bugs stay bugs
    if (error.details.kind === 'not-found') {
      const regions = 'regions' in resource ? [...new Set([...(resource.regions ?? []), deps.defaultRegion].filter((r): r is string => Boolean(r)))] : [];
      throw await notFoundError('status', deps.ports, name, resource, regions, error);
    }
    return { ...base, error: { code: error.code, message: error.message, hint: error.hint } };
  }
}

export async function gatherStatus(deps: ReadDeps, request: StatusRequest): Promise<StatusReport> {
  const notes: string[] = [];
  const ctx = readContext(deps, request.resources, notes);
  const checkedAt = deps.clock.now();
  const shown = Object.entries(request.resources).flatMap(([name, resource]) => {
    const kind = kindOf(resource);
    return kind ? [{ name, resource, kind }] : [];
  });
  const skipped = Object.keys(request.resources).filter((name) => !shown.some((entry) => entry.name === name));
  const read = await Promise.all(shown.map(({ name, resource, kind }) => readOne(ctx, deps, name, resource, kind)));
  const objectiveMs = request.lagObjective?.ms;
  return {
    checkedAt,
    ...(request.lagObjective ? { lagObjective: request.lagObjective } : {}),
    ...(request.runbook ? { runbook: request.runbook } : {}),
    resources: read.map((resource) => judged({ ...resource, flags: [], readyTargets: [], ready: false }, objectiveMs)),
    skipped,
    notes,
  };
}
