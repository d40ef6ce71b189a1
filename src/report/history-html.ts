// The drill history as one offline HTML page: a line chart of RTO and one of RPO per runbook (a point
// per drill, the objective as a dashed line, misses in red), then the full table.
import { clockTime, duration, objective } from './format';
import { groupBySeries, knownRpo, resultWord, type HistoryRow } from './history-rows';
import { htmlPage, htmlTable } from './html-page';
import { esc, linearScale, round, tickLabel, valueTicks } from './svg';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 20;
const TOP = 24;
const BOTTOM = 40;

interface Point {
  label: string;
  valueMs?: number;
  missed: boolean;
}

function lineChart(id: string, title: string, points: readonly Point[], objectiveMs: number | undefined, seriesClass: string): string {
  const max = Math.max(1, objectiveMs ?? 0, ...points.map((point) => point.valueMs ?? 0)) * 1.1;
  const y = linearScale([0, max], [HEIGHT - BOTTOM, TOP]);
  const x = (index: number) => (points.length <= 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + (index / (points.length - 1)) * (WIDTH - LEFT - RIGHT));
  const parts: string[] = [];
  for (const tick of valueTicks(max)) {
    parts.push(`<g class="tick"><line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(tick))}" y2="${round(y(tick))}"/><text x="${LEFT - 6}" y="${round(y(tick) + 4)}" text-anchor="end">${esc(tickLabel(tick))}</text></g>`);
  }
  if (objectiveMs !== undefined) {
    parts.push(`<g class="objective-line"><line class="objective" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(objectiveMs))}" y2="${round(y(objectiveMs))}"/><text class="bad" x="${WIDTH - RIGHT}" y="${round(y(objectiveMs) - 4)}" text-anchor="end">objective ${esc(duration(objectiveMs))}</text></g>`);
  }
  const known = points.map((point, index) => ({ point, index })).filter(({ point }) => point.valueMs !== undefined);
  if (known.length > 1) parts.push(`<polyline class="${seriesClass}" points="${known.map(({ point, index }) => `${round(x(index))},${round(y(point.valueMs ?? 0))}`).join(' ')}"/>`);
  points.forEach((point, index) => {
    const label = `${point.label}: ${point.valueMs === undefined ? 'unknown' : duration(point.valueMs)}${point.missed ? ' (missed)' : ''}`;
    if (point.valueMs !== undefined) parts.push(`<circle class="point${point.missed ? ' missed' : ''}" cx="${round(x(index))}" cy="${round(y(point.valueMs))}" r="4"><title>${esc(label)}</title></circle>`);
    parts.push(`<text x="${round(x(index))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${esc(point.label.slice(5, 16))}</text>`);
  });
  return [
    `<svg id="${id}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(title)}">`,
    `<text x="${LEFT}" y="14" font-weight="600">${esc(title)}</text>`,
    `<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function charts(rows: readonly HistoryRow[]): string[] {
  let n = 0;
  return [...groupBySeries(rows)].flatMap(([series, group]) => {
    n += 1;
    const last = group[group.length - 1]?.run;
    const label = (row: HistoryRow) => clockTime(row.drill.startedAt);
    const rto = group.map((row) => ({ label: label(row), valueMs: row.run.rtoMs, missed: row.run.rtoVerdict === 'missed' }));
    const rpo = group.map((row) => ({ label: label(row), valueMs: knownRpo(row.run), missed: row.run.rpoVerdict === 'missed' }));
    return [
      `<h2>${esc(series)}</h2>`,
      lineChart(`history-rto-${n}`, `RTO per drill`, rto, last?.rtoObjectiveMs, 'series-rto'),
      lineChart(`history-rpo-${n}`, `RPO per drill`, rpo, last?.rpoObjectiveMs, 'series-rpo'),
    ];
  });
}

export function historyHtml(rows: readonly HistoryRow[], unreadable: readonly string[]): string {
  const tableRows = rows.map((row) => [
    esc(clockTime(row.drill.startedAt)),
    `<code>${esc(row.drill.drillId)}</code>`,
    esc(row.series),
    row.drill.simulated ? 'sim' : 'aws',
    esc(duration(row.run.rtoMs)),
    esc(objective(row.run.rtoObjectiveMs)),
    esc(row.run.rpoStatus === 'unknown' ? 'unknown' : duration(row.run.rpoMs)),
    esc(objective(row.run.rpoObjectiveMs)),
    `<span class="${row.run.objectivesMet && row.run.outcome === 'succeeded' ? 'ok' : 'bad'}">${esc(resultWord(row.run))}</span>`,
  ]);
  const body = [
    '<h1>DR drill history</h1>',
    `<p class="meta">${rows.length} runs in ${new Set(rows.map((row) => row.drill.drillId)).size} drills.</p>`,
    ...(rows.length ? charts(rows) : ['<p>No drills recorded yet. Run <code>drctl drill &lt;runbook&gt; --sim</code> to record one.</p>']),
    '<h2>All drills</h2>',
    htmlTable(['when (UTC)', 'drill', 'runbook (role)', 'where', 'RTO', 'objective', 'RPO', 'objective', 'result'], tableRows, 'history'),
    unreadable.length ? `<p class="bad">Unreadable drill records (left out): ${esc(unreadable.join(', '))}</p>` : '',
  ];
  return htmlPage('DR drill history', body.filter(Boolean).join('\n'));
}
