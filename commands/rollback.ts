// drctl rollback <run-id>: run the `rollback:` steps of a run's runbook (their own DAG), e.g. to fail
// back after a drill, or to finish a rollback that stopped. Recorded in the same journal as the run.
import type { CommandContext } from './context';
import { DrctlError, ExitCode } from '../src/core/errors';
import { journalPath } from '../src/journal/layout';
import { readJournal, tornTailWarning } from '../src/journal/reader';
import { readSnapshot } from '../src/journal/snapshot';
import type { OptionsOf } from './cli/options';
import { journalDirOf } from './run-options';
import { openAwsAndRunSession } from './session';


export async function rollbackCommand(runId: string, options: OptionsOf<'rollback'>, command: CommandContext): Promise<number> {
  const journalDir = journalDirOf(command.io, options);
  const { events, tornTail } = await readJournal(journalDir, runId);
  if (tornTail) command.output.notice('journal.torn-tail', tornTailWarning(journalPath(journalDir, runId)));
  const { file, document, inputs } = await readSnapshot(journalDir, runId);
  if ((document.spec.rollback ?? []).length === 0) {
    throw new DrctlError('engine.no-rollback-steps', `runbook "${document.metadata.name}" of run ${runId} has no rollback steps`, 'Add a `rollback:` list to the runbook for next time; undo this run by hand or with a failback runbook.', {
      exitCode: ExitCode.invalidInput,
    });
  }
  return openAwsAndRunSession({ ...command, options, runId, file, document, inputs, session: 'rollback', prior: events });
}
