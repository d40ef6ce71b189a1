// Reading one application alarm the way ARC Region switch and Resilience Hub judge recovery: OK, and
// OK for long enough. DescribeAlarms is asked for both alarm types (a composite is otherwise left out),
// and a name AWS does not return is an error that says so, never "not OK".
import { DrctlError } from '../../core/errors';
import { formatDuration } from '../../core/duration';
import type { ResourceOf } from '../../core/resources';
import type { AlarmView } from '../../core/services/cloudwatch';
import { explained } from '../shared/aws-hints';
import { resourceNamed } from '../shared/resolve';
import type { ActionContext } from '../../core/action';

export const ALARM_PERMISSIONS = ['cloudwatch:DescribeAlarms'];

export interface AlarmReading {
  resource: string;
  alarm: AlarmView;
  region: string;
  /** How long it has held its state (since StateTransitionedTimestamp), when AWS says. */
  heldForMs?: number;
  /** OK, and OK for at least the time asked. */
  ok: boolean;
}

export function alarmResource(ctx: Pick<ActionContext, 'resources'>, name: string): ResourceOf<'cloudwatch-alarm'> {
  return resourceNamed(ctx, name, ['cloudwatch-alarm']);
}

export async function readAlarm(ctx: ActionContext, name: string, stableForMs: number): Promise<AlarmReading> {
  const { alarmName, region } = alarmResource(ctx, name);
  const hints = {
    'access-denied': `Grant cloudwatch:DescribeAlarms in ${region} (on * when the alarm is composite) to the role drctl runs as.`,
  };
  const alarms = await explained(`${name}: reading alarm ${alarmName} in ${region}`, hints, () => ctx.ports.cloudwatch.describeAlarms(region, [alarmName]));
  const alarm = alarms.find((candidate) => candidate.name === alarmName);
  if (!alarm) {
    throw new DrctlError(
      'action.alarm-not-found',
      `${name}: CloudWatch in ${region} has no alarm named "${alarmName}" (metric or composite)`,
      `Check alarmName and region of resource ${name}: alarm names are case-sensitive and alarms are regional.`,
    );
  }
  const heldForMs = alarm.transitionedAt ? Math.max(0, ctx.clock.now() - alarm.transitionedAt.getTime()) : undefined;
  // Without a transition time "OK for long enough" cannot be shown: only a plain OK is.
  const ok = alarm.state === 'OK' && (stableForMs === 0 || (heldForMs !== undefined && heldForMs >= stableForMs));
  return { resource: name, alarm, region, heldForMs, ok };
}

/**
 * "app-west: shop-healthy-usw2 (composite) in us-west-2 is OK for 2m10s" once it holds; while waiting,
 * "is ALARM since 09:03:00Z": the same words at every poll, so a long wait is said once, not each time.
 */
export function describeAlarm(reading: AlarmReading, stableForMs: number): string {
  const { alarm } = reading;
  const since = alarm.transitionedAt ? ` since ${alarm.transitionedAt.toISOString().replace(/\.\d+Z$/, 'Z')}` : '';
  const held = reading.ok ? (reading.heldForMs === undefined ? '' : ` for ${formatDuration(reading.heldForMs)}`) : since;
  const wanted = alarm.state === 'OK' && !reading.ok ? ` (needs ${formatDuration(stableForMs)})` : '';
  const reason = alarm.state === 'OK' || !alarm.reason ? '' : `: ${alarm.reason}`;
  return `${reading.resource}: ${alarm.name}${alarm.kind === 'composite' ? ' (composite)' : ''} in ${reading.region} is ${alarm.state}${held}${wanted}${reason}`;
}

export function alarmOutputs(reading: AlarmReading) {
  return {
    state: reading.alarm.state,
    ...(reading.heldForMs === undefined ? {} : { okForMs: reading.heldForMs }),
    signal: `${reading.alarm.name} OK in ${reading.region}`,
  };
}
