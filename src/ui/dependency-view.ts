// The dependency table (what each preflight check and step needs: service, plane, region) and the static
// stability warnings, as `plan` and `validate` print them.
import type { DependencyReport, DependencyRow } from '../engine/dependency-table';
import { dependencyWhere } from '../core/dependencies';
import type { Style } from '../core/style';

const HEADER = ['STEP', 'SERVICE', 'PLANE', 'REGION'];

/** A step's lines: one per need, or a note in place of the needs (skipped, nothing from AWS, unknown). */
function cells(row: DependencyRow): { cells: string[]; note?: string }[] {
  if (row.runs === false) return [{ cells: [row.id], note: 'skipped (its if: is false)' }];
  if (row.unresolved) return [{ cells: [row.id], note: `? ${row.unresolved}` }];
  if (row.needs.length === 0) return [{ cells: [row.id], note: '- (nothing from AWS)' }];
  return row.needs.map((need, index) => {
    const where = dependencyWhere(need);
    const region = need.role === 'source' && need.region ? `${where} (the region being left)` : where;
    return { cells: [index === 0 ? row.id : '', need.service, need.plane, region] };
  });
}

/** "this failover leaves us-east-1" / "which region it leaves is known only live" / "it moves nothing". */
function leavingText(report: DependencyReport): string {
  if (report.leaving.length) return `this ${report.mode === 'unplanned' ? 'unplanned ' : ''}failover leaves ${report.leaving.join(', ')}`;
  if (report.leavingUnknown) return 'which region this failover leaves is known only live (add `regions:` to its resources)';
  return 'it moves no writer or traffic';
}

export function dependencyTableLines(report: DependencyReport, style: Style): string[] {
  const rows = report.rows.flatMap(cells);
  const widths = HEADER.map((_, column) => Math.max(...[HEADER, ...rows.map((row) => row.cells)].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}`.trimEnd();
  const body = rows.map((row) => (row.note ? `  ${(row.cells[0] ?? '').padEnd(widths[0] ?? 0)}  ${style.dim(row.note)}` : line(row.cells)));
  return [style.bold(`Dependencies: what each step needs (${leavingText(report)})`), style.dim(line(HEADER)), ...body];
}

/** One line per step that needs what the failover leaves, and what an unplanned run does about it. */
export function stabilityWarningLines(report: DependencyReport, style: Style): string[] {
  const warned = report.rows.filter((row) => row.warnings.length > 0);
  if (warned.length === 0) return [];
  const unplanned = report.mode === 'unplanned';
  const title = unplanned
    ? 'Static stability: these steps need what the failover leaves, which may be down'
    : 'Static stability: these steps need what the failover leaves (fine for a planned move; an unplanned run would refuse them)';
  const lines = [style.bold(title)];
  for (const row of warned) {
    const note = row.optional ? ' (continue-on-error: the failover goes on without it)' : unplanned ? style.red(' (refused: mark it continue-on-error or give it an if:)') : '';
    for (const warning of row.warnings) lines.push(`  ${style.yellow('warning')} ${row.id} (${row.uses}) ${warning}${note}`);
  }
  return lines;
}
