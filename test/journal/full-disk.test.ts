// A full disk during a run: the journal runs out of room at every point of a parallel failover, from
// before the first event to after the last. Whatever the moment, no mutating call is made unless its
// intent is durable in the journal, the operator is never told an intent was journaled when it was
// not, the run stops with journal.disk-full (exit 1) and no further call, and the journal it leaves
// reads back cleanly, so a resume once there is room finishes the run without repeating a change.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/core/events';
import { resumeRun, runRunbook } from '../../src/engine/run';
import { journalPath } from '../../src/journal/layout';
import { parseJournal } from '../../src/journal/reader';
import { teeSink } from '../../src/journal/tee';
import { writeSnapshot } from '../../src/journal/snapshot';
import { FileJournal } from '../../src/journal/writer';
import { FakeClock } from '../helpers/fake-clock';
import { failingFs } from '../helpers/failing-fs';
import { FakeWorld, lookup, MemorySink, operator, runbook, step, unusedPorts } from '../engine/harness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-full-disk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const INITIAL = { db1: 'us-east-1', db2: 'us-east-1', cache: 'us-east-1' };
const document = runbook([
  step('approve', 'approval', { message: 'fail over?' }),
  step('db1', 'fake.move', { resource: 'db1', to: 'us-west-2', durationMs: 60_000 }, { needs: 'approve' }),
  step('db2', 'fake.move', { resource: 'db2', to: 'us-west-2', durationMs: 90_000, applyMs: 3_000 }, { needs: 'approve' }),
  step('cache', 'fake.move', { resource: 'cache', to: 'us-west-2', durationMs: 20_000 }, { needs: 'approve' }),
  step('settle', 'wait', { duration: '10s' }, { needs: ['db1', 'db2', 'cache'] }),
]);

async function runWithRoom(runId: string, budget: number) {
  const clock = new FakeClock();
  const world = new FakeWorld(clock, INITIAL);
  const journal = FileJournal.open(dir, runId, { fs: failingFs(budget) });
  const shown = new MemorySink();
  const deps = { clock, ports: unusedPorts(), sink: teeSink(journal, shown), operator: operator(), actions: lookup(world), random: () => 0.5 };
  const options = { runId, file: 'f.yaml', document, inputs: {} };
  const result = await runRunbook(options, deps);
  journal.close();
  const text = readFileSync(journalPath(dir, runId), 'utf8');
  return { clock, world, result, shown, text, options };
}

async function resumeWithRoom(run: Awaited<ReturnType<typeof runWithRoom>>, prior: RunEvent[]) {
  const journal = FileJournal.open(dir, run.options.runId);
  const deps = { clock: run.clock, ports: unusedPorts(), sink: teeSink(journal, new MemorySink()), operator: operator(), actions: lookup(run.world), random: () => 0.5 };
  const result = await resumeRun({ ...run.options, prior, session: 'resume' }, deps);
  journal.close();
  return result;
}

describe('a full disk during a run', () => {
  it('never makes a call whose intent is not durable, stops cleanly, and resumes without repeating a change', async () => {
    const full = await runWithRoom('room', Number.POSITIVE_INFINITY);
    expect(full.result.outcome).toBe('succeeded');
    // Every line boundary, and the middle of every line: the disk fills there.
    const ends = [...full.text.matchAll(/\n/g)].map((match) => match.index + 1);
    const budgets = [0, ...ends.flatMap((end, index) => [Math.floor(((ends[index - 1] ?? 0) + end) / 2), end])].filter((budget) => budget < full.text.length);
    expect(budgets.length).toBeGreaterThan(40);
    for (const budget of budgets) {
      const runId = `budget-${budget}`;
      const run = await runWithRoom(runId, budget);
      const where = `room for ${budget} of ${full.text.length} bytes`;
      // The journal reads back: at most a torn last line, never damage in the middle. Out of room for
      // the very first event, the run never started: nothing to resume, nothing done.
      if (!run.text.includes('\n')) {
        expect({ where, applies: run.world.applies, code: run.result.error?.code }).toEqual({ where, applies: [], code: 'journal.disk-full' });
        continue;
      }
      const { events } = parseJournal(run.text, runId);
      const durable = events.filter((event) => event.type === 'step.intent').map((event) => (event as { stepId: string }).stepId);
      for (const apply of run.world.applies) expect(durable, `${where}: ${apply.stepId} called without a durable intent`).toContain(apply.stepId);
      const toldJournaled = run.shown.of('step.intent').map((event) => event.stepId);
      for (const stepId of toldJournaled) expect(durable, `${where}: "${stepId} (intent journaled)" shown but not in the journal`).toContain(stepId);
      expect({ where, outcome: run.result.outcome, code: run.result.error?.code }).toEqual({ where, outcome: 'failed', code: 'journal.disk-full' });
      // Room again: resume finishes, each resource moved exactly once.
      const resumed = await resumeWithRoom(run, events);
      expect({ where, outcome: resumed.outcome }).toEqual({ where, outcome: 'succeeded' });
      for (const name of Object.keys(INITIAL)) expect({ where, name, applies: run.world.appliesTo(name) }).toEqual({ where, name, applies: 1 });
    }
  });
});

// With 6 KB free, runbook.json was left truncated and resume was impossible.
describe('the runbook a run starts with, on a full disk', () => {
  it('is written whole or not at all: the run does not start, and no half file or empty run directory is left', async () => {
    const snapshot = { file: 'f.yaml', document, inputs: { to: 'us-west-2' } };
    for (const budget of [0, 100, 1_000]) {
      const runId = `snapshot-${budget}`;
      await expect(writeSnapshot(dir, runId, snapshot, failingFs(budget))).rejects.toMatchObject({ code: 'journal.disk-full', exitCode: 1 });
      expect(existsSync(path.join(dir, 'runs', runId))).toBe(false);
    }
    await writeSnapshot(dir, 'snapshot-room', snapshot, failingFs());
    expect(JSON.parse(readFileSync(path.join(dir, 'runs', 'snapshot-room', 'runbook.json'), 'utf8'))).toMatchObject({ file: 'f.yaml', inputs: { to: 'us-west-2' } });
  });
});
