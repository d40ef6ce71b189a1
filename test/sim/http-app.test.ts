// The application's side of the simulator over real HTTP: its alarms through CloudWatch's DescribeAlarms
// (the real SDK), and its regional endpoints through drctl's probe port, a name routed as clients reach it.
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpProbe } from '../../src/net/http-probe';
import { ManualClock } from '../../src/sim/clock';
import { startSimulator, type RunningSimulator } from '../../src/sim/index';
import { generateWorld } from '../../src/sim/world-generate';
import type { FaultSpecInput } from '../../src/sim/world-faults-spec';
import { FaultSpec } from '../../src/sim/world-faults-spec';
import { SHOP_RESOURCES } from '../helpers/shop-world';
import { clients, MINUTE, START } from './helpers';

let sim: RunningSimulator;
let clock: ManualClock;

async function start(faults: FaultSpecInput[] = []): Promise<void> {
  clock = new ManualClock(START);
  const world = generateWorld(
    {
      ...SHOP_RESOURCES,
      'app-east': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-use1', region: 'us-east-1' },
      'app-west': { type: 'cloudwatch-alarm', alarmName: 'shop-healthy-usw2', region: 'us-west-2' },
      shop: { type: 'http-endpoint', url: 'https://api.shop.example.com/health' },
      'shop-west': { type: 'http-endpoint', url: 'https://api-west.shop.example.com/health', region: 'us-west-2' },
    },
    { seed: 7 },
  );
  sim = await startSimulator({ world: { ...world, spec: { ...world.spec, faults: faults.map((fault) => FaultSpec.parse(fault)) } }, clock });
  await clock.advance(2 * MINUTE);
}
beforeEach(() => start());
afterEach(() => sim.close());

describe('DescribeAlarms', () => {
  it('returns composite alarms only when AlarmTypes asks for them, as CloudWatch does', async () => {
    const east = clients(sim.endpoint, 'us-east-1').cloudwatch;
    const metricOnly = await east.send(new DescribeAlarmsCommand({ AlarmNames: ['shop-healthy-use1'] }));
    expect(metricOnly.MetricAlarms).toEqual([]);
    expect(metricOnly.CompositeAlarms).toEqual([]);
    const both = await east.send(new DescribeAlarmsCommand({ AlarmNames: ['shop-healthy-use1', 'no-such-alarm'], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }));
    expect(both.CompositeAlarms).toHaveLength(1);
    expect(both.CompositeAlarms?.[0]).toMatchObject({
      AlarmName: 'shop-healthy-use1',
      StateValue: 'OK',
      StateReason: 'shop is healthy in us-east-1',
      StateTransitionedTimestamp: new Date(START - 60 * MINUTE),
      StateUpdatedTimestamp: new Date(START + 2 * MINUTE),
    });
  });

  it('says why the application is not healthy in a region, and lists alarms by region', async () => {
    const west = clients(sim.endpoint, 'us-west-2').cloudwatch;
    const out = await west.send(new DescribeAlarmsCommand({ AlarmTypes: ['CompositeAlarm'], StateValue: 'ALARM' }));
    expect(out.CompositeAlarms?.map((alarm) => [alarm.AlarmName, alarm.StateReason])).toEqual([
      ['shop-healthy-usw2', 'shop is not healthy in us-west-2: not every writer is here: shop-orders writes in us-east-1, shop-catalog writes in us-east-1, ldgnf-shop-sessions writes in us-east-1'],
    ]);
  });
});

describe('the regional endpoints', () => {
  it('answer a probe of the name in the region clients reach, and a regional name in its region', async () => {
    const probe = createHttpProbe({ route: (url) => sim.app.routeProbe(url) });
    const global = await probe.get({ url: 'https://api.shop.example.com/health', timeoutMs: 5_000 });
    expect(global.status).toBe(200);
    expect(JSON.parse(global.body)).toEqual({ application: 'shop', region: 'us-east-1', status: 'ok' });
    const west = await probe.get({ url: 'https://api-west.shop.example.com/health', timeoutMs: 5_000 });
    expect(west.status).toBe(503);
    expect(JSON.parse(west.body)).toMatchObject({ region: 'us-west-2', status: 'unavailable', reason: expect.stringContaining('shop-orders writes in us-east-1') });
    expect(Object.keys(sim.app.byRegion)).toEqual(['us-east-1', 'us-west-2']);
  });

  it('drop the connection while their region\'s endpoints are down; a name the world does not know goes out as asked', async () => {
    await sim.close();
    await start([{ type: 'region-outage', region: 'us-east-1', at: '0s' }]);
    const probe = createHttpProbe({ route: (url) => sim.app.routeProbe(url) });
    const answer = await probe.get({ url: 'https://api.shop.example.com/health', timeoutMs: 5_000 });
    expect(answer.status).toBeUndefined();
    expect(answer.error).toMatch(/reset|socket hang up/);
    expect(sim.app.routeProbe('http://127.0.0.1:1/health')).toBeUndefined();
  });
});
