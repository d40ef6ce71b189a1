// drctl resume <run-id>: continue a run from its journal with the runbook it started with. Finished
// steps stay finished; every other step re-plans from live state, so no change is made twice.
import type { CommandContext } from './context';
import { journalPath } from '../src/journal/layout';
import { readJournal, tornTailWarning } from '../src/journal/reader';
import { readSnapshot } from '../src/journal/snapshot';
import type { OptionsOf } from './cli/options';
import { journalDirOf } from './run-options';
import { openAwsAndRunSession } from './session';

export async function resumeCommand(runId: string, options: OptionsOf<'resume'>, command: CommandContext): Promise<number> {
  const journalDir = journalDirOf(command.io, options);
  const { events, tornTail } = await readJournal(journalDir, runId);
  if (tornTail) command.output.notice('journal.torn-tail', tornTailWarning(journalPath(journalDir, runId)));
  const { file, document, inputs } = await readSnapshot(journalDir, runId);
  return openAwsAndRunSession({ ...command, options, runId, file, document, inputs, session: 'resume', prior: events });
}
