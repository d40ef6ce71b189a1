// What `drctl report <target>` names: a run id under the journal directory, a journal file, or a run's
// directory; nothing means the newest run. Reading goes through the journal reader, which drops a torn
// last line and refuses a damaged one (empty, not starting with run.started, binary: journal.corrupt).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DrctlError } from '../core/errors';
import type { RunEvent } from '../core/events';
import { JOURNAL_FILE, SNAPSHOT_FILE, runDir, runsDir } from '../journal/layout';
import { listRuns, parseJournal, readJournal } from '../journal/reader';

export interface LoadedJournal {
  events: RunEvent[];
  tornTail: boolean;
  /** Why the record is incomplete besides a torn tail (a run directory without its runbook.json). */
  incomplete?: string[];
  /** Where it was read from, for messages. */
  source: string;
}

async function journalFileAt(candidate: string): Promise<string | undefined> {
  const info = await stat(candidate).catch(() => undefined);
  if (!info) return undefined;
  if (info.isFile()) return candidate;
  const inside = path.join(candidate, JOURNAL_FILE);
  return (await stat(inside).catch(() => undefined))?.isFile() ? inside : undefined;
}

function looksLikePath(target: string): boolean {
  return target.includes('/') || target.includes(path.sep) || target.endsWith('.jsonl');
}

export async function loadJournal(target: string | undefined, journalDir: string, cwd: string): Promise<LoadedJournal> {
  if (target === undefined) {
    const newest = (await listRuns(journalDir))[0];
    if (!newest) {
      throw new DrctlError('report.no-runs', `no runs in ${runsDir(journalDir)}`, 'Run a runbook first (`drctl run` or `drctl drill`), or pass a run id or a journal file, and --journal-dir if the runs live elsewhere.');
    }
    return { ...(await readJournal(journalDir, newest.runId)), source: newest.runId, ...(await snapshotMissing(runDir(journalDir, newest.runId))) };
  }
  const given = path.resolve(cwd, target);
  const file = await journalFileAt(given);
  if (file) {
    // A journal.jsonl passed on its own may have been copied anywhere; a run directory should be whole.
    const whole = file === given ? {} : await snapshotMissing(given);
    return { ...parseJournal(await readFile(file, 'utf8'), file), source: file, ...whole };
  }
  if (looksLikePath(target)) {
    throw new DrctlError('report.not-found', `${target} is not a journal file or a run directory`, `Pass a run id (see ${runsDir(journalDir)}) or the path of a journal.jsonl.`);
  }
  return { ...(await readJournal(journalDir, target)), source: target, ...(await snapshotMissing(runDir(journalDir, target))) };
}

/** Every run saves the runbook it started with beside its journal: without it, the directory is damaged. */
async function snapshotMissing(dir: string): Promise<{ incomplete?: string[] }> {
  const present = await stat(path.join(dir, SNAPSHOT_FILE)).then((info) => info.isFile(), () => false);
  return present ? {} : { incomplete: [`the run directory has no ${SNAPSHOT_FILE} (every run saves the runbook it started with): it was damaged or edited`] };
}

