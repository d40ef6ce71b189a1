// Compares two benchmark outputs figure by figure (matched by id): median before and after, the change,
// and any verdict that moved. Usage: node --import tsx bench/compare.ts before.json after.json
// Differences of a few percent in process start are noise on a shared machine; look at min too.
import { readFile } from 'node:fs/promises';
import type { Figure } from './figure';
import type { BenchReport } from './run';
import { formatValue } from './table';

async function load(file: string): Promise<BenchReport> {
  const report = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
  if (report.schema !== 'drctl-bench/v1') throw new Error(`${file} is not a drctl benchmark output (schema ${String(report.schema)})`);
  // Outputs from before the load average was recorded have none.
  report.load = report.load ?? { before: Number.NaN, after: Number.NaN };
  // JSON has no NaN: unmeasured figures come back as null.
  report.figures = report.figures.map((item) => ({ ...item, median: item.median ?? Number.NaN, min: item.min ?? Number.NaN, max: item.max ?? Number.NaN }));
  return report;
}

function change(before: Figure | undefined, after: Figure | undefined): string {
  if (!before || !after || !Number.isFinite(before.median) || !Number.isFinite(after.median) || before.median === 0) return '';
  const percent = ((after.median - before.median) / before.median) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

function verdictMove(before: Figure | undefined, after: Figure | undefined): string {
  if (!before || !after) return before ? 'removed' : 'new';
  return before.verdict === after.verdict ? '' : `${before.verdict} -> ${after.verdict}`;
}

async function main(): Promise<void> {
  const [beforeFile, afterFile] = process.argv.slice(2);
  if (!beforeFile || !afterFile) {
    process.stderr.write('usage: node --import tsx bench/compare.ts before.json after.json\n');
    process.exitCode = 2;
    return;
  }
  const before = await load(beforeFile);
  const after = await load(afterFile);
  const beforeById = new Map(before.figures.map((item) => [item.id, item]));
  const afterById = new Map(after.figures.map((item) => [item.id, item]));
  const ids = [...new Set([...after.figures.map((item) => item.id), ...before.figures.map((item) => item.id)])];
  const rows = ids.map((id) => {
    const a = beforeById.get(id);
    const b = afterById.get(id);
    const shown = b ?? a;
    const value = (item: Figure | undefined) => (item ? formatValue(item.median, item.unit) : '-');
    return [id, value(a), value(b), change(a, b), shown?.budget?.text ?? '', verdictMove(a, b)];
  });
  const header = ['figure', 'before', 'after', 'change', 'budget', 'verdict'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => (column >= 1 && column <= 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const describe = (report: BenchReport) => `${report.createdAt} ${report.commit ?? ''} (${report.machine.cpus} x ${report.machine.cpuModel}, load ${Number.isFinite(report.load.before) ? `${report.load.before} -> ${report.load.after}` : 'not recorded'})`;
  process.stdout.write(`before: ${describe(before)}\nafter:  ${describe(after)}\n\n`);
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

await main();
