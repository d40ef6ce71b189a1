// drctl run <runbook> [--input k=v ...] [--yes] [--step] [--dry-run]: load and check the runbook and its
// inputs, then hand it to the run session (lock, journal, engine, reporter). --dry-run is `drctl plan`.
import type { CommandContext } from './context';
import { newRunId } from '../src/journal/layout';
import { parseInputFlags, resolveInputs } from '../src/runbook/inputs';
import { loadRunbookFile } from '../src/runbook/load';
import type { OptionsOf } from './cli/options';
import { planCommand } from './plan';
import { runbookPath } from './run-options';
import { openAwsAndRunSession } from './session';

export type RunCommandOptions = OptionsOf<'run'>;

export async function runCommand(file: string, options: RunCommandOptions, command: CommandContext): Promise<number> {
  const { io, actions } = command;
  if (options.dryRun) return planCommand(file, options, command);
  const { document } = await loadRunbookFile(runbookPath(io, file), actions);
  const inputs = resolveInputs(document, parseInputFlags(options.inputs));
  const runId = newRunId(Date.now(), document.metadata.name);
  return openAwsAndRunSession({ ...command, options, runId, file, document, inputs, session: 'start', prior: [] });
}
