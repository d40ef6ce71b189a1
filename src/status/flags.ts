// Why a resource is not ready for a failover, from what status read. The rules are those AWS applies to a
// managed switchover or failover (AWS-API.md 2-4, and the `available` preflight): nothing under way, the
// target in sync and available with a DB instance, one engine version; plus the runbook's RPO for lag.
// Blocking flags make a resource (or one target region) not ready; warnings only inform.
import { formatDuration } from '../core/duration';
import type { Flag, MemberStatus, ResourceStatus } from './model';

const IN_SYNC = new Set(['connected', 'associated']);

const isSecondary = (member: MemberStatus) => member.role === 'reader' || member.role === 'secondary';

function resourceFlags(resource: ResourceStatus, noun: string): Flag[] {
  const flags: Flag[] = [];
  if (resource.operation) flags.push({ code: 'operation-under-way', message: `${resource.operation} is under way`, blocking: true });
  else if (resource.status === 'primary-only') flags.push({ code: 'no-secondary', message: 'the datastore is primary-only: no secondary to fail over to', blocking: true });
  else if (resource.status && resource.status !== 'available') flags.push({ code: 'operation-under-way', message: `the ${noun} is ${resource.status}`, blocking: true });
  const writer = resource.members.find((member) => !isSecondary(member));
  if (!writer) flags.push({ code: 'writer-unavailable', message: 'no member is the writer', blocking: false });
  else if (writer.status !== 'available') {
    const words = writer.status === 'unreachable' ? `${writer.region} does not answer` : `it is ${writer.status}`;
    flags.push({
      code: 'writer-unavailable',
      message: `the ${writer.role} ${writer.id} in ${writer.region}: ${words}; a planned switchover needs it, an unplanned failover does not`,
      blocking: false,
    });
  }
  if (resource.status !== 'primary-only' && !resource.members.some(isSecondary)) {
    flags.push({ code: 'no-secondary', message: 'no secondary to fail over to', blocking: true });
  }
  return flags;
}

function memberFlags(member: MemberStatus, lagObjectiveMs: number | undefined): Flag[] {
  const at = { region: member.region };
  const who = `${member.id} in ${member.region}`;
  const flags: Flag[] = [];
  if (member.status === 'unreachable') flags.push({ code: 'secondary-unhealthy', message: `${who}: the region does not answer`, blocking: true, ...at });
  else if (member.status !== 'available') flags.push({ code: 'secondary-unhealthy', message: `${who} is ${member.status}`, blocking: true, ...at });
  if (member.sync !== undefined && !IN_SYNC.has(member.sync)) flags.push({ code: 'secondary-unhealthy', message: `${who} is ${member.sync}`, blocking: true, ...at });
  if (member.instances === 0) flags.push({ code: 'headless', message: `${who} is headless (no DB instance): it cannot be promoted`, blocking: true, ...at });
  const lag = member.lag;
  if (lag?.missing) {
    flags.push({ code: 'lag-unknown', message: `${who}: no replication lag data${lag.problem ? ` (${lag.problem})` : ''}`, blocking: false, ...at });
  } else if (lag?.ms !== undefined && lagObjectiveMs !== undefined && lag.ms > lagObjectiveMs) {
    const message = `${who}: replication lag ${formatDuration(lag.ms)} is above the objective ${formatDuration(lagObjectiveMs)}`;
    flags.push({ code: 'lag-above-objective', message, blocking: true, ...at });
  }
  return flags;
}

/** Members whose engine version differs from the writer's: AWS refuses a managed move to them. */
function versionFlags(members: readonly MemberStatus[]): Flag[] {
  const versions = new Set(members.map((member) => member.engineVersion).filter(Boolean));
  if (versions.size < 2) return [];
  const writerVersion = members.find((member) => !isSecondary(member))?.engineVersion;
  const listed = members.map((member) => `${member.id} ${member.engineVersion ?? '?'}`).join(', ');
  return members
    .filter((member) => isSecondary(member) && member.engineVersion && member.engineVersion !== writerVersion)
    .map((member) => ({ code: 'version-mismatch' as const, message: `engine versions differ (${listed}): AWS refuses a switchover or failover to ${member.id}`, blocking: true, region: member.region }));
}

export function globalFlags(resource: ResourceStatus, lagObjectiveMs: number | undefined): Flag[] {
  const noun = resource.kind === 'elasticache' ? 'datastore' : 'global cluster';
  const secondaries = resource.members.filter(isSecondary);
  return [...resourceFlags(resource, noun), ...secondaries.flatMap((member) => memberFlags(member, lagObjectiveMs)), ...versionFlags(resource.members)];
}

/** Secondaries with no blocking flag of their own, when nothing blocks the resource as a whole. */
export function readyTargets(resource: ResourceStatus, flags: readonly Flag[]): string[] {
  if (flags.some((flag) => flag.blocking && flag.region === undefined)) return [];
  const blocked = new Set(flags.filter((flag) => flag.blocking).map((flag) => flag.region));
  return resource.members.filter((member) => isSecondary(member) && !blocked.has(member.region)).map((member) => member.region);
}

/** Adds the flags, the ready targets and the verdict to what was read. */
export function judged(resource: ResourceStatus, lagObjectiveMs: number | undefined): ResourceStatus {
  if (resource.error) {
    const flags: Flag[] = [{ code: 'unreadable', message: resource.error.message, blocking: true }];
    return { ...resource, flags, readyTargets: [], ready: false };
  }
  if (resource.kind === 'health-check') {
    const health = resource.health;
    const flags: Flag[] = health && !health.healthy ? [{ code: 'unhealthy', message: `Route 53 judges it unhealthy (${health.reason})`, blocking: true }] : [];
    return { ...resource, flags, readyTargets: [], ready: flags.length === 0 };
  }
  const flags = globalFlags(resource, lagObjectiveMs);
  const targets = readyTargets(resource, flags);
  return { ...resource, flags, readyTargets: targets, ready: targets.length > 0 };
}
