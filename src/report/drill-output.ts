// What a drill leaves behind and says at the end: every report format of each run, written beside the
// drill record (and copied to --out-dir for CI artifacts), and a short verdict for the terminal.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { plainStyle, type Style } from '../core/style';
import type { ReportFacts } from './facts-types';
import { duration, verdictWord } from './format';
import type { DrillRecord, DrillRunRecord } from './history';
import { FORMAT_EXTENSIONS, REPORT_FORMATS, type ReportFormat } from './formats';
import { renderReport } from './render';

/** Parses --formats "md,html"; every format when not given. */
export function parseFormats(value: string | undefined): ReportFormat[] | { unknown: string[] } {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return [...REPORT_FORMATS];
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(REPORT_FORMATS as readonly string[]).includes(name));
  return unknown.length ? { unknown } : (names as ReportFormat[]);
}

/** Writes `<role>.<ext>` for each format into each directory; returns the file names by format. */
export async function writeRunReports(role: string, facts: ReportFacts, formats: readonly ReportFormat[], dirs: readonly string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const format of formats) {
    const name = `${role}.${FORMAT_EXTENSIONS[format]}`;
    const text = renderReport(facts, format, plainStyle);
    for (const dir of dirs) await writeFile(path.join(dir, name), text);
    files[format] = name;
  }
  return files;
}

function figure(name: string, valueMs: number | undefined, unknown: boolean, objectiveMs: number | undefined, verdict: DrillRunRecord['rtoVerdict'], style: Style): string {
  const value = unknown ? 'unknown' : duration(valueMs);
  const word = verdictWord(verdict);
  const coloured = verdict === 'met' ? style.green(word) : verdict === 'missed' ? style.red(word) : verdict === 'unknown' ? style.yellow(word) : style.dim(word);
  return `${name} ${value}${objectiveMs === undefined ? '' : ` of ${duration(objectiveMs)}`} ${coloured}`;
}

function runLine(run: DrillRunRecord, style: Style): string {
  const outcome = run.outcome === 'succeeded' ? style.green('succeeded') : style.red(run.outcome ?? 'did not finish');
  const checks = run.verified === undefined ? '' : ` · end state ${run.verified ? style.green('verified') : style.red('WRONG')} (${run.verification.filter((check) => check.ok).length}/${run.verification.length})`;
  const rto = figure('RTO', run.rtoMs, false, run.rtoObjectiveMs, run.rtoVerdict, style);
  const rpo = figure('RPO', run.rpoMs, run.rpoStatus === 'unknown', run.rpoObjectiveMs, run.rpoVerdict, style);
  return `  ${run.role.padEnd(8)} ${run.runbook} ${outcome} · ${rto} · ${rpo}${checks}`;
}

const RESULT_WORDS: Record<DrillRecord['result'], string> = { passed: 'passed', 'objectives-missed': 'objectives MISSED', failed: 'FAILED', aborted: 'aborted' };

export function drillSummaryText(record: DrillRecord, details: { shortfalls: string[]; wrong: string[]; notes: string[]; reportsDir: string }, style: Style): string {
  const result = RESULT_WORDS[record.result];
  const coloured = record.result === 'passed' ? style.green(result) : record.result === 'aborted' ? style.yellow(result) : style.red(result);
  const lines = [`${style.bold('Drill')} ${record.drillId} (${record.simulated ? 'simulator' : 'AWS'}): ${coloured}`, ...record.runs.map((run) => runLine(run, style))];
  lines.push(...details.shortfalls.map((line) => `  ${style.red('✗')} ${line}`));
  lines.push(...details.wrong.map((line) => `  ${style.red('✗')} end state: ${line}`));
  lines.push(...details.notes.map((line) => `  ${style.dim(line)}`));
  const names = record.runs.flatMap((run) => Object.values(run.reports));
  if (names.length) lines.push(`  Reports in ${details.reportsDir}: ${names.join(', ')}`);
  lines.push(`  Trend across drills: drctl report --history`);
  return `${lines.join('\n')}\n`;
}
