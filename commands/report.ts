// drctl report [<run-id | journal>] [-o text|md|json|junit|html] [--out-file file] [--incident-start t]
// drctl report --history [<runbook>] [-o text|md|json|html] [--out-file file]
// The RTO/RPO report of one run, computed from its journal alone; or the drill history over time. A
// report is an artefact in the format asked for (its renderers are in src/report), written as it is.
import type { CommandContext } from './context';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DrctlError, ExitCode } from '../src/core/errors';
import { reportFacts } from '../src/report/facts';
import { HISTORY_FORMATS, type HistoryFormat } from '../src/report/formats';
import { readDrillHistory } from '../src/report/history';
import { renderHistory } from '../src/report/history-render';
import { parseIncidentStart } from '../src/report/incident-start';
import { loadJournal } from '../src/report/load';
import { renderReport } from '../src/report/render';
import { plainStyle } from '../src/core/style';
import type { OptionsOf } from './cli/options';
import { journalDirOf } from './run-options';

export type ReportCommandOptions = OptionsOf<'report'>;

/** Writes to --out-file (creating its directory), else to stdout. */
async function emit({ io, output }: CommandContext, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    output.write(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  output.notice('report.written', `Report written to ${out}`);
}

async function historyReport(runbook: string | undefined, options: ReportCommandOptions, command: CommandContext): Promise<number> {
  const { format } = options;
  if (!(HISTORY_FORMATS as readonly string[]).includes(format)) {
    throw new DrctlError('cli.bad-option', `--output ${format} is not a format for the drill history`, `Use one of: ${HISTORY_FORMATS.join(', ')}.`, { exitCode: ExitCode.invalidInput });
  }
  if (options.incidentStart !== undefined) {
    throw new DrctlError('cli.bad-option', '--incident-start applies to the report of one run, not to --history', 'Leave out --incident-start; each drill recorded its own.', { exitCode: ExitCode.invalidInput });
  }
  const history = await readDrillHistory(journalDirOf(command.io, options));
  await emit(command, renderHistory(history, format as HistoryFormat, runbook), options.out);
  return ExitCode.ok;
}

export async function reportCommand(target: string | undefined, options: ReportCommandOptions, command: CommandContext): Promise<number> {
  if (options.history) return historyReport(target, options, command);
  const { io, output } = command;
  const { format } = options;
  const journal = await loadJournal(target, journalDirOf(io, options), io.cwd);
  const incidentStart = options.incidentStart === undefined ? undefined : parseIncidentStart(options.incidentStart, Date.now());
  const facts = reportFacts(journal.events, { incidentStart, tornTail: journal.tornTail, incomplete: journal.incomplete });
  // Coloured only for text on a terminal; a file is always plain.
  const style = format === 'text' && options.out === undefined ? output.screen.style : plainStyle;
  await emit(command, renderReport(facts, format, style), options.out);
  // The report describes; it does not fail because the run did. `drctl drill` turns misses into exit 4.
  return ExitCode.ok;
}
