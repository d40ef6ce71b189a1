// The `available` preflight: would AWS accept a managed switchover or failover right now? The global
// object is available with nothing under way, every member is in sync, each target is a secondary whose
// cluster or group is available and not headless, and (global clusters) engine versions match.
import type { DbClusterView, GlobalClusterView } from '../../core/services/global-cluster-port';
import { describeOperationUnderWay, describeMember, unsyncedMembers } from '../global-cluster/model';
import { isRegionDown, memberInRegion } from '../shared/resolve';
import type { ActionContext, CheckResult } from '../../core/action';
import type { GlobalMember, GlobalRead } from '../shared/global-read';

// What DocumentDB says when it refuses (AWS-API.md §3); Aurora's wording is the same idea.
const VERSION_WORDING = 'The target DB cluster specified is running an engine version with a different patch level than the source DB cluster';

interface Findings {
  problems: string[];
  hints: string[];
  observations: string[];
}

function targetsOf(read: GlobalRead, to: string | undefined, findings: Findings): GlobalMember[] {
  if (!to) return read.members.filter((member) => !member.writer);
  return [memberInRegion(read.members, to, read.subject, (m) => `${m.id} in ${m.region}${m.writer ? ' (writer)' : ''}`)];
}

async function describeMembers(ctx: ActionContext, read: GlobalRead & { kind: 'cluster' }, findings: Findings) {
  const port = ctx.ports[read.family.service];
  const clusters = new Map<string, DbClusterView>();
  for (const member of read.members) {
    try {
      clusters.set(member.id, await port.describeDbCluster(member.region, member.arn ?? member.id));
    } catch (error) {
      if (!isRegionDown(error)) throw error;
      findings.observations.push(`${member.id}: ${member.region} does not answer; not checked`);
    }
  }
  return clusters;
}

export type Mode = 'planned' | 'unplanned';

/**
 * A switchover is sent to the primary's region and needs it to demote the old writer: if that region
 * does not answer, a planned move cannot work, and only the unplanned mode (a failover sent to the
 * target's region) can. A target that could not be read is never called ready, in either mode.
 */
function checkAnswered(read: GlobalRead, targets: GlobalMember[], answered: (member: GlobalMember) => boolean, mode: Mode, findings: Findings): void {
  const writer = read.members.find((member) => member.writer);
  if (mode === 'planned' && writer && !answered(writer)) {
    findings.problems.push(`the primary's region ${writer.region} does not answer, and a planned switchover is sent there`);
    const to = targets.map((target) => target.region).join(' or ');
    findings.hints.push(`If ${writer.region} is impaired, run the unplanned mode instead (\`--input mode=unplanned\`: a failover allowing data loss, sent to ${to || 'the target'}); otherwise wait until ${writer.region} answers.`);
  }
  for (const target of targets) {
    if (answered(target)) continue;
    findings.problems.push(`the target ${target.id} in ${target.region} could not be read`);
    findings.hints.push(`drctl cannot promote what it cannot see: check access to ${target.region}, or choose a target region that answers.`);
  }
}

async function checkCluster(ctx: ActionContext, read: GlobalRead & { kind: 'cluster' }, targets: GlobalMember[], mode: Mode, findings: Findings) {
  const cluster: GlobalClusterView = read.cluster;
  const unsynced = unsyncedMembers(cluster);
  if (unsynced.length) {
    findings.problems.push(`members not in sync: ${unsynced.map(describeMember).join('; ')}`);
    findings.hints.push('Wait until every member is connected again (`drctl status`); after a failover AWS rebuilds the old primary on its own.');
  }
  const clusters = await describeMembers(ctx, read, findings);
  checkAnswered(read, targets, (member) => clusters.has(member.id), mode, findings);
  for (const target of targets) {
    const db = clusters.get(target.id);
    if (!db) continue;
    findings.observations.push(`${db.id} in ${db.region}: ${db.status}, ${db.instanceCount} instance(s), ${db.engineVersion ?? 'version unknown'}`);
    if (db.status !== 'available') findings.problems.push(`${db.id} in ${db.region} is ${db.status}`);
    if (db.instanceCount === 0) {
      findings.problems.push(`${db.id} in ${db.region} is headless (no DB instance)`);
      findings.hints.push(`Add a DB instance to ${db.id} in ${db.region}: a headless secondary cannot be promoted.`);
    }
  }
  const versions = new Set([...clusters.values()].map((db) => db.engineVersion).filter(Boolean));
  if (versions.size > 1) {
    const listed = [...clusters.values()].map((db) => `${db.id} ${db.engineVersion}`).join(', ');
    findings.problems.push(`engine versions differ (${listed}): "${VERSION_WORDING}"`);
    findings.hints.push(`Upgrade the members to one engine version; if that cannot wait, ${read.family.prefix}.detach (RemoveFromGlobalCluster) is the last resort.`);
  }
}

async function checkDatastore(ctx: ActionContext, read: GlobalRead & { kind: 'datastore' }, targets: GlobalMember[], findings: Findings) {
  const detached = read.datastore.members.filter((member) => member.status !== undefined && member.status !== 'associated');
  if (detached.length) findings.problems.push(`members not associated: ${detached.map((m) => `${m.replicationGroupId} ${m.status}`).join(', ')}`);
  for (const target of targets) {
    const group = await ctx.ports.elasticache.describeReplicationGroup(target.region, target.id);
    findings.observations.push(`${group.id} in ${group.region}: ${group.status}`);
    if (group.status !== 'available') findings.problems.push(`${group.id} in ${group.region} is ${group.status}`);
  }
}

export async function checkAvailable(ctx: ActionContext, read: GlobalRead, to: string | undefined, mode: Mode = 'planned'): Promise<CheckResult> {
  const findings: Findings = { problems: [], hints: [], observations: [] };
  const status = read.kind === 'cluster' ? read.cluster.status : read.datastore.status;
  if (status !== 'available') findings.problems.push(`${read.kind === 'cluster' ? 'global cluster' : 'datastore'} is ${status}`);
  if (read.kind === 'cluster' && read.cluster.failoverState) findings.problems.push(`${describeOperationUnderWay(read.cluster)} is under way`);
  // Re-running a runbook that already moved this resource must not be blocked here: its steps will
  // plan "already done" and make no call, which is what the operator wants to see.
  const writer = read.members.find((member) => member.writer);
  if (to && writer?.region === to && !(read.kind === 'cluster' && read.cluster.failoverState)) {
    return { ok: true, message: `${read.name}: the writer is already in ${to}; nothing to move`, observations: findings.observations };
  }
  const targets = targetsOf(read, to, findings);
  if (!to && targets.length === 0) findings.problems.push('no secondary to fail over to');
  if (read.kind === 'cluster') await checkCluster(ctx, read, targets, mode, findings);
  else await checkDatastore(ctx, read, targets, findings);

  if (findings.problems.length === 0) {
    const where = targets.map((target) => target.region).join(', ');
    return { ok: true, message: `${read.name} is available; ready to promote ${where}`, observations: findings.observations };
  }
  if (findings.hints.length === 0) findings.hints.push('Wait until the operation or change under way finishes (`drctl status`), then run again.');
  return {
    ok: false,
    message: `${read.name} is not ready for a switchover or failover: ${findings.problems.join('; ')}`,
    hint: [...new Set(findings.hints)].join(' '),
    observations: findings.observations,
  };
}
