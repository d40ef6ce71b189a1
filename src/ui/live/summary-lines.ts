// The end-of-run summary in the view is the plain reporter's summary, line for line: one format for
// every reporter. The view only cuts step rows to the terminal width; error, hint and "next" lines
// keep their full text and wrap (indented), since they are what the engineer must read.
import type { RunSummary } from '../../engine/summary';
import { summaryText } from '../plain-reporter';
import type { Style } from '../../core/style';
import { fitText, wrapText } from './text';

const ANSI = /\u001b\[[0-9;]*m/g;

export function viewSummaryLines(summary: RunSummary, next: string | undefined, style: Style, width: number): string[] {
  const ids = new Set(summary.steps.map((step) => step.id));
  const isStepRow = (line: string) => ids.has(/^ {2}(\S+) /.exec(line.replace(ANSI, ''))?.[1] ?? '');
  return summaryText(summary, style, next)
    .split('\n')
    .flatMap((line) => (isStepRow(line) ? [fitText(line, width)] : wrapText(line, width)));
}
