// `drctl health`: per check Route 53's verdict and why, what the checkers look at, the last change, and
// a row per checker region.
import type { HealthCheckReport, LastChange } from '../status/health';
import type { View } from './output';
import { fitColumns, formatRow, isoSeconds, truncate } from './status-view';
import type { Style } from '../core/style';

const HEADER = ['CHECKERS', 'OK', 'CHECKED', 'LAST REPORT'];
const clock = (ms: number | undefined) => (ms === undefined ? '-' : isoSeconds(ms).slice(11));

const BASIS: Record<LastChange['basis'], string> = {
  disagreeing: 'newest report that disagrees with the rest',
  'newest-check': 'newest report; all checkers agree',
  seen: 'the verdict flipped between refreshes',
};

function configLine(report: HealthCheckReport): string {
  const interval = report.requestIntervalSeconds ? `every ${report.requestIntervalSeconds}s` : 'interval unknown';
  const threshold = report.failureThreshold ? `, ${report.failureThreshold} in a row to change` : '';
  const flags = [report.judgement.inverted ? 'INVERTED' : '', report.judgement.disabled ? 'DISABLED' : ''].filter(Boolean).join(', ');
  return `  ${report.type} ${report.endpoint ?? ''}; checked ${interval}${threshold}${flags ? `; ${flags}` : ''}`;
}

function checkLines(report: HealthCheckReport, style: Style, width: number): string[] {
  const { healthy, reason } = report.judgement;
  const verdict = healthy ? style.green('HEALTHY') : style.red('UNHEALTHY');
  const head = truncate(`${report.id}  ${healthy ? 'HEALTHY' : 'UNHEALTHY'}  ${reason}`, width);
  const rows = report.regions.map((region) => [`  ${region.region}`, `${region.healthy}/${region.total}`, clock(region.checkedAt), region.status]);
  // The report text is the flexible column: the others keep their width, it gets what they leave.
  const widths = fitColumns([[`  ${HEADER[0]}`, ...HEADER.slice(1, 3)], ...rows.map((row) => row.slice(0, 3))], width);
  widths.push(Math.max(10, width - widths.reduce((sum, w) => sum + w + 2, 0)));
  const change = report.lastChange ? `  last change ${isoSeconds(report.lastChange.at)} (${BASIS[report.lastChange.basis]})` : '  last change unknown (no checker has reported)';
  return [
    head.replace(healthy ? 'HEALTHY' : 'UNHEALTHY', verdict),
    style.dim(truncate(configLine(report), width)),
    truncate(change, width),
    style.bold(formatRow([`  ${HEADER[0]}`, ...HEADER.slice(1)], widths, width)),
    ...rows.map((row) => formatRow(row, widths, width)),
  ];
}

export function healthText(reports: readonly HealthCheckReport[], checkedAt: number, style: Style, width: number): string {
  const lines = [`Route 53 health at ${isoSeconds(checkedAt)}`, ''];
  for (const report of reports) lines.push(...checkLines(report, style, width), '');
  const healthy = reports.filter((report) => report.judgement.healthy).length;
  const summary = `${healthy} of ${reports.length} healthy`;
  lines.push(healthy === reports.length ? style.green(summary) : style.red(summary));
  return lines.join('\n');
}

export interface HealthReading {
  reports: readonly HealthCheckReport[];
  /** When they were read, on the command's clock. */
  checkedAt: number;
}

/** One reading of the checks: text, or `{"type": "health", checkedAt, healthy, checks}`. */
export const healthView: View<HealthReading> = {
  type: 'health',
  text: ({ reports, checkedAt }, screen) => healthText(reports, checkedAt, screen.style, screen.width),
  json: ({ reports, checkedAt }) => ({ checkedAt, healthy: reports.every((report) => report.judgement.healthy), checks: reports }),
};
