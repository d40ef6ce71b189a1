// Reading journals back. A crash can cut the last line short: that torn line is dropped (the event it
// held was not durable, so nothing depended on it). Damage anywhere else is reported, never guessed at.
import { readdir, readFile } from 'node:fs/promises';
import { DrctlError, ExitCode } from '../core/errors';
import type { RunEvent, RunOutcome } from '../core/events';
import { replay, type RunState } from '../engine/state';
import { journalPath, mayBeRunOf, runsDir } from './layout';

export interface JournalContents {
  events: RunEvent[];
  /** A last line cut short by a crash, dropped. */
  tornTail: boolean;
}

export async function readJournal(journalDir: string, runId: string): Promise<JournalContents> {
  const file = journalPath(journalDir, runId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DrctlError('journal.not-found', `no run ${runId} in ${runsDir(journalDir)}`, 'Check the run id (it is printed when a run starts) and --journal-dir.', { cause: error });
  }
  return parseJournal(text, file);
}

/**
 * The events of a journal, or journal.corrupt naming the file and line. A journal starts with
 * run.started and counts its events up; a last line cut short is dropped (tornTail); anything else
 * (an empty file, a line that is not an event, events out of order, binary noise) is damage.
 */
export function parseJournal(text: string, file: string): JournalContents {
  if (text.trim() === '') throw corrupt(file, 1, 'is empty: the run never got going, or its journal was lost');
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  const events: RunEvent[] = [];
  let tornTail = false;
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    const event = parseLine(line);
    if (!event) {
      if (last && !complete) tornTail = true;
      else throw corrupt(file, index + 1, 'is not a journal event');
      return;
    }
    const previous = events.at(-1);
    if (previous === undefined && event.type !== 'run.started') throw corrupt(file, index + 1, `is ${event.type}; a journal starts with run.started`);
    if (previous !== undefined && event.seq <= previous.seq) throw corrupt(file, index + 1, `goes back to event ${event.seq} after ${previous.seq}`);
    events.push(event);
  });
  if (events.length === 0) throw corrupt(file, 1, 'holds only a line cut short: the run never got going, or its journal was lost');
  return { events, tornTail };
}

function parseLine(line: string): RunEvent | undefined {
  try {
    const value = JSON.parse(line) as Partial<RunEvent>;
    return value && typeof value.type === 'string' && typeof value.seq === 'number' && typeof value.at === 'number' ? (value as RunEvent) : undefined;
  } catch {
    return undefined;
  }
}

function corrupt(file: string, line: number, what: string): DrctlError {
  return new DrctlError(
    'journal.corrupt',
    `${file}:${line} ${what}`,
    'The journal was damaged or edited, so drctl cannot trust what it says happened. Read the resources as they are now (`drctl status <runbook>`) and start a new run.',
    { exitCode: ExitCode.runFailed },
  );
}

/** What a reader of a torn journal is told: the run goes on from live state, so nothing is repeated. */
export function tornTailWarning(file: string): string {
  return `warning: the last line of ${file} was cut short (drctl was stopped mid-write) and is ignored; unfinished steps re-plan from live state, so no change is made twice`;
}

export async function readRunState(journalDir: string, runId: string): Promise<RunState> {
  return replay((await readJournal(journalDir, runId)).events);
}

export interface RunListing {
  runId: string;
  runbook: string;
  /** Real time of the first start (never simulated time: runs are ordered as they really happened). */
  startedAt?: number;
  outcome?: RunOutcome;
  /** Started but not finished: still running, or cut off by a crash. */
  unfinished: boolean;
}

/**
 * Every run in the journal directory, newest first. Unreadable runs are listed without details. With a
 * runbook, only its readable runs: the journals of other runbooks (the whole history, read before every
 * new run) are not read at all.
 */
export async function listRuns(journalDir: string, runbook?: string): Promise<RunListing[]> {
  let ids: string[];
  try {
    ids = (await readdir(runsDir(journalDir), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && (runbook === undefined || mayBeRunOf(entry.name, runbook)))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  const listings = await Promise.all(
    ids.map(async (runId): Promise<RunListing> => {
      try {
        const state = await readRunState(journalDir, runId);
        return { runId, runbook: state.runbook, startedAt: state.realStartedAt, outcome: state.outcome, unfinished: state.outcome === undefined };
      } catch {
        return { runId, runbook: '?', unfinished: true };
      }
    }),
  );
  return listings.filter((run) => runbook === undefined || run.runbook === runbook).sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0) || b.runId.localeCompare(a.runId));
}
