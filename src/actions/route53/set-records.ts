// route53.set-records: UPSERT the records that differ from what Route 53 has, then poll GetChange every
// few seconds until INSYNC (the SDK waiter polls every 30-120 s, far too slow for a failover).
import * as z from 'zod';
import type { RecordSetView } from '../../core/services/route53';
import { explained, mutatingCallHints } from '../shared/aws-hints';
import { defineAction } from '../../core/define-action';
import { resourceNamed } from '../shared/resolve';
import type { ActionContext, ActionPlan, EndStateDeclaration, PollResult } from '../../core/action';
import { need } from '../../core/dependencies';
import { ROUTE53_REGION } from './health-actions';
import { checkRecordSet, describeRecord, failoverClash, recordIdentity, recordValue, RecordSpec, sameRecord, toApiRecordSet, toRecordSetView, withTrailingDot } from './records';
import { DrctlError } from '../../core/errors';

const SetRecordsParams = z
  .strictObject({
    resource: z.string().min(1).meta({ description: 'The name of a route53-record-set resource (zone, name and type).' }),
    records: z.array(RecordSpec).min(1).max(100),
    comment: z.string().max(256).optional(),
  })
  .superRefine((params, issues) => checkRecordSet(params.records, issues));
type SetRecordsParams = z.infer<typeof SetRecordsParams>;

export interface SetRecordsState {
  resource: string;
  hostedZoneId: string;
  name: string;
  type: string;
  upserts: RecordSetView[];
  comment?: string;
  /** Set by apply: the change to watch until INSYNC. */
  changeId?: string;
}

// Route 53 "generally" propagates within 60 s; GetChange is cheap, so look every 3 s.
export const CHANGE_POLL_MS = 3_000;
export const PROPAGATION_ESTIMATE_MS = 60_000;

function desiredRecords(ctx: Pick<ActionContext, 'resources'>, params: SetRecordsParams, name: string, type: string): RecordSetView[] {
  return params.records.map((spec) => {
    const healthCheckId = spec.healthCheck ? resourceNamed(ctx, spec.healthCheck, ['route53-health-check']).healthCheckId : spec.healthCheckId;
    return toRecordSetView(spec, name, type, healthCheckId);
  });
}

export async function listCurrent(ctx: ActionContext, state: Pick<SetRecordsState, 'resource' | 'hostedZoneId' | 'name' | 'type'>) {
  const hints = { 'not-found': `Check hostedZoneId "${state.hostedZoneId}" of resource ${state.resource}.` };
  return explained(`${state.resource}: listing ${state.name} ${state.type}`, hints, () =>
    ctx.ports.route53.listRecordSets(state.hostedZoneId, state.name, state.type),
  );
}

/**
 * Refused, not warned about: two records of one failover role leave Route 53's answer to chance, and a
 * run must not reach that state half-way through a failover. The plan stops before any call is made.
 */
function refuseFailoverClash(where: { resource: string; name: string; type: string }, current: RecordSetView[], upserts: RecordSetView[]): void {
  const clash = failoverClash(current, upserts);
  if (!clash) return;
  const named = clash.records.map(({ setIdentifier, now }) => `${setIdentifier} (${now ? 'there now' : 'this step'})`);
  throw new DrctlError(
    'action.duplicate-failover-role',
    `${where.resource}: after this UPSERT, ${where.name} ${where.type} would have two ${clash.role} failover records: ${named.join(' and ')}`,
    `Failover routing wants one PRIMARY and one SECONDARY per name. UPSERT the records that are there (the same setIdentifier), or delete the old ones first: drctl does not delete records.`,
  );
}

async function plan(ctx: ActionContext, params: SetRecordsParams): Promise<ActionPlan<SetRecordsState>> {
  const resource = resourceNamed(ctx, params.resource, ['route53-record-set']);
  const desired = desiredRecords(ctx, params, resource.name, resource.recordType);
  const where = { resource: params.resource, hostedZoneId: resource.hostedZoneId, name: desired[0]?.name ?? resource.name, type: resource.recordType };
  const current = await listCurrent(ctx, where);
  const upserts = desired.filter((record) => !current.some((existing) => sameRecord(existing, record)));
  refuseFailoverClash(where, current, upserts);
  const state: SetRecordsState = { ...where, upserts, comment: params.comment };
  const ttl = Math.max(0, ...desired.map((record) => record.ttl ?? 0));
  return {
    status: upserts.length ? 'ready' : 'done',
    summary: `set ${where.name} ${where.type}: ${upserts.length ? `UPSERT ${upserts.length} record(s)` : 'already as desired'}`,
    calls: upserts.length
      ? [{
          service: 'route53',
          region: ROUTE53_REGION,
          operation: 'ChangeResourceRecordSets',
          params: {
            HostedZoneId: where.hostedZoneId,
            ChangeBatch: { ...(params.comment ? { Comment: params.comment } : {}), Changes: upserts.map((record) => ({ Action: 'UPSERT', ResourceRecordSet: toApiRecordSet(record) })) },
          },
        }]
      : [],
    observations: current.length ? current.map((record) => `now: ${describeRecord(record)}`) : [`now: no ${where.name} ${where.type} records`],
    unverifiable: upserts.length ? [`when clients follow: resolvers keep the old answer for up to the TTL (${ttl} s) after INSYNC`] : [],
    estimateMs: upserts.length ? PROPAGATION_ESTIMATE_MS : 0,
    target: { resource: params.resource, operation: 'upsert-records' },
    state,
  };
}

/** UPSERTs the records the plan found missing; the change is then watched until INSYNC (pollChange). */
export async function applyUpserts(ctx: ActionContext, state: SetRecordsState): Promise<PollResult> {
  const hints = mutatingCallHints('route53:ChangeResourceRecordSets', ROUTE53_REGION, {
    'invalid-request': 'Route 53 rejected the whole batch, so nothing changed. Fix the records in the runbook (the message says which), then run again.',
  });
  const change = await explained(`${state.resource}: ChangeResourceRecordSets`, hints, () =>
    ctx.ports.route53.changeRecordSets(state.hostedZoneId, state.upserts.map((record) => ({ action: 'UPSERT', record })), state.comment),
  );
  state.changeId = change.id;
  return { done: change.status === 'INSYNC', observation: `${state.resource}: change ${change.id} ${change.status}`, outputs: { changeId: change.id } };
}

export async function pollChange(ctx: ActionContext, state: SetRecordsState): Promise<PollResult> {
  if (state.changeId === undefined) {
    // Resumed without the change id: all that can be checked is that Route 53 holds the records.
    const current = await listCurrent(ctx, state);
    const done = state.upserts.every((record) => current.some((existing) => sameRecord(existing, record)));
    return { done, observation: `${state.resource}: records ${done ? 'in place (propagation not tracked)' : 'not yet in place'}` };
  }
  const changeId = state.changeId;
  const change = await explained(`${state.resource}: GetChange ${changeId}`, {}, () => ctx.ports.route53.getChange(changeId));
  const observation = `${state.resource}: change ${change.id} ${change.status}`;
  return change.status === 'INSYNC' ? { done: true, observation, outputs: { changeId: change.id } } : { done: false, observation };
}

const recordKey = (hostedZoneId: string, record: RecordSetView) => `record:${hostedZoneId}/${withTrailingDot(record.name).toLowerCase()}/${record.type}/${record.setIdentifier ?? ''}`;

/** Each record set the step writes: a change, which a failback must undo. */
const recordsEndState: EndStateDeclaration<SetRecordsParams> = {
  expect(params, ctx) {
    const resource = resourceNamed(ctx, params.resource, ['route53-record-set']);
    return desiredRecords(ctx, params, resource.name, resource.recordType).map((record) => ({
      key: recordKey(resource.hostedZoneId, record),
      resource: params.resource,
      label: `${params.resource} (${recordIdentity(record)})`,
      changes: true,
      value: recordValue(record),
    }));
  },
  async read(ctx, params) {
    const resource = resourceNamed(ctx, params.resource, ['route53-record-set']);
    const desired = desiredRecords(ctx, params, resource.name, resource.recordType);
    const current = await listCurrent(ctx, { resource: params.resource, hostedZoneId: resource.hostedZoneId, name: withTrailingDot(resource.name), type: resource.recordType });
    return desired.map((record) => {
      const now = current.find((candidate) => recordIdentity(candidate) === recordIdentity(record));
      return { key: recordKey(resource.hostedZoneId, record), value: now ? recordValue(now) : 'absent' };
    });
  },
};

export const setRecordsAction = defineAction({
  uses: 'route53.set-records',
  description: 'UPSERT failover or weighted records of a route53-record-set resource, then wait until Route 53 reports INSYNC.',
  resourceTypes: ['route53-record-set'],
  params: SetRecordsParams,
  outputs: ['changeId'],
  mutating: true,
  defaultTimeoutMs: 5 * 60_000,
  pollIntervalMs: CHANGE_POLL_MS,
  permissions: () => ['route53:ListResourceRecordSets', 'route53:ChangeResourceRecordSets', 'route53:GetChange'],
  dependencies: () => ({ needs: [need('route53', ROUTE53_REGION, ['ListResourceRecordSets', 'ChangeResourceRecordSets', 'GetChange'])], leaves: [] }),
  plan,
  apply: (ctx, _params, plan) => applyUpserts(ctx, plan.state),
  poll: (ctx, _params, plan) => pollChange(ctx, plan.state),
  endState: recordsEndState,
});
