// drctl report [<run-id | journal>] [--format text|md|json|junit|html] [--out file] [--incident-start t]
// drctl report --history [<runbook>] [--format text|md|json|html] [--out file]
// The RTO/RPO report of one run, computed from its journal alone; or the drill history over time.
import type { CommandContext } from './context';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIO } from '../src/core/io';
import { DrctlError, ExitCode } from '../src/core/errors';
import { reportFacts } from '../src/report/facts';
import { readDrillHistory } from '../src/report/history';
import { HISTORY_FORMATS, renderHistory, type HistoryFormat } from '../src/report/history-render';
import { parseIncidentStart } from '../src/report/incident-start';
import { loadJournal, requireRun } from '../src/report/load';
import { isReportFormat, renderReport, REPORT_FORMATS } from '../src/report/render';
import { print, printNotice, stdoutStyle } from '../src/ui/print';
import { plainStyle } from '../src/core/style';
import { journalDirOf } from './run-options';

export interface ReportCommandOptions {
  format?: string;
  out?: string;
  history?: boolean;
  journalDir?: string;
  /** ISO time or "10m ago": when the outage began, overriding what the run recorded. */
  incidentStart?: string;
}

function badFormat(format: string, allowed: readonly string[], what: string): DrctlError {
  return new DrctlError('cli.bad-option', `--format ${format} is not a format for ${what}`, `Use one of: ${allowed.join(', ')}.`, { exitCode: ExitCode.invalidInput });
}

/** Writes to --out (creating its directory), else to stdout, coloured only for text on a terminal. */
async function emit(io: CliIO, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    print(io, text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  printNotice(io, `Report written to ${out}`);
}

async function historyReport(runbook: string | undefined, options: ReportCommandOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'text';
  if (!(HISTORY_FORMATS as readonly string[]).includes(format)) throw badFormat(format, HISTORY_FORMATS, 'the drill history');
  if (options.incidentStart !== undefined) {
    throw new DrctlError('cli.bad-option', '--incident-start applies to the report of one run, not to --history', 'Leave out --incident-start; each drill recorded its own.', { exitCode: ExitCode.invalidInput });
  }
  const history = await readDrillHistory(journalDirOf(io, options));
  await emit(io, renderHistory(history, format as HistoryFormat, runbook), options.out);
  return ExitCode.ok;
}

export async function reportCommand(target: string | undefined, options: ReportCommandOptions, { io }: CommandContext): Promise<number> {
  if (options.history) return historyReport(target, options, io);
  const format = options.format ?? 'text';
  if (!isReportFormat(format)) throw badFormat(format, REPORT_FORMATS, 'a run report');
  const journal = await loadJournal(target, journalDirOf(io, options), io.cwd);
  requireRun(journal);
  const incidentStart = options.incidentStart === undefined ? undefined : parseIncidentStart(options.incidentStart, Date.now());
  const facts = reportFacts(journal.events, { incidentStart, tornTail: journal.tornTail });
  const style = format === 'text' && options.out === undefined ? stdoutStyle(io) : plainStyle;
  await emit(io, renderReport(facts, format, style), options.out);
  // The report describes; it does not fail because the run did. `drctl drill` turns misses into exit 4.
  return ExitCode.ok;
}
