// A crash at every event boundary, followed by resume. The journal is cut after event k for every k;
// the world is what AWS would hold at that moment, taken at both ends of the gap between event k and
// event k+1 (a crash just after writing event k, or just before writing event k+1, with everything the
// process did in between already applied). Resume must finish the run with no mutating call made twice.
import { describe, expect, it } from 'vitest';
import type { EventSink, RunEvent } from '../../src/core/events';
import { resumeRun, runRunbook } from '../../src/engine/run';
import { replay } from '../../src/engine/state';
import type { RunbookDocument } from '../../src/runbook/schema';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, type WorldSnapshot } from './fake-world';
import { lookup, MemorySink, operator, runbook, step, unusedPorts } from './harness';

interface Recording {
  events: RunEvent[];
  /** The world and the time when event i was written. */
  moments: Array<{ world: WorldSnapshot; time: number }>;
  final: { world: WorldSnapshot; time: number };
  initial: { world: WorldSnapshot; time: number };
}

const INITIAL = { db1: 'us-east-1', db2: 'us-east-1', cache: 'us-east-1' };

async function record(document: RunbookDocument): Promise<Recording> {
  const clock = new FakeClock();
  const world = new FakeWorld(clock, INITIAL);
  const initial = { world: world.snapshot(), time: clock.now() };
  const events: RunEvent[] = [];
  const moments: Recording['moments'] = [];
  const write = (event: RunEvent) => {
    moments.push({ world: world.snapshot(), time: clock.now() });
    events.push(event);
  };
  const sink: EventSink = { emit: write, commit: async (event) => write(event) };
  await runRunbook({ runId: 'crash', file: 'crash.yaml', document, inputs: { to: 'us-west-2' } }, { clock, ports: unusedPorts(), sink, operator: operator(), actions: lookup(world), random: () => 0.5 });
  return { events, moments, initial, final: { world: world.snapshot(), time: clock.now() } };
}

async function resumeFrom(document: RunbookDocument, prior: RunEvent[], moment: { world: WorldSnapshot; time: number }) {
  // Some time passes while the operator notices and resumes; operations under way keep going.
  const clock = new FakeClock(moment.time + 5_000);
  const world = FakeWorld.restore(moment.world, clock);
  const sink = new MemorySink();
  const result = await resumeRun(
    { runId: 'crash', file: 'crash.yaml', document, inputs: { to: 'us-west-2' }, prior, session: 'resume' },
    { clock, ports: unusedPorts(), sink, operator: operator(), actions: lookup(world), random: () => 0.5 },
  );
  return { result, world, events: sink.events };
}

function appliesByTarget(world: FakeWorld): Map<string, number> {
  const counts = new Map<string, number>();
  for (const apply of world.applies) counts.set(`${apply.resource}->${apply.to}`, (counts.get(`${apply.resource}->${apply.to}`) ?? 0) + 1);
  return counts;
}

async function sweep(document: RunbookDocument, check: (outcome: Awaited<ReturnType<typeof resumeFrom>>, cut: number) => void): Promise<number> {
  const recording = await record(document);
  const n = recording.events.length;
  let resumes = 0;
  for (let k = 0; k <= n; k++) {
    const early = k === 0 ? recording.initial : recording.moments[k - 1]!;
    const late = k === n ? recording.final : recording.moments[k]!;
    for (const moment of [early, late]) {
      const prior = recording.events.slice(0, k);
      const outcome = await resumeFrom(document, prior, moment);
      for (const [target, count] of appliesByTarget(outcome.world)) expect({ cut: k, target, count }).toEqual({ cut: k, target, count: 1 });
      // replaying the whole journal gives the state the engine ended with
      expect(replay([...prior, ...outcome.events])).toEqual(outcome.result.state);
      if (outcome.events.length > 0) expect(outcome.events[0]!.seq).toBe((prior.at(-1)?.seq ?? 0) + 1);
      check(outcome, k);
      resumes++;
    }
  }
  return resumes;
}

describe('crash at every event boundary, then resume', () => {
  it('finishes a parallel failover with each change made exactly once', async () => {
    const document = runbook([
      step('approve', 'approval', { message: 'fail over to ${{ inputs.to }}?' }),
      step('db1', 'fake.move', { resource: 'db1', to: '${{ inputs.to }}', durationMs: 60_000 }, { needs: 'approve' }),
      step('db2', 'fake.move', { resource: 'db2', to: '${{ inputs.to }}', durationMs: 90_000, applyMs: 3_000 }, { needs: 'approve' }),
      step('cache', 'fake.move', { resource: 'cache', to: '${{ inputs.to }}', durationMs: 20_000 }, { needs: 'approve' }),
      step('settle', 'wait', { duration: '10s' }, { needs: ['db1', 'db2', 'cache'] }),
      step('check', 'assert', { that: "${{ steps.db1.outputs.region == 'us-west-2' }}" }, { needs: 'settle' }),
    ]);
    const resumes = await sweep(document, ({ result, world }, cut) => {
      expect({ cut, outcome: result.outcome }).toEqual({ cut, outcome: 'succeeded' });
      for (const name of ['db1', 'db2', 'cache']) expect(world.view(name).region).toBe('us-west-2');
      for (const name of ['db1', 'db2', 'cache']) expect(world.appliesTo(name)).toBe(1);
    });
    expect(resumes).toBeGreaterThan(60);
  });

  it('finishes a failed run and its rollback, undoing each change exactly once', async () => {
    const document = runbook(
      [
        step('db1', 'fake.move', { resource: 'db1', to: '${{ inputs.to }}', durationMs: 30_000 }),
        step('boom', 'fake.sleep', { ms: 1_000, fail: 'fatal' }, { needs: 'db1' }),
      ],
      { rollback: [step('back', 'fake.move', { resource: 'db1', to: 'us-east-1', durationMs: 30_000 }, { if: "steps.db1.outcome == 'success'" })] },
    );
    await sweep(document, ({ result, world }, cut) => {
      expect({ cut, outcome: result.outcome }).toEqual({ cut, outcome: 'failed' });
      expect(result.state.rollback?.state).toBe('succeeded');
      expect(world.view('db1').region).toBe('us-east-1');
    });
  });
});
