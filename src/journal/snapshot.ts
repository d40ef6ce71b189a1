// The runbook a run started with, saved beside its journal. Resume and rollback run this copy, not
// whatever the file on disk says now: a runbook edited mid-incident must not change a run under way.
import { readFile, writeFile } from 'node:fs/promises';
import { DrctlError, ExitCode } from '../core/errors';
import { RunbookDocument } from '../runbook/schema';
import { snapshotPath } from './layout';

export interface RunbookSnapshot {
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
}

export async function writeSnapshot(journalDir: string, runId: string, snapshot: RunbookSnapshot): Promise<void> {
  await writeFile(snapshotPath(journalDir, runId), `${JSON.stringify(snapshot, null, 2)}\n`, { flag: 'wx' });
}

export async function readSnapshot(journalDir: string, runId: string): Promise<RunbookSnapshot> {
  const file = snapshotPath(journalDir, runId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DrctlError('journal.not-found', `run ${runId} has no saved runbook (${file})`, 'Check the run id; runs are listed under .drctl/runs/.', { cause: error });
  }
  try {
    const raw = JSON.parse(text) as { file?: unknown; document?: unknown; inputs?: unknown };
    const document = RunbookDocument.parse(raw.document);
    const inputs = raw.inputs && typeof raw.inputs === 'object' ? (raw.inputs as Record<string, unknown>) : {};
    return { file: typeof raw.file === 'string' ? raw.file : '', document, inputs };
  } catch (error) {
    throw new DrctlError('journal.corrupt', `the saved runbook of run ${runId} cannot be read (${file})`, 'The file was changed or damaged; start a new run from the runbook file.', {
      exitCode: ExitCode.runFailed,
      cause: error,
    });
  }
}
