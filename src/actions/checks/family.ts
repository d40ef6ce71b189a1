// Preflight checks: read-only, run by `drctl plan` and before any change; a failure stops the run.
import * as z from 'zod';
import { formatDuration, parseDuration } from '../../core/duration';
import { Duration } from '../../runbook/schema';
import { Region } from '../../core/resources';
import { checkAvailable } from './available';
import { GLOBAL_TYPES, readGlobal, readMemberLag } from '../shared/global-read';
import { defineCheck, type ActionFamily } from '../../core/define-action';
import { describeLag } from '../shared/lag';
import { memberInRegion } from '../shared/resolve';
import { describeHealth, readHealth } from '../route53/health';
import { healthReadNeeds } from '../route53/health-actions';
import { need } from '../../core/dependencies';
import { describeGlobalNeeds, regionsHint } from '../shared/dependencies';

const resourceName = z.string().min(1);
const GLOBAL_DESCRIBES = ['rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'elasticache:DescribeGlobalReplicationGroups', 'elasticache:DescribeReplicationGroups'];

const replicationLagBelow = defineCheck({
  check: 'replication-lag-below',
  description: 'Replication lag of each secondary (or of the one in `to`) is at most `max`, read from CloudWatch in the secondary\'s region.',
  params: z.strictObject({
    resources: z.array(resourceName).min(1),
    max: Duration,
    to: Region.optional().meta({ description: 'Only check the secondary in this region (the failover target).' }),
  }),
  resourceParams: { resources: GLOBAL_TYPES },
  permissions: () => [...GLOBAL_DESCRIBES, 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  // The lag of the secondary in `to`, or of every secondary (each in its own region).
  dependencies: (params, resources) => [
    ...params.resources.map((name) => describeGlobalNeeds(resources, name, params.to)),
    ...[...new Set(params.to ? [params.to] : params.resources.flatMap((name) => regionsHint(resources, name) ?? []))].map((region) => need('cloudwatch', region, ['ListMetrics', 'GetMetricData'])),
  ],
  async run(ctx, params) {
    const maxMs = parseDuration(params.max) ?? 0;
    const observations: string[] = [];
    const missing: string[] = [];
    const above: string[] = [];
    for (const name of params.resources) {
      const read = await readGlobal(ctx, name, params.to);
      const secondaries = params.to
        ? [memberInRegion(read.members, params.to, read.subject, (m) => `${m.id} in ${m.region}`)]
        : read.members.filter((member) => !member.writer);
      if (secondaries.length === 0) missing.push(`${name}: no secondary, nothing replicates`);
      for (const member of secondaries) {
        const lag = await readMemberLag(ctx, read, member);
        observations.push(describeLag(`${name} ${member.id}`, lag));
        if (lag.missing) missing.push(`${name}: no lag data in ${lag.region} (${lag.metricName})`);
        else if (lag.stale) missing.push(`${name}: the newest lag datapoint in ${lag.region} is ${formatDuration(lag.ageMs ?? 0)} old (stale: not a measurement)`);
        else if ((lag.valueMs ?? 0) > maxMs) above.push(`${name}: ${Math.round(lag.valueMs ?? 0)} ms in ${lag.region}, above ${params.max}`);
      }
    }
    if (missing.length === 0 && above.length === 0) {
      return { ok: true, message: `replication lag at most ${formatDuration(maxMs)} for ${params.resources.join(', ')}`, observations };
    }
    const hints = [
      missing.length
        ? 'CloudWatch publishes replication lag only in the secondary\'s region, about once a minute: check that the secondary is replicating and that the role may call cloudwatch:GetMetricData and cloudwatch:ListMetrics there.'
        : '',
      above.length ? 'Wait for the lag to fall before a cutover (it is the data a failover would lose), or raise `max` if the RPO allows it.' : '',
    ];
    return { ok: false, message: [...missing, ...above].join('; '), hint: hints.filter(Boolean).join(' '), observations };
  },
});

const healthy = defineCheck({
  check: 'healthy',
  description: 'Route 53 judges the health check healthy (more than 18% of checkers report success, accounting for Inverted).',
  params: z.strictObject({ resource: resourceName }),
  resourceParams: { resource: ['route53-health-check'] },
  permissions: () => ['route53:GetHealthCheck', 'route53:GetHealthCheckStatus'],
  dependencies: () => healthReadNeeds().needs,
  async run(ctx, params) {
    const { check, judgement } = await readHealth(ctx, params.resource);
    const message = describeHealth(params.resource, judgement);
    if (judgement.healthy) return { ok: true, message };
    const inverted = check.inverted ? ' It is inverted: set Inverted=false (route53.invert-health-check with inverted: false) if that is left over from a drill.' : '';
    return { ok: false, message, hint: `Check the endpoint the health check watches (${check.fqdn ?? check.ipAddress ?? check.id}).${inverted}` };
  },
});

const writerIn = defineCheck({
  check: 'writer-in',
  description: 'The global resource\'s writer (primary) is in `region`.',
  params: z.strictObject({ resource: resourceName, region: Region }),
  resourceParams: { resource: GLOBAL_TYPES },
  permissions: () => GLOBAL_DESCRIBES,
  dependencies: (params, resources) => [describeGlobalNeeds(resources, params.resource, params.region)],
  async run(ctx, params) {
    const read = await readGlobal(ctx, params.resource, params.region);
    const writer = read.members.find((member) => member.writer);
    if (writer?.region === params.region) return { ok: true, message: `${params.resource}: writer ${writer.id} is in ${params.region}` };
    return {
      ok: false,
      message: `${params.resource}: writer is ${writer ? `${writer.id} in ${writer.region}` : 'unknown'}, not in ${params.region}`,
      hint: 'Run the failover or switchover first, or correct the region in the check (inputs such as --input from=...).',
    };
  },
});

const available = defineCheck({
  check: 'available',
  description: 'AWS would accept a managed switchover or failover now: nothing under way, members in sync, target ready, engine versions equal; planned, the primary\'s region answers.',
  params: z.strictObject({
    resource: resourceName,
    to: Region.optional().meta({ description: 'The failover target; without it every secondary is checked.' }),
    mode: z
      .enum(['planned', 'unplanned'])
      .default('planned')
      .meta({ description: 'planned (default): a switchover, which needs the primary\'s region to answer; unplanned: a failover sent to the target\'s region.' }),
  }),
  resourceParams: { resource: GLOBAL_TYPES },
  permissions: () => GLOBAL_DESCRIBES,
  dependencies: (params, resources) => [describeGlobalNeeds(resources, params.resource, params.to)],
  async run(ctx, params) {
    return checkAvailable(ctx, await readGlobal(ctx, params.resource, params.to), params.to, params.mode);
  },
});

/** The read-only preflight checks: replication-lag-below, healthy, writer-in, available. */
export const checksFamily: ActionFamily = { name: 'checks', actions: [], checks: [replicationLagBelow, healthy, writerIn, available] };
