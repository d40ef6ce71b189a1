// Each member of a global resource as status shows it: the member's own describe in its own region (DB
// cluster or replication group), and for a secondary its replication lag, read with the actions' lag
// readers in the only region that has the metric. A region that does not answer leaves its member marked,
// not the whole table missing: in an incident that silent region is what the operator needs to see.
import { readMemberLag, type GlobalMember, type GlobalRead } from '../actions/shared/global-read';
import { datastoreLagMetrics, readLargestLag, type LagReading } from '../actions/shared/lag';
import { isAwsError } from '../aws/aws-error';
import type { ActionContext } from '../core/action';
import type { LagStatus, MemberRole, MemberStatus } from './model';

/** AWS failures become a note on the member; anything else is a bug and is thrown. */
async function attempt<T>(read: () => Promise<T>): Promise<{ value?: T; problem?: string; unreachable?: boolean }> {
  try {
    return { value: await read() };
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return { problem: error.message, unreachable: error.details.kind === 'unreachable' };
  }
}

function lagStatus(reading: LagReading | undefined, problem: string | undefined): LagStatus {
  if (!reading) return { metric: 'replication lag', missing: true, problem };
  return { ms: reading.valueMs, metric: reading.metricName, at: reading.at, missing: reading.missing };
}

async function clusterMember(ctx: ActionContext, read: GlobalRead & { kind: 'cluster' }, member: GlobalMember): Promise<MemberStatus> {
  const view = read.cluster.members.find((candidate) => candidate.clusterArn === member.arn);
  const base = { id: member.id, region: member.region, role: (member.writer ? 'writer' : 'reader') as MemberRole, sync: view?.synchronizationStatus };
  const [db, lag] = await Promise.all([
    attempt(() => ctx.ports[read.family.service].describeDbCluster(member.region, member.arn ?? member.id)),
    member.writer ? Promise.resolve(undefined) : attempt(() => readMemberLag(ctx, read, member)),
  ]);
  return {
    ...base,
    status: db.value?.status ?? (db.unreachable ? 'unreachable' : 'unknown'),
    instances: db.value?.instanceCount,
    engineVersion: db.value?.engineVersion,
    ...(lag ? { lag: lagStatus(lag.value, lag.problem) } : {}),
    ...(db.problem ? { problem: db.problem } : {}),
  };
}

async function datastoreMember(ctx: ActionContext, read: GlobalRead & { kind: 'datastore' }, member: GlobalMember): Promise<MemberStatus> {
  const view = read.datastore.members.find((candidate) => candidate.replicationGroupId === member.id && candidate.region === member.region);
  const group = await attempt(() => ctx.ports.elasticache.describeReplicationGroup(member.region, member.id));
  // The group's node clusters are the lag metric's dimension: read it from this describe, not a second one.
  const clusters = group.value?.memberClusters ?? [];
  const lag = member.writer || !group.value ? undefined : await attempt(() => readLargestLag(ctx.ports.cloudwatch, member.region, datastoreLagMetrics(clusters), ctx.clock.now()));
  return {
    id: member.id,
    region: member.region,
    role: member.writer ? 'primary' : 'secondary',
    status: group.value?.status ?? (group.unreachable ? 'unreachable' : 'unknown'),
    sync: view?.status,
    ...(member.writer ? {} : { lag: lagStatus(lag?.value, lag?.problem ?? group.problem) }),
    ...(group.problem ? { problem: group.problem } : {}),
  };
}

/** Every member, writer first, described in parallel. */
export function gatherMembers(ctx: ActionContext, read: GlobalRead): Promise<MemberStatus[]> {
  const members = [...read.members].sort((a, b) => Number(b.writer) - Number(a.writer));
  return Promise.all(members.map((member) => (read.kind === 'cluster' ? clusterMember(ctx, read, member) : datastoreMember(ctx, read, member))));
}
