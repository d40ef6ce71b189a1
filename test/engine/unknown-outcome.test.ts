// "A failed read is not a verdict" and "a call whose outcome is unknown is never sent again blindly",
// through the real actions against the stateful FakeAws: throttled or failing reads while an accepted
// switchover is under way, a mutating call whose answer is lost, a resume that finds its own ElastiCache
// failover under way, and a planned run into a region that does not answer.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/catalogue';
import type { RunEvent } from '../../src/core/events';
import { resumeRun, runRunbook } from '../../src/engine/run';
import { summarizeRun } from '../../src/engine/summary';
import { resolveInputs } from '../../src/runbook/inputs';
import { loadRunbookFile } from '../../src/runbook/load';
import { fakeShop } from '../helpers/fake-shop';
import { FakeClock } from '../helpers/fake-clock';
import { TickingClock } from '../helpers/ticking-clock';
import { MemorySink, operator } from './harness';

const RUNBOOKS = path.join(__dirname, '../../runbooks');

/** A sink that lets the test act on the world when an event goes by (a fault starting mid-run). */
class WatchingSink extends MemorySink {
  constructor(private readonly on: (event: RunEvent) => void = () => undefined) {
    super();
  }
  override emit(event: RunEvent): void {
    super.emit(event);
    this.on(event);
  }
  override async commit(event: RunEvent): Promise<void> {
    await super.commit(event);
    this.on(event);
  }
}

async function setUp(file: string, inputs: Record<string, unknown> = {}, on?: (event: RunEvent, shop: ReturnType<typeof fakeShop>) => void) {
  const { document } = await loadRunbookFile(path.join(RUNBOOKS, file), actionCatalogue);
  const shop = fakeShop({ defaultRegion: 'us-east-1' });
  const clock = new TickingClock(shop.aws, shop.clock.now());
  const sink = new WatchingSink((event) => on?.(event, shop));
  const deps = { clock, ports: shop.aws, sink, operator: operator(), actions: actionCatalogue, random: () => 0.5 };
  const options = { runId: 'run-u', file, document, inputs: resolveInputs(document, inputs as Record<string, string>) };
  return { shop, clock, sink, deps, options, run: () => runRunbook(options, deps) };
}

const switchovers = (shop: ReturnType<typeof fakeShop>) => shop.aws.callsTo('SwitchoverGlobalCluster').length;

describe('a failed read is not a verdict', () => {
  it('throttled reads while polling an accepted switchover keep it polling: the step succeeds, nothing is rolled back', async () => {
    const { shop, sink, run } = await setUp('aurora-global-failover.yaml', {}, (event, world) => {
      if (event.type === 'step.applied' && event.stepId === 'switchover') world.aws.fail({ kind: 'throttled', operation: 'DescribeGlobalClusters', times: 8 });
    });
    const result = await run();
    expect(result.outcome).toBe('succeeded');
    expect(result.state.steps.switchover?.state).toBe('succeeded');
    expect(sink.types()).not.toContain('rollback.started');
    expect(switchovers(shop)).toBe(1);
  });

  it('reads that fail until the step times out end the step `unknown`: not failed, no rollback, exit 5, the summary names drctl status', async () => {
    const { shop, sink, run } = await setUp('aurora-global-failover.yaml', {}, (event, world) => {
      if (event.type === 'step.applied' && event.stepId === 'switchover') world.aws.fail({ kind: 'service', operation: 'DescribeGlobalClusters', times: Infinity });
    });
    const result = await run();
    expect(result.state.steps.switchover?.state).toBe('unknown');
    expect(result.outcome).toBe('unknown');
    expect(result.exitCode).toBe(5);
    expect(sink.types()).toContain('step.unknown');
    expect(sink.types()).not.toContain('step.failed');
    expect(sink.types()).not.toContain('rollback.started');
    expect(result.state.steps.verify?.state).toBe('cancelled');
    expect(switchovers(shop)).toBe(1);
    expect(summarizeRun(result.state).steps.find((step) => step.id === 'switchover')?.state).toBe('unknown');
  });
});

describe('a mutating call whose outcome is unknown is never sent again blindly', () => {
  it('a switchover whose answer is lost (it took) is joined after reading the state, never sent twice', async () => {
    const { shop, sink, run } = await setUp('aurora-global-failover.yaml');
    shop.aws.fail({ kind: 'unreachable', operation: 'SwitchoverGlobalCluster', tookEffect: true });
    const result = await run();
    expect(result.outcome).toBe('succeeded');
    expect(switchovers(shop)).toBe(1);
    expect(result.state.steps.switchover?.joined).toBe(true);
    expect(sink.of('step.observation').map((event) => event.message).join('\n')).toMatch(/outcome .*unknown/i);
  });

  it('a switchover whose request was lost (it did not take) is sent again only after a read, and a wait for AWS to show it, prove that', async () => {
    const { shop, sink, run } = await setUp('aurora-global-failover.yaml');
    shop.aws.fail({ kind: 'unreachable', operation: 'SwitchoverGlobalCluster' });
    const result = await run();
    expect(result.outcome).toBe('succeeded');
    expect(switchovers(shop)).toBe(2);
    expect(sink.of('step.observation').map((event) => event.message).join('\n')).toMatch(/did not take/);
    // Sent again only after a plan read the global cluster once AWS had had time to show the first call.
    const [first, second] = sink.of('step.intent');
    const proof = sink.of('step.planned').filter((event) => event.stepId === 'switchover' && event.at > first!.at && event.at < second!.at + 1);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(10_000);
    expect(proof.some((event) => event.status === 'ready' && event.at >= first!.at + 10_000)).toBe(true);
  });

  it('a planned switchover into a primary region that does not answer is refused by preflight, with the unplanned mode as the way out', async () => {
    const { shop, sink, run } = await setUp('aurora-global-failover.yaml');
    shop.aws.setUnreachable('us-east-1');
    const result = await run();
    expect(result.outcome).toBe('failed');
    expect(switchovers(shop)).toBe(0);
    const failed = sink.of('preflight.failed').find((event) => event.check === 'available');
    expect(failed?.message).toMatch(/us-east-1 does not answer/);
    expect(failed?.error?.hint).toMatch(/mode=unplanned/);
    expect(sink.of('preflight.passed').map((event) => event.message).join('\n')).not.toMatch(/ready/);
  });

  it('an unplanned failover in the same outage passes preflight and promotes us-west-2', async () => {
    const { shop, run } = await setUp('aurora-global-failover.yaml', { mode: 'unplanned' });
    shop.aws.setUnreachable('us-east-1');
    const result = await run();
    expect(result.state.preflight['available orders-db']?.state ?? result.state.preflight.available?.state).toBe('passed');
    expect(shop.aws.callsTo('FailoverGlobalClusters').length + shop.aws.callsTo('FailoverGlobalCluster').length).toBe(1);
  });
});

describe('resume joins the operation its own intent started', () => {
  it('ElastiCache: stopped after FailoverGlobalReplicationGroup was accepted, resume joins it (modifying, old primary still shown)', async () => {
    const first = await setUp('elasticache-global-failover.yaml');
    const stop = new AbortController();
    first.sink.emit = ((emit) => (event: RunEvent) => {
      emit.call(first.sink, event);
      if (event.type === 'step.applied' && event.stepId === 'failover') stop.abort('SIGTERM');
    })(first.sink.emit);
    // Stopped on a clock that moves no AWS operation, so the datastore is left mid-failover.
    const interrupted = await runRunbook(first.options, { ...first.deps, clock: new FakeClock(first.clock.now()), stopSignal: stop.signal });
    expect(interrupted.outcome).toBe('aborted');
    expect(first.shop.aws.elasticache.datastore('ldgnf-shop-sessions').status).toBe('modifying');
    const sink = new MemorySink();
    const resumed = await resumeRun({ ...first.options, prior: first.sink.events, session: 'resume' }, { ...first.deps, sink });
    expect(resumed.outcome).toBe('succeeded');
    expect(resumed.state.steps.failover?.joined).toBe(true);
    expect(first.shop.aws.callsTo('FailoverGlobalReplicationGroup')).toHaveLength(1);
    expect(first.shop.aws.elasticache.primaryRegion('ldgnf-shop-sessions')).toBe('us-west-2');
  });
});
