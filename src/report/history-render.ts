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

/** A figure, with its objective when it is not the one the section's heading states. */
function against(value: string, objectiveMs: number | undefined, headingMs: number | undefined): string {
  return objectiveMs === headingMs ? value : `${value} (of ${objective(objectiveMs)})`;
}

/** "e2ab" of "20261127-103817-shop-region-failover-e2ab": the time and the runbook are in their own columns. */
const shortDrillId = (drillId: string) => drillId.slice(drillId.lastIndexOf('-') + 1);

/**
 * The text history fits 100 columns: a section per runbook and role, its objectives in the heading (a
 * row says its own only when it differs), the drill by the end of its id, then that section's charts.
 */
function textSections(rows: readonly HistoryRow[]): string[][] {
  return [...groupBySeries(rows)].map(([series, group], index) => {
    const last = group[group.length - 1]?.run;
    const rtoObjective = last?.rtoObjectiveMs;
    const rpoObjective = last?.rpoObjectiveMs;
    const body = group.map((row) => [
      clockTime(row.drill.startedAt).slice(0, 16),
      shortDrillId(row.drill.drillId),
      row.drill.simulated ? 'sim' : 'aws',
      against(duration(row.run.rtoMs), row.run.rtoObjectiveMs, rtoObjective),
      change(row.rtoDeltaMs),
      against(rpoText(row), row.run.rpoObjectiveMs, rpoObjective),
      change(row.rpoDeltaMs),
      resultWord(row.run),
    ]);
    const [rto = [], rpo = []] = charts(group, true);
    return [
      `${index === 0 ? 'Drill history · ' : ''}${series} · objectives RTO ${objective(rtoObjective)}, RPO ${objective(rpoObjective)}`,
      ...table([['when (UTC)', 'drill', 'where', 'RTO', 'Δ', 'RPO', 'Δ', 'result'], ...body]),
      ...rto.map((line) => `  ${line}`),
      ...rpo.map((line) => `  ${line}`),
    ];
  });
}

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

/** An RTO and an RPO chart per runbook and role; titled with it unless `untitled` (under its own heading). */
function charts(rows: readonly HistoryRow[], untitled = false): string[][] {
  return [...groupBySeries(rows)].flatMap(([series, group]) => {
    const last = group[group.length - 1]?.run;
    const label = (row: HistoryRow) => clockTime(row.drill.startedAt).slice(0, 16);
    const of = untitled ? '' : ` · ${series}`;
    return [
      barChart(`RTO${of}`, group.map((row) => ({ label: label(row), valueMs: row.run.rtoMs, missed: row.run.rtoVerdict === 'missed' })), last?.rtoObjectiveMs),
      barChart(`RPO${of}`, group.map((row) => ({ label: label(row), valueMs: knownRpo(row.run), missed: row.run.rpoVerdict === 'missed' })), last?.rpoObjectiveMs),
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
  const sections = [...textSections(rows), unreadableNote(history)];
  return `${sections.filter((section) => section.length).map((section) => section.join('\n')).join('\n\n')}\n`;
}
