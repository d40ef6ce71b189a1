// The lines printed once, above the live area, when something finishes: a step (with the code and hint
// of its error when it failed), a preflight check, a retry, an answer from the operator.
import { formatDuration } from '../../core/duration';
import { formatProblem } from '../../core/problem-text';
import type { Style } from '../../core/style';
import { fitText, stateIcon, wrapText } from './text';
import type { FinishedItem, LiveStore } from './live-store';
import { finishedRow, type LineContext } from './step-lines';

const DECISIONS = { run: 'run', skip: 'skip', continue: 'run all remaining', quit: 'abort' } as const;

function answerLine(item: Extract<FinishedItem, { kind: 'answer' }>, style: Style): string {
  const { event } = item;
  const mark = event.approved ? style.green('✓') : style.red('✗');
  if (event.gate === 'step') return `${mark} ${event.stepId}: ${DECISIONS[event.decision ?? (event.approved ? 'run' : 'skip')]} (answered by ${event.by})`;
  const what = event.gate === 'run' ? 'start of the run' : event.stepId;
  const verdict = event.approved ? 'approved' : `not approved${event.reason ? ` (${event.reason})` : ''}`;
  return `${mark} ${what}: ${verdict} by ${event.by}`;
}

export function finishedLines(item: FinishedItem, store: LiveStore, context: LineContext): string[] {
  const { style, width } = context;
  switch (item.kind) {
    case 'step': {
      const step = store.state.steps[item.stepId];
      if (!step) return [];
      const lines = [finishedRow(step, store.targets.get(step.id), store.approvedBy.get(step.id), stateIcon(step.state, style), context)];
      if (step.state === 'failed' && step.error) lines.push(...wrapText(formatProblem(step.error, style, '    '), width));
      return lines;
    }
    case 'preflight': {
      const mark = item.ok ? style.green('✓') : style.red('✗');
      const lines = [fitText(`${mark} preflight ${item.name}: ${item.message}`, width)];
      if (!item.ok && item.error) lines.push(...wrapText(formatProblem(item.error, style, '    '), width));
      return lines;
    }
    case 'retry': {
      const { event } = item;
      const text = `↻ ${event.stepId}: attempt ${event.attempt} failed, retrying in ${formatDuration(event.delayMs)}: ${event.error.message} [${event.error.code}]`;
      return [style.yellow(fitText(text, width))];
    }
    case 'rollback':
      return [style.yellow(fitText(`↺ rolling back: ${item.reason}`, width))];
    case 'answer':
      return [fitText(answerLine(item, style), width)];
    case 'notice':
      return wrapText(style.yellow(item.message), width);
    case 'unplanned':
      return [style.dim(fitText(`· ${item.stepId}: ${item.reason}`, width))];
  }
}
