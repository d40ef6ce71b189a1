// One step as text, at a given width: icon, id, what it does (plan summary and from -> to), and its
// time at the right edge. A row never wraps: the middle is cut to fit, so columns stay aligned at any
// width. Used for the live rows and for the finished lines printed once above them.
import type { EventOf } from '../../core/events';
import type { StepRecord } from '../../engine/state';
import { formatDuration } from '../../core/duration';
import type { Style } from '../../core/style';
import { fitText, visibleLength } from './text';

export type StepTarget = NonNullable<EventOf<'step.planned'>['target']>;

export interface LineContext {
  width: number;
  idWidth: number;
  style: Style;
}

/** The id column: as wide as the longest id, but never more than a third of the line. */
export function idColumnWidth(ids: readonly string[], width: number): number {
  return Math.max(4, Math.min(24, Math.floor(width / 3), Math.max(0, ...ids.map((id) => id.length))));
}

/** What the step does: the plan's one-line summary, with from -> to when the summary does not say it. */
export function stepDetail(step: StepRecord, target: StepTarget | undefined): string {
  const summary = step.plan?.summary ?? step.uses;
  if (!target?.from || !target.to) return summary;
  const route = `${target.from} -> ${target.to}`;
  return summary.includes(route) ? summary : `${summary} (${route})`;
}

/** `icon id  detail ... right`, exactly `width` columns or fewer. */
export function stepRow(icon: string, id: string, detail: string, right: string, context: LineContext): string {
  const { width, idWidth } = context;
  const idText = fitText(id, idWidth).padEnd(idWidth);
  const rightText = right ? ` ${right}` : '';
  const room = width - 2 - idWidth - 2 - visibleLength(rightText);
  if (room < 4) return fitText(`${icon} ${idText}${rightText}`, width);
  const middle = fitText(detail, room);
  const gap = ' '.repeat(Math.max(0, room - visibleLength(middle)));
  return `${icon} ${idText}  ${middle}${gap}${rightText}`;
}

function durationOf(step: StepRecord): string {
  return step.startedAt !== undefined && step.finishedAt !== undefined ? formatDuration(step.finishedAt - step.startedAt) : '';
}

function finishedDetail(step: StepRecord, target: StepTarget | undefined, approvedBy: string | undefined): string {
  if (approvedBy !== undefined && step.state === 'succeeded') return `approved by ${approvedBy}`;
  if (step.state === 'skipped') return `skipped: ${step.reason ?? ''}`;
  if (step.state === 'cancelled') return `cancelled: ${step.reason ?? ''}`;
  if (step.state === 'unknown') return `OUTCOME UNKNOWN: ${stepDetail(step, target)}`;
  const note = step.alreadyDone ? ' (already done)' : step.joined ? ' (joined an operation under way)' : step.continued ? ' (continue-on-error)' : '';
  return `${stepDetail(step, target)}${note}`;
}

/** The line printed once when a step finishes. Failures add their code and hint below (see static-lines). */
export function finishedRow(step: StepRecord, target: StepTarget | undefined, approvedBy: string | undefined, icon: string, context: LineContext): string {
  const detail = finishedDetail(step, target, approvedBy);
  const text = step.state === 'skipped' || step.state === 'cancelled' ? context.style.dim(detail) : detail;
  return stepRow(icon, step.id, text, durationOf(step), context);
}
