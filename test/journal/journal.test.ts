import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/core/events';
import { runRunbook } from '../../src/engine/run';
import { replay } from '../../src/engine/state';
import { checkRunId, journalPath, newRunId } from '../../src/journal/layout';
import { listRuns, parseJournal, readJournal, readRunState } from '../../src/journal/reader';
import { readSnapshot, writeSnapshot } from '../../src/journal/snapshot';
import { teeSink } from '../../src/journal/tee';
import { FileJournal } from '../../src/journal/writer';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, lookup, MemorySink, operator, runbook, step, unusedPorts } from '../engine/harness';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const event = (seq: number, extra: Partial<RunEvent> = {}): RunEvent => ({ type: 'step.applied', stepId: 'a', seq, at: 1000 + seq, ...extra }) as RunEvent;

describe('journal file', () => {
  it('appends one JSON line per event and reads them back', async () => {
    const journal = FileJournal.open(dir, 'run-a');
    journal.emit(event(1, { type: 'run.started' } as Partial<RunEvent>));
    await journal.commit(event(2, { type: 'step.intent', calls: [], state: { arn: 'x' } } as Partial<RunEvent>));
    journal.close();
    const lines = readFileSync(journalPath(dir, 'run-a'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const { events, tornTail } = await readJournal(dir, 'run-a');
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(tornTail).toBe(false);
  });

  it('drops a last line cut short by a crash, and refuses damage elsewhere', () => {
    const started = JSON.stringify(event(1, { type: 'run.started' } as Partial<RunEvent>));
    const good = JSON.stringify(event(2));
    expect(parseJournal(`${started}\n${good}\n{"type":"step.app`, 'j')).toMatchObject({ tornTail: true, events: [expect.objectContaining({ seq: 1 }), expect.objectContaining({ seq: 2 })] });
    expect(() => parseJournal(`${started}\nnot json\n${good}\n`, 'j')).toThrowError(/j:2 is not a journal event/);
  });

  // Damage that used to resume silently (an empty journal started the run afresh) or report "API calls: 0".
  it.each([
    ['empty', '', /j:1 is empty/],
    ['only a torn line', '{"type":"run.sta', /j:1 holds only a line cut short/],
    ['not starting with run.started', `${JSON.stringify(event(5))}\n`, /j:1 is step.applied; a journal starts with run.started/],
    ['binary', '\u0000\u0001\u00ff\u00fe\n\u0007PK\u0003\u0004\n', /j:1 is not a journal event/],
    ['out of order (edited, or two writers)', `${JSON.stringify(event(1, { type: 'run.started' } as Partial<RunEvent>))}\n${JSON.stringify(event(3))}\n${JSON.stringify(event(2))}\n`, /j:3 goes back to event 2 after 3/],
  ])('refuses a journal that is %s as journal.corrupt, naming the file and line', (_name, text, message) => {
    expect(() => parseJournal(text, 'j')).toThrowError(message);
    expect(() => parseJournal(text, 'j')).toThrowError(expect.objectContaining({ code: 'journal.corrupt', exitCode: 1 }));
  });

  it('says which run is missing', async () => {
    await expect(readJournal(dir, 'nope')).rejects.toMatchObject({ code: 'journal.not-found' });
    expect(() => checkRunId('../etc')).toThrowError(/not a run id/);
    expect(newRunId(Date.UTC(2025, 2, 1, 3, 15, 0), 'shop', () => 0.5)).toBe('20250301-031500-shop-8000');
  });

  it('keeps the runbook a run started with', async () => {
    FileJournal.open(dir, 'run-s').close();
    const document = runbook([step('a', 'wait', { duration: '1s' })]);
    await writeSnapshot(dir, 'run-s', { file: 'a.yaml', document, inputs: { to: 'us-west-2' } });
    expect(await readSnapshot(dir, 'run-s')).toEqual({ file: 'a.yaml', document, inputs: { to: 'us-west-2' } });
  });

  it('replaying the journal a run wrote yields the engine\'s final state', async () => {
    const clock = new FakeClock();
    const world = new FakeWorld(clock, { db: 'us-east-1' });
    const journal = FileJournal.open(dir, 'run-r');
    const reporter = new MemorySink();
    const document = runbook([
      step('approve', 'approval', { message: 'go?' }),
      step('move', 'fake.move', { resource: 'db', to: 'us-west-2', durationMs: 45_000 }, { needs: 'approve' }),
      step('settle', 'wait', { duration: '10s' }, { needs: 'move' }),
    ]);
    const result = await runRunbook(
      { runId: 'run-r', file: 'r.yaml', document, inputs: {} },
      { clock, ports: unusedPorts(), sink: teeSink(journal, reporter), operator: operator(), actions: lookup(world) },
    );
    journal.close();
    expect(await readRunState(dir, 'run-r')).toEqual(result.state);
    expect(reporter.events.length).toBe((await readJournal(dir, 'run-r')).events.length);
    // and appending a torn half-line (a crash mid-write) changes nothing
    appendFileSync(journalPath(dir, 'run-r'), '{"type":"run.fin');
    expect(replay((await readJournal(dir, 'run-r')).events)).toEqual(result.state);
    // a resumed session cuts the torn line off before appending after it
    const reopened = FileJournal.open(dir, 'run-r');
    reopened.emit({ type: 'run.interrupted', signal: 'SIGINT', forced: false, seq: 999, at: 1 });
    reopened.close();
    const after = await readJournal(dir, 'run-r');
    expect(after.tornTail).toBe(false);
    expect(after.events.at(-1)?.seq).toBe(999);
  });

  it('lists runs newest first with their outcome', async () => {
    for (const [runId, at, finished] of [['run-old', 1_000, true], ['run-new', 2_000, false]] as const) {
      const journal = FileJournal.open(dir, runId);
      journal.emit({ type: 'run.started', runId, runbook: 'shop', file: 'f', mode: 'run', inputs: {}, objectives: {}, steps: [], seq: 1, at });
      if (finished) journal.emit({ type: 'run.finished', outcome: 'succeeded', durationMs: 5, seq: 2, at: at + 5 });
      journal.close();
    }
    expect(await listRuns(dir)).toEqual([
      { runId: 'run-new', runbook: 'shop', startedAt: 2_000, outcome: undefined, unfinished: true },
      { runId: 'run-old', runbook: 'shop', startedAt: 1_000, outcome: 'succeeded', unfinished: false },
    ]);
    expect(await listRuns(path.join(dir, 'missing'))).toEqual([]);
  });
});
