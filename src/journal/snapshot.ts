// The runbook a run started with, saved beside its journal. Resume and rollback run this copy, not
// whatever the file on disk says now: a runbook edited mid-incident must not change a run under way.
// It is written to a temporary file, synced and renamed into place, so a full disk leaves either the
// whole file or none (a truncated copy made resume impossible), and it is written before the journal:
// a run directory with a journal and no runbook.json can only be damage.
import path from 'node:path';
import { DrctlError, ExitCode } from '../core/errors';
import { RunbookDocument } from '../runbook/schema';
import { journalUnwritable } from './errors';
import { nodeJournalFs, type JournalFsAsync } from './journal-fs';
import { runDir, snapshotPath } from './layout';

export interface RunbookSnapshot {
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
}

export async function writeSnapshot(journalDir: string, runId: string, snapshot: RunbookSnapshot, fs: JournalFsAsync = nodeJournalFs): Promise<void> {
  const file = snapshotPath(journalDir, runId);
  const temporary = path.join(runDir(journalDir, runId), `.${path.basename(file)}.tmp`);
  try {
    await fs.mkdir(runDir(journalDir, runId));
    await fs.writeFileSynced(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
    await fs.rename(temporary, file);
  } catch (error) {
    // Leave nothing behind: an empty run directory would look like a run cut off at its start.
    await fs.unlink(temporary).catch(() => undefined);
    await fs.rmdir(runDir(journalDir, runId)).catch(() => undefined);
    throw journalUnwritable(file, error);
  }
}

export async function readSnapshot(journalDir: string, runId: string, fs: JournalFsAsync = nodeJournalFs): Promise<RunbookSnapshot> {
  const file = snapshotPath(journalDir, runId);
  const damaged = (what: string, cause?: unknown) =>
    new DrctlError('journal.corrupt', `run ${runId}: ${file} ${what}`, 'The run directory was damaged or edited. Read the resources as they are now (`drctl status <runbook>`) and start a new run from the runbook file.', {
      exitCode: ExitCode.runFailed,
      cause,
    });
  let text: string;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    throw damaged('is missing (every run saves the runbook it started with)', error);
  }
  try {
    const raw = JSON.parse(text) as { file?: unknown; document?: unknown; inputs?: unknown };
    const document = RunbookDocument.parse(raw.document);
    const inputs = raw.inputs && typeof raw.inputs === 'object' ? (raw.inputs as Record<string, unknown>) : {};
    return { file: typeof raw.file === 'string' ? raw.file : '', document, inputs };
  } catch (error) {
    throw damaged('cannot be read as the runbook the run started with', error);
  }
}
