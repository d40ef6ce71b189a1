// Text helpers of the live view: state icons, and fitting text to the terminal width. Every line the
// view draws is fitted here first, so ink never wraps a row into a mess on a narrow terminal.
import type { StepState } from '../../core/events';
import type { Style } from '../../core/style';

/** One glyph per state, each one terminal column wide. */
export const STATE_ICONS: Record<StepState, string> = {
  pending: '·',
  'waiting-approval': '?',
  running: '›',
  polling: '›',
  succeeded: '✓',
  failed: '✗',
  skipped: '-',
  cancelled: '⊘',
  unknown: '!',
  'rolling-back': '↺',
  'rolled-back': '↺',
};

export function stateIcon(state: StepState, style: Style): string {
  const icon = STATE_ICONS[state];
  if (state === 'succeeded') return style.green(icon);
  if (state === 'failed') return style.red(icon);
  if (state === 'unknown') return style.bold(style.yellow(icon));
  if (state === 'waiting-approval' || state === 'rolling-back' || state === 'rolled-back') return style.yellow(icon);
  return state === 'running' || state === 'polling' ? style.cyan(icon) : style.dim(icon);
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Terminal columns the text takes: colour codes take none; every glyph drctl prints takes one. */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Cuts text to `width` terminal columns, ending with an ellipsis when something was cut; keeps colours balanced. */
export function fitText(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  const keep = Math.max(0, width - 1);
  let out = '';
  let shown = 0;
  let coloured = false;
  for (const part of text.split(/(\u001b\[[0-9;]*m)/)) {
    if (part.startsWith('\u001b[')) {
      out += part;
      coloured = true;
      continue;
    }
    const chars = [...part].slice(0, keep - shown);
    out += chars.join('');
    shown += chars.length;
    if (shown >= keep) break;
  }
  return `${out}${width >= 1 ? '…' : ''}${coloured ? '\u001b[0m' : ''}`;
}

/** The first line whose text fits, else the last one cut to the width. */
export function firstFitting(candidates: readonly string[], width: number): string {
  const fits = candidates.find((line) => visibleLength(line) <= width);
  return fits ?? fitText(candidates[candidates.length - 1] ?? '', width);
}

/** Word-wraps one line to the width; continuation lines are indented two more than the line itself. */
function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const lead = /^ */.exec(line)?.[0] ?? '';
  const indent = `${lead}  `;
  const out: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(' ')) {
    const empty = current.trim() === '';
    const candidate = empty ? `${current}${word}` : `${current} ${word}`;
    if (empty || visibleLength(candidate) <= width) current = candidate;
    else {
      out.push(current);
      current = `${indent}${word}`;
    }
  }
  out.push(current);
  // A single word longer than the line (a long ARN) is cut rather than broken mid-word.
  return out.map((part) => fitText(part, width));
}

/** Word-wraps text (an error and its hint) to the width, keeping each line's indent. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, width));
}
