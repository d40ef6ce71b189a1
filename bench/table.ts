// The one table: every figure beside its budget, grouped by section, with notes as numbered footnotes so
// the rows stay one line each. Plain text (no colour): it is read in terminals, CI logs and pull requests.
import type { Figure, Unit } from './figure';

const DECIMALS: Record<Unit, number> = { ms: 0, s: 1, MB: 0, x: 2, '/min': 1, calls: 0 };

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '-';
  const number = value.toFixed(DECIMALS[unit]);
  return unit === 'x' ? `${number}x` : `${number} ${unit}`;
}

const VERDICT_TEXT: Record<Figure['verdict'], string> = { met: 'met', missed: 'MISSED', reference: '', failed: 'NOT MEASURED' };

export function renderTable(figures: readonly Figure[]): string {
  const notes: string[] = [];
  const header = ['figure', 'median', 'min', 'max', 'n', 'budget', 'verdict'];
  const rows: Array<string[] | string> = [];
  let section = '';
  for (const item of figures) {
    if (item.section !== section) {
      section = item.section;
      rows.push(section);
    }
    let label = `  ${item.label}`;
    if (item.note) {
      notes.push(item.note);
      label += ` [${notes.length}]`;
    }
    rows.push([label, formatValue(item.median, item.unit), formatValue(item.min, item.unit), formatValue(item.max, item.unit), String(item.runs), item.budget?.text ?? '', VERDICT_TEXT[item.verdict]]);
  }
  const cells = rows.filter((row): row is string[] => Array.isArray(row));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  // Text left, numbers right.
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 || column >= 5 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  const body = rows.map((row) => (Array.isArray(row) ? line(row) : `\n${row}`));
  const footnotes = notes.map((note, index) => `[${index + 1}] ${note}`);
  return [line(header), rule, ...body, '', rule, ...footnotes].join('\n');
}

export function verdictSummary(figures: readonly Figure[]): string {
  const count = (verdict: Figure['verdict']) => figures.filter((item) => item.verdict === verdict).length;
  const missed = figures.filter((item) => item.verdict === 'missed').map((item) => `  - ${item.section}: ${item.label} (${formatValue(item.median, item.unit)}, budget ${item.budget?.text ?? '?'})`);
  const failed = figures.filter((item) => item.verdict === 'failed').map((item) => `  - ${item.section}: ${item.label}: ${item.note ?? ''}`);
  return [
    `Budgets: ${count('met')} met, ${count('missed')} missed${count('failed') ? `, ${count('failed')} not measured` : ''}.`,
    ...(missed.length ? ['Missed:', ...missed] : []),
    ...(failed.length ? ['Not measured:', ...failed] : []),
  ].join('\n');
}
