// `drctl status` as text: one table whose member rows line up across resources, each resource headed by
// its type, id, writer region and status, and followed by what makes it not ready. Everything fits the
// width given (80 columns unless the terminal says otherwise): long ids are shortened, long reasons wrap.
import { formatDuration } from '../core/duration';
import type { Flag, MemberStatus, ResourceStatus, StatusReport } from '../status/model';
import type { Style } from '../core/style';
import type { View } from './output';

const GAP = '  ';

/** ISO time to the second: what operators paste into incident channels. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Word-wraps `text` to `width`, keeping its leading indent; lines after the first start with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const next = line.trim() ? `${line} ${word}` : `${line}${word}`;
    if (next.length > width && line.trim()) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  if (line.trim()) lines.push(line);
  return lines.map((candidate) => truncate(candidate, width));
}

/** Column widths from the content, the first (names) shortened when the row would not fit. */
export function fitColumns(rows: readonly string[][], width: number, minFirst = 10): number[] {
  const widths = (rows[0] ?? []).map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  const total = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1);
  if (total > width && widths[0] !== undefined) widths[0] = Math.max(minFirst, widths[0] - (total - width));
  return widths;
}

export function formatRow(cells: readonly string[], widths: readonly number[], width: number): string {
  const padded = cells.map((cell, index) => {
    const w = widths[index] ?? cell.length;
    return index === cells.length - 1 ? truncate(cell, w) : truncate(cell, w).padEnd(w);
  });
  return truncate(padded.join(GAP).trimEnd(), width);
}

const HEADER = ['RESOURCE / MEMBER', 'REGION', 'ROLE', 'STATUS', 'SYNC', 'LAG'];

function lagText(member: MemberStatus): string {
  if (!member.lag) return '-';
  if (member.lag.missing) return member.lag.problem ? '?' : 'no data';
  return member.lag.ms === undefined ? '-' : formatDuration(member.lag.ms);
}

const memberCells = (member: MemberStatus) => [`  ${member.id}`, member.region, member.role, member.status, member.sync ?? '-', lagText(member)];

function headline(resource: ResourceStatus): string {
  // Named after its id (--resource): the id is already in the first column.
  const what = resource.name === resource.id ? resource.kind : `${resource.kind} ${resource.id}`;
  const subject = resource.kind === 'health-check' ? what.replace('health-check', 'health check') : what;
  if (resource.error) return `${subject}: could not be read`;
  if (resource.health) return `${subject}: ${resource.health.healthy ? 'healthy' : 'UNHEALTHY'}, ${resource.health.reason}`;
  const writer = resource.kind === 'elasticache' ? 'primary' : 'writer';
  return `${subject}: ${writer} in ${resource.writerRegion ?? 'unknown'}, ${resource.status ?? 'unknown'}`;
}

function flagLines(flag: Flag, width: number, style: Style): string[] {
  const label = flag.blocking ? style.red('not ready:') : style.yellow('warning:');
  const plainLabel = flag.blocking ? 'not ready:' : 'warning:';
  const [first = '', ...rest] = wrap(`  ${plainLabel} ${flag.message} [${flag.code}]`, width, '    ');
  return [first.replace(plainLabel, label), ...rest];
}

function verdictLines(resource: ResourceStatus, width: number, style: Style): string[] {
  const lines = resource.flags.flatMap((flag) => flagLines(flag, width, style));
  if (resource.error?.hint) lines.push(...wrap(`    hint: ${resource.error.hint}`, width, '    '));
  if (resource.kind === 'health-check') {
    if (resource.health?.endpoint) lines.unshift(style.dim(truncate(`  watches ${resource.health.endpoint}`, width)));
    return lines;
  }
  if (resource.writerEndpoint) lines.push(...wrap(`  writer endpoint ${resource.writerEndpoint}: follows the writer, so apps using it need no DNS change`, width, '    ').map(style.dim));
  if (resource.readyTargets.length) lines.push(style.green(truncate(`  ready: can fail over to ${resource.readyTargets.join(', ')}`, width)));
  return lines;
}

function title(report: StatusReport): string {
  const what = report.runbook ?? 'Status';
  const objective = report.lagObjective
    ? `lag objective ${formatDuration(report.lagObjective.ms)} (${report.lagObjective.source})`
    : 'no lag objective (pass --max-lag)';
  return `${what} at ${isoSeconds(report.checkedAt)}, ${objective}`;
}

export function statusText(report: StatusReport, style: Style, width: number): string {
  const members = report.resources.flatMap((resource) => resource.members.map(memberCells));
  const widths = fitColumns([HEADER, ...members, ...report.resources.map((resource) => [resource.name])], width);
  const nameWidth = widths[0] ?? 10;
  const lines = [...wrap(title(report), width, '  '), '', style.bold(formatRow(HEADER, widths, width))];
  for (const resource of report.resources) {
    const [line = '', ...more] = wrap(`${truncate(resource.name, nameWidth).padEnd(nameWidth)}${GAP}${headline(resource)}`, width, ' '.repeat(nameWidth + GAP.length));
    lines.push(`${style.bold(line.slice(0, nameWidth))}${line.slice(nameWidth)}`, ...more);
    for (const member of resource.members) lines.push(formatRow(memberCells(member), widths, width));
    lines.push(...verdictLines(resource, width, style));
  }
  lines.push('', summaryLine(report, style));
  if (report.skipped.length) lines.push(...wrap(`not shown (record sets, ARC): ${report.skipped.join(', ')}`, width, '  ').map(style.dim));
  for (const note of report.notes) lines.push(...wrap(`note: ${note}`, width, '  ').map(style.dim));
  return lines.join('\n');
}

function summaryLine(report: StatusReport, style: Style): string {
  const globals = report.resources.filter((resource) => resource.kind !== 'health-check');
  const checks = report.resources.filter((resource) => resource.kind === 'health-check');
  const parts: string[] = [];
  if (globals.length) parts.push(`${globals.filter((r) => r.ready).length} of ${globals.length} ready for failover`);
  if (checks.length) parts.push(`${checks.filter((r) => r.ready).length} of ${checks.length} health checks healthy`);
  const all = report.resources.every((resource) => resource.ready);
  const text = parts.join('; ') || 'nothing to show';
  return all ? style.green(text) : style.yellow(text);
}

/** `drctl status`: the table, or `{"type": "status", ...StatusReport}`. */
export const statusView: View<StatusReport> = {
  type: 'status',
  text: (report, screen) => statusText(report, screen.style, screen.width),
  json: (report) => report,
};
