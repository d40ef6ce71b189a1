// route53.point-to-writer: the name applications use for a DocumentDB cluster or an ElastiCache datastore
// (neither has a global endpoint, AWS-API-2.md §5), a CNAME in a private hosted zone, UPSERTed to the
// endpoint of the member in `to`, read from the describe calls (DescribeDBClusters Endpoint; the
// replication group's ConfigurationEndpoint or first PrimaryEndpoint), never typed by hand. Clients follow
// once resolvers drop the old answer: the record's TTL counts in the estimate. Route 53's control plane
// makes the change, so an unplanned failover out of us-east-1 needs the step marked continue-on-error.
import * as z from 'zod';
import { DrctlError } from '../../core/errors';
import { defineAction } from '../../core/define-action';
import type { DeclaredResources, StepDependencies } from '../../core/dependencies';
import { need } from '../../core/dependencies';
import { Region } from '../../core/resources';
import type { ActionContext, ActionPlan, EndStateDeclaration } from '../../core/action';
import type { RecordSetView } from '../../core/services/route53';
import { GLOBAL_TYPES, readGlobal, type GlobalMember, type GlobalRead } from '../shared/global-read';
import { describeGlobalNeeds } from '../shared/dependencies';
import { explained } from '../shared/aws-hints';
import { asRunFailure, memberInRegion, resourceNamed } from '../shared/resolve';
import { ROUTE53_REGION } from './health-actions';
import { describeRecord, sameRecord, toApiRecordSet, withTrailingDot } from './records';
import { applyUpserts, CHANGE_POLL_MS, listCurrent, pollChange, PROPAGATION_ESTIMATE_MS, type SetRecordsState } from './set-records';

const Params = z.strictObject({
  resource: z.string().min(1).meta({ description: 'The route53-record-set resource (a CNAME, in a private hosted zone) applications connect through.' }),
  writer: z.string().min(1).meta({ description: 'The docdb-global, elasticache-global or aurora-global resource whose writer it must point to.' }),
  to: Region.meta({ description: 'The region whose member is the writer after the failover: the CNAME points to its endpoint.' }),
  ttl: z.number().int().min(0).max(86_400).default(60).meta({ description: 'Seconds resolvers may keep the answer; counted in the estimate.' }),
});
type Params = z.infer<typeof Params>;

function dependencies(params: Params, resources: DeclaredResources): StepDependencies {
  return {
    needs: [describeGlobalNeeds(resources, params.writer, params.to), need('route53', ROUTE53_REGION, ['ListResourceRecordSets', 'ChangeResourceRecordSets', 'GetChange'])],
    leaves: [],
  };
}

/** The endpoint applications use for the member: its cluster endpoint, or its replication group's. */
async function endpointOf(ctx: ActionContext, read: GlobalRead, member: GlobalMember): Promise<string> {
  const endpoint =
    read.kind === 'cluster'
      ? (await explained(`${read.name}: describing ${member.id}`, {}, () => ctx.ports[read.family.service].describeDbCluster(member.region, member.arn ?? member.id))).endpoint
      : (await explained(`${read.name}: describing ${member.id}`, {}, () => ctx.ports.elasticache.describeReplicationGroup(member.region, member.id))).endpoint;
  if (!endpoint) {
    throw new DrctlError('action.no-endpoint', `${read.subject}: ${member.id} in ${member.region} has no endpoint to point to`, 'Check the member in the AWS console: an endpoint exists once it is available.', asRunFailure);
  }
  return endpoint;
}

interface PointState extends SetRecordsState {
  /** Whether the member in `to` was the writer when planned: a dry run before the failover says so, apply refuses. */
  writerReady: boolean;
  writerSubject: string;
}

async function plan(ctx: ActionContext, params: Params): Promise<ActionPlan<PointState>> {
  const record = resourceNamed(ctx, params.resource, ['route53-record-set']);
  if (record.recordType !== 'CNAME') {
    throw new DrctlError('action.not-a-cname', `${params.resource} is a ${record.recordType} record set; route53.point-to-writer sets a CNAME`, `Declare it with recordType: CNAME.`);
  }
  const read = await readGlobal(ctx, params.writer, params.to);
  const member = memberInRegion(read.members, params.to, read.subject, (m) => `${m.id} in ${m.region}`);
  const endpoint = await endpointOf(ctx, read, member);
  const desired: RecordSetView = { name: withTrailingDot(record.name), type: 'CNAME', ttl: params.ttl, values: [endpoint] };
  const state: PointState = {
    writerReady: member.writer,
    writerSubject: `${read.subject}: ${member.id} in ${params.to}`, resource: params.resource, hostedZoneId: record.hostedZoneId, name: desired.name, type: 'CNAME', upserts: [desired], comment: `drctl: ${params.writer} writer in ${params.to}` };
  const current = await listCurrent(ctx, state);
  const done = current.some((existing) => sameRecord(existing, desired));
  const upsert = { HostedZoneId: record.hostedZoneId, ChangeBatch: { Comment: state.comment, Changes: [{ Action: 'UPSERT', ResourceRecordSet: toApiRecordSet(desired) }] } };
  return {
    status: done ? 'done' : 'ready',
    summary: `point ${desired.name} at the ${params.writer} writer in ${params.to} (${endpoint})`,
    calls: done ? [] : [{ service: 'route53', region: ROUTE53_REGION, operation: 'ChangeResourceRecordSets', params: upsert }],
    observations: [
      ...(current.length ? current.map((existing) => `now: ${describeRecord(existing)}`) : [`now: no ${desired.name} CNAME`]),
      `${member.id} in ${params.to}: ${member.writer ? 'the writer' : 'not the writer yet'}, endpoint ${endpoint}`,
    ],
    unverifiable: done ? [] : [`when applications follow: resolvers keep the old answer up to the TTL (${params.ttl} s) after INSYNC`],
    // Propagation to Route 53's name servers, then the TTL before every resolver has the new answer.
    estimateMs: done ? 0 : PROPAGATION_ESTIMATE_MS + params.ttl * 1000,
    target: { resource: params.resource, to: params.to, operation: 'point-to-writer' },
    state: { ...state, upserts: done ? [] : [desired] },
  };
}

const REGION_IN_NAME = /\b([a-z]{2}(?:-gov)?-[a-z]+-\d)\b/;

/**
 * The CNAME's target, said by the member it reaches: "-> the catalog-db member in us-east-1" when it is a
 * member's endpoint (or a name with that member's region in it, as AWS endpoints have), else the raw name.
 */
const pointsToEndState: EndStateDeclaration<Params> = {
  expect(params, ctx) {
    const record = resourceNamed(ctx, params.resource, ['route53-record-set']);
    const key = `record:${record.hostedZoneId}/${withTrailingDot(record.name).toLowerCase()}/CNAME/`;
    return [{ key, resource: params.resource, label: `${params.resource} (${withTrailingDot(record.name)} CNAME)`, changes: true, value: `-> the ${params.writer} member in ${params.to}` }];
  },
  async read(ctx, params) {
    const record = resourceNamed(ctx, params.resource, ['route53-record-set']);
    const key = `record:${record.hostedZoneId}/${withTrailingDot(record.name).toLowerCase()}/CNAME/`;
    const state = { resource: params.resource, hostedZoneId: record.hostedZoneId, name: withTrailingDot(record.name), type: 'CNAME' };
    const target = (await listCurrent(ctx, state))[0]?.values[0];
    if (target === undefined) return [{ key, value: 'absent' }];
    const read = await readGlobal(ctx, params.writer, params.to);
    const name = target.replace(/\.$/, '').toLowerCase();
    let region: string | undefined;
    for (const member of read.members) if ((await endpointOf(ctx, read, member).catch(() => '')).toLowerCase() === name) region = member.region;
    region ??= read.members.find((member) => REGION_IN_NAME.exec(name)?.[1] === member.region)?.region;
    return [{ key, value: region ? `-> the ${params.writer} member in ${region}` : `-> ${target}` }];
  },
};

export const pointToWriterAction = defineAction({
  uses: 'route53.point-to-writer',
  description: "UPSERT a CNAME (private hosted zone) to the endpoint of the writer in `to` of a DocumentDB cluster or ElastiCache datastore, read from AWS, and wait until INSYNC.",
  resourceTypes: ['route53-record-set'],
  resourceParams: { writer: GLOBAL_TYPES },
  params: Params,
  outputs: ['changeId'],
  mutating: true,
  defaultTimeoutMs: 5 * 60_000,
  pollIntervalMs: CHANGE_POLL_MS,
  permissions: () => ['rds:DescribeGlobalClusters', 'rds:DescribeDBClusters', 'elasticache:DescribeGlobalReplicationGroups', 'elasticache:DescribeReplicationGroups', 'route53:ListResourceRecordSets', 'route53:ChangeResourceRecordSets', 'route53:GetChange'],
  dependencies,
  plan,
  apply: (ctx, params, plan) => {
    // A step run before its failover finished: applications must not be sent to a secondary.
    if (!plan.state.writerReady) {
      throw new DrctlError('action.not-writer-yet', `${plan.state.writerSubject} is not the writer yet`, `Run this step after the step that fails ${params.writer} over to ${params.to} (needs:).`, asRunFailure);
    }
    return applyUpserts(ctx, plan.state);
  },
  poll: (ctx, _params, plan) => pollChange(ctx, plan.state),
  endState: pointsToEndState,
});
