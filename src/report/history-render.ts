// `drctl report --history`: RTO and RPO per drill over time, as a table and a chart per runbook, so a
// team sees drift before it becomes a missed objective. Text and Markdown draw the chart in characters.
import { duration as formatDuration, clockTime, duration, objective } from './format';
import type { HistoryFormat } from './formats';
import type { DrillHistory } from './history';
import { historyHtml } from './history-html';
import { groupBySeries, historyRows, knownRpo, resultWord, type HistoryRow } from './history-rows';
import { mdTable } from './render-markdown';
import { table } from './render-text';


const BAR_WIDTH = 40;

function change(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms === 0 ? '±0' : `${ms > 0 ? '+' : '-'}${formatDuration(Math.abs(ms))}`;
}

function rpoText(row: HistoryRow): string {
  if (row.run.rpoStatus === 'unknown') return row.run.rpoMs === undefined ? 'unknown' : `unknown (≥ ${duration(row.run.rpoMs)})`;
  return duration(row.run.rpoMs);
}

function cells(row: HistoryRow): string[] {
  const { drill, run } = row;
  return [
    clockTime(drill.startedAt),
    drill.drillId,
    row.series,
    drill.simulated ? 'sim' : 'aws',
    duration(run.rtoMs),
    change(row.rtoDeltaMs),
    objective(run.rtoObjectiveMs),
    rpoText(row),
    change(row.rpoDeltaMs),
    objective(run.rpoObjectiveMs),
    resultWord(run),
  ];
}

const HEAD = ['when (UTC)', 'drill', 'runbook (role)', 'where', 'RTO', 'Δ', 'objective', 'RPO', 'Δ', 'objective', 'result'];

/** One bar per drill, the objective marked with "|" at its column. */
export function barChart(title: string, points: Array<{ label: string; valueMs?: number; missed: boolean }>, objectiveMs: number | undefined): string[] {
  const max = Math.max(1, objectiveMs ?? 0, ...points.map((point) => point.valueMs ?? 0));
  const column = (ms: number) => Math.round((ms / max) * BAR_WIDTH);
  const mark = objectiveMs === undefined ? undefined : Math.min(BAR_WIDTH, column(objectiveMs));
  const lines = [`${title}${objectiveMs === undefined ? '' : ` · objective ${formatDuration(objectiveMs)} at |`}`];
  for (const point of points) {
    const bar = Array.from({ length: BAR_WIDTH + 1 }, (_, index): string => (point.valueMs !== undefined && index < column(point.valueMs) ? '█' : ' '));
    if (mark !== undefined) bar[mark] = '|';
    const value = point.valueMs === undefined ? 'unknown' : formatDuration(point.valueMs);
    lines.push(`  ${point.label}  ${bar.join('')}  ${value}${point.missed ? '  MISSED' : ''}`);
  }
  return lines;
}

function charts(rows: readonly HistoryRow[]): string[][] {
  return [...groupBySeries(rows)].flatMap(([series, group]) => {
    const last = group[group.length - 1]?.run;
    const label = (row: HistoryRow) => clockTime(row.drill.startedAt).slice(0, 16);
    return [
      barChart(`RTO · ${series}`, group.map((row) => ({ label: label(row), valueMs: row.run.rtoMs, missed: row.run.rtoVerdict === 'missed' })), last?.rtoObjectiveMs),
      barChart(`RPO · ${series}`, group.map((row) => ({ label: label(row), valueMs: knownRpo(row.run), missed: row.run.rpoVerdict === 'missed' })), last?.rpoObjectiveMs),
    ];
  });
}

function unreadableNote(history: DrillHistory): string[] {
  return history.unreadable.length ? [`Unreadable drill records (left out): ${history.unreadable.join(', ')}`] : [];
}

export function renderHistory(history: DrillHistory, format: HistoryFormat, runbook?: string): string {
  const rows = historyRows(history.records, runbook);
  if (format === 'json') return `${JSON.stringify({ schema: 'drctl.drill-history/v1', drills: history.records, unreadable: history.unreadable }, null, 2)}\n`;
  if (format === 'html') return historyHtml(rows, history.unreadable);
  if (rows.length === 0) {
    return `No drills recorded yet${runbook ? ` for ${runbook}` : ''}. Run \`drctl drill <runbook> --sim\` to record one.\n${unreadableNote(history).join('\n')}`;
  }
  if (format === 'md') {
    const chartBlocks = charts(rows).map((lines) => ['```text', ...lines, '```'].join('\n'));
    return `${['# DR drill history', '', ...mdTable(HEAD, rows.map(cells)), '', ...chartBlocks.flatMap((block) => [block, '']), ...unreadableNote(history)].join('\n').trimEnd()}\n`;
  }
  const sections = [['Drill history', ...table([HEAD, ...rows.map(cells)])], ...charts(rows), unreadableNote(history)];
  return `${sections.filter((section) => section.length).map((section) => section.join('\n')).join('\n\n')}\n`;
}
