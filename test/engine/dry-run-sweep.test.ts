// The dry run is read-only by construction. This sweeps every action and check in the action catalogue: each
// plans (or runs) against fake AWS ports whose mutating methods throw and are counted, both straight
// and through the engine's dry run. A newly registered action without a sample below fails the sweep.
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import { type AwsPorts, SERVICE_IDS } from '../../src/core/services/catalogue';
import { planRunbook } from '../../src/engine/dry-run';
import { readOnlyContext } from '../../src/engine/preflight';
import { RunEmitter } from '../../src/engine/emitter';
import { emptyRunState } from '../../src/engine/state';
import { FAKE_SHOP_RESOURCES, fakeShop } from '../helpers/fake-shop';
import { FakeClock } from '../helpers/fake-clock';
import { MemorySink, runbook } from './harness';
import { ACTION_SAMPLES } from '../helpers/action-samples';
import { FakeProbe, ok } from '../helpers/fake-probe';

const CHECK_SAMPLES: Record<string, Record<string, unknown>> = {
  'replication-lag-below': { resources: ['orders-db', 'catalog-db', 'sessions'], max: '1s' },
  healthy: { resource: 'api-west' },
  'writer-in': { resource: 'orders-db', region: 'us-east-1' },
  available: { resource: 'orders-db', to: 'us-west-2' },
  'routing-controls': { on: ['east-traffic'], off: ['west-traffic'] },
  'alarm-ok': { resource: 'app-west' },
  'endpoint-answers': { resource: 'shop-api', consecutive: 2 },
};

/** The application answers a probe (it changes nothing, whatever it answers). */
const http = (clock: FakeClock) => new FakeProbe(() => clock.now()).script('https://api.shop.example.com/health', ok());

const READ = /^(describe|get|list)/;

/** The fake world's ports with every mutating method replaced by one that records and throws. */
function throwingPorts(ports: AwsPorts): { ports: AwsPorts; attempts: string[] } {
  const attempts: string[] = [];
  const guard = <T extends object>(name: string, port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (typeof property === 'string' && !READ.test(property)) {
          return () => {
            attempts.push(`${name}.${property}`);
            throw new Error(`mutating call ${name}.${property} in a dry run`);
          };
        }
        return value.bind(target);
      },
    });
  return {
    attempts,
    ports: Object.fromEntries(SERVICE_IDS.map((service) => [service, guard(service, ports[service])])) as AwsPorts,
  };
}

describe('dry-run sweep over every registered action and check', () => {
  it('has a sample for every registered action and check', () => {
    expect(actionCatalogue.actions.map((action) => action.uses).sort()).toEqual(Object.keys(ACTION_SAMPLES).sort());
    expect(actionCatalogue.checks.map((check) => check.check).sort()).toEqual(Object.keys(CHECK_SAMPLES).sort());
  });

  it.each(actionCatalogue.actions.map((action) => [action.uses, action] as const))('%s plans without a mutating call', async (uses, action) => {
    const world = fakeShop({ defaultRegion: 'us-east-1' });
    const { ports, attempts } = throwingPorts(world.aws);
    const emitter = new RunEmitter(new MemorySink(), new FakeClock(), emptyRunState());
    const signal = new AbortController().signal;
    const clock = new FakeClock();
    const engine = { emitter, clock, readPorts: ports, http: http(clock), resources: FAKE_SHOP_RESOURCES, defaultRegion: 'us-east-1', actions: actionCatalogue, stop: signal, hard: signal };
    const plan = await action.plan(readOnlyContext(engine, uses, signal, true), ACTION_SAMPLES[uses]);
    expect(attempts).toEqual([]);
    expect(world.aws.mutatingCalls()).toEqual([]);
    expect(['ready', 'done', 'in-progress']).toContain(plan.status);
  });

  it('plans a runbook using all of them through the engine, with preflight, and never mutates', async () => {
    const world = fakeShop({ defaultRegion: 'us-east-1' });
    const { ports, attempts } = throwingPorts(world.aws);
    const steps = actionCatalogue.actions.map((action) => ({ id: action.uses.replace(/\./g, '-'), uses: action.uses, with: ACTION_SAMPLES[action.uses] }));
    const preflight = actionCatalogue.checks.map((check) => ({ check: check.check, with: CHECK_SAMPLES[check.check] }));
    const document = runbook(steps, { resources: FAKE_SHOP_RESOURCES, preflight });
    const sink = new MemorySink();
    const clock = new FakeClock();
    const result = await planRunbook({ runId: 'dry', file: 'sweep.yaml', document, inputs: {} }, { clock, ports, http: http(clock), sink, actions: actionCatalogue, defaultRegion: 'us-east-1' });
    expect(attempts).toEqual([]);
    expect(world.aws.mutatingCalls()).toEqual([]);
    expect(result.steps.filter((step) => step.status === 'error')).toEqual([]);
    expect(result.steps).toHaveLength(steps.length);
    expect(sink.of('step.intent')).toEqual([]);
    expect(sink.of('step.applied')).toEqual([]);
    expect(result.preflight).toHaveLength(preflight.length);
    expect(result.permissions).toContain('rds:SwitchoverGlobalCluster');
  });
});
