// DescribeAlarms over the world's application alarms (world-apps.ts), as CloudWatch answers it: only
// metric alarms unless AlarmTypes asks for composites too ("If you omit this parameter, only metric alarms
// are returned, even if composite alarms exist"), unknown names silently absent, pages by NextToken.
import { faults } from '../sim-fault';
import type { SimWorld } from '../world';
import type { AlarmStatus } from '../world-apps';
import { paginate } from './wire';

type Json = Record<string, unknown>;

const ACCOUNT = '123456789012';
const ALARM_TYPES = ['MetricAlarm', 'CompositeAlarm'];

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

function shape(alarm: AlarmStatus): Json {
  const kind = alarm.composite ? 'composite' : 'metric';
  return {
    AlarmName: alarm.name,
    AlarmArn: `arn:aws:cloudwatch:${alarm.region}:${ACCOUNT}:alarm:${alarm.name}`,
    AlarmDescription: `${alarm.application} healthy in ${alarm.region} (a ${kind} alarm of the drctl simulator)`,
    StateValue: alarm.state,
    StateReason: alarm.reason,
    // Epoch seconds, as JSON 1.0 carries timestamps.
    StateUpdatedTimestamp: alarm.updatedAt / 1000,
    StateTransitionedTimestamp: alarm.transitionedAt / 1000,
    ActionsEnabled: false,
  };
}

export function describeAlarms(input: Json, region: string, world: SimWorld): Json {
  const names = strings(input.AlarmNames);
  const prefix = typeof input.AlarmNamePrefix === 'string' ? input.AlarmNamePrefix : undefined;
  if (names && prefix !== undefined) throw faults.invalidParameterCombination('AlarmNames and AlarmNamePrefix cannot be used together.');
  if (names && names.length > 100) throw faults.invalidParameterValue('The collection AlarmNames must not have more than 100 members.');
  const types = strings(input.AlarmTypes) ?? ['MetricAlarm'];
  const unknownType = types.find((type) => !ALARM_TYPES.includes(type));
  if (unknownType) throw faults.invalidParameterValue(`The value ${unknownType} for parameter AlarmTypes is not valid.`);
  const marker = typeof input.NextToken === 'string' ? input.NextToken : undefined;
  if (marker !== undefined && !/^\d+$/.test(marker)) throw faults.invalidNextToken();
  const chosen = world.apps
    .alarmStatuses()
    .filter((alarm) => alarm.region === region)
    .filter((alarm) => !names || names.includes(alarm.name))
    .filter((alarm) => prefix === undefined || alarm.name.startsWith(prefix))
    .filter((alarm) => input.StateValue === undefined || alarm.state === input.StateValue)
    .filter((alarm) => types.includes(alarm.composite ? 'CompositeAlarm' : 'MetricAlarm'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, next } = paginate(chosen, marker, typeof input.MaxRecords === 'number' ? input.MaxRecords : undefined);
  return {
    MetricAlarms: page.filter((alarm) => !alarm.composite).map(shape),
    CompositeAlarms: page.filter((alarm) => alarm.composite).map(shape),
    ...(next ? { NextToken: next } : {}),
  };
}
