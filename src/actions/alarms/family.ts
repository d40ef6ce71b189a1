// The application's own alarms: cloudwatch.wait-alarms waits until a metric or composite alarm is OK in
// its region (for `stableFor`, counted from StateTransitionedTimestamp), and the alarm-ok preflight check
// reads it once. Recovery is over when the application says so, not when the last AWS call returns.
import * as z from 'zod';
import { formatDuration, parseDuration } from '../../core/duration';
import { defineAction, defineCheck, type ActionFamily } from '../../core/define-action';
import { type DeclaredResources, type Dependency, need } from '../../core/dependencies';
import { Duration } from '../../runbook/schema';
import type { ActionContext, ActionPlan, EndStateDeclaration, PollResult } from '../../core/action';
import { ALARM_PERMISSIONS, alarmOutputs, alarmResource, describeAlarm, readAlarm } from './read';

// Alarms evaluate once a period (a minute, usually): every 10 s notices a change within its period.
const ALARM_POLL_MS = 10_000;

const AlarmParams = z.strictObject({
  resource: z.string().min(1).meta({ description: 'The name of a cloudwatch-alarm resource (metric or composite).' }),
  stableFor: Duration.optional().meta({ description: 'How long it must have been OK, counted from its last state change (default: OK now).' }),
});
type AlarmParams = z.infer<typeof AlarmParams>;

interface AlarmState {
  resource: string;
  stableForMs: number;
}

/** DescribeAlarms in the alarm's own region: CloudWatch is regional, and reading it is its data plane. */
function alarmNeeds(params: AlarmParams, resources: DeclaredResources): Dependency[] {
  const resource = resources[params.resource];
  return [need('cloudwatch', resource?.type === 'cloudwatch-alarm' ? resource.region : undefined, ['DescribeAlarms'])];
}

const stableForOf = (params: AlarmParams) => (params.stableFor === undefined ? 0 : (parseDuration(params.stableFor) ?? 0));

async function pollAlarm(ctx: ActionContext, state: AlarmState): Promise<PollResult> {
  const reading = await readAlarm(ctx, state.resource, state.stableForMs);
  const observation = describeAlarm(reading, state.stableForMs);
  return reading.ok ? { done: true, observation, outputs: alarmOutputs(reading) } : { done: false, observation };
}

/** The alarm's state: watched, not changed. */
const alarmEndState: EndStateDeclaration<AlarmParams> = {
  expect(params, ctx) {
    const { alarmName, region } = alarmResource(ctx, params.resource);
    return [{ key: `alarm:${region}/${alarmName}`, resource: params.resource, label: `${params.resource} (alarm ${alarmName} in ${region})`, changes: false, value: 'OK' }];
  },
  async read(ctx, params) {
    const reading = await readAlarm(ctx, params.resource, 0);
    return [{ key: `alarm:${reading.region}/${reading.alarm.name}`, value: reading.alarm.state }];
  },
};

export const waitAlarmsAction = defineAction({
  uses: 'cloudwatch.wait-alarms',
  description: 'Wait until a CloudWatch alarm (metric or composite) is OK in its region, optionally for `stableFor`: the application healthy.',
  resourceTypes: ['cloudwatch-alarm'],
  params: AlarmParams,
  outputs: ['state', 'okForMs', 'signal'],
  mutating: false,
  defaultTimeoutMs: 15 * 60_000,
  pollIntervalMs: ALARM_POLL_MS,
  permissions: () => ALARM_PERMISSIONS,
  dependencies: (params, resources) => ({ needs: alarmNeeds(params, resources), leaves: [] }),
  async plan(ctx, params): Promise<ActionPlan<AlarmState>> {
    const state = { resource: params.resource, stableForMs: stableForOf(params) };
    const reading = await readAlarm(ctx, params.resource, state.stableForMs);
    const stable = state.stableForMs ? ` for ${formatDuration(state.stableForMs)}` : '';
    return {
      status: reading.ok ? 'done' : 'ready',
      summary: `wait until ${params.resource} (${reading.alarm.name} in ${reading.region}) is OK${stable}`,
      calls: [],
      observations: [describeAlarm(reading, state.stableForMs)],
      unverifiable: reading.ok ? [] : ['when the application recovers: the alarm follows its metrics, a period or more after traffic arrives'],
      estimateMs: reading.ok ? 0 : state.stableForMs + 60_000,
      target: { resource: params.resource },
      state,
    };
  },
  poll: (ctx, _params, plan) => pollAlarm(ctx, plan.state),
  endState: alarmEndState,
});

const alarmOk = defineCheck({
  check: 'alarm-ok',
  description: 'A CloudWatch alarm (metric or composite) is OK in its region now, optionally for `stableFor`.',
  params: AlarmParams,
  resourceParams: { resource: ['cloudwatch-alarm'] },
  permissions: () => ALARM_PERMISSIONS,
  dependencies: alarmNeeds,
  async run(ctx, params) {
    const reading = await readAlarm(ctx, params.resource, stableForOf(params));
    const message = describeAlarm(reading, stableForOf(params));
    if (reading.ok) return { ok: true, message };
    return { ok: false, message, hint: 'Look at what the alarm watches (its metrics, or a composite\'s children) before moving anything; a drill should start from a healthy application.' };
  },
});

export const alarmsFamily: ActionFamily = { name: 'alarms', actions: [waitAlarmsAction], checks: [alarmOk] };
