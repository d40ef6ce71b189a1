// The lines printed once, above the live area, when something finishes: a step (with the code and hint
// of its error when it failed), a preflight check, a retry, an answer from the operator.
import { formatDuration } from '../../core/duration';
import { formatProblem } from '../../core/problem-text';
import type { Style } from '../../core/style';
import { fitText, STATE_ICONS, stateIcon, wrapText } from './text';
import { approvalVerdict } from '../approval-words';
import { operationsUnderWay } from '../../engine/summary';
import type { FinishedItem, LiveStore } from './live-store';
import { finishedRow, type LineContext } from './step-lines';

const DECISIONS = { run: 'run', skip: 'skip', continue: 'run all remaining', quit: 'abort' } as const;

/** A --step answer's mark: a skip is not a failure (no red ✗); an abort is a stop. */
function decisionMark(decision: keyof typeof DECISIONS, style: Style): string {
  if (decision === 'skip') return style.dim(STATE_ICONS.skipped);
  return decision === 'quit' ? style.yellow(STATE_ICONS.cancelled) : style.green(STATE_ICONS.succeeded);
}

function answerLine(item: Extract<FinishedItem, { kind: 'answer' }>, style: Style): string {
  const { event } = item;
  if (event.gate === 'step') {
    const decision = event.decision ?? (event.approved ? 'run' : 'skip');
    return `${decisionMark(decision, style)} ${event.stepId}: ${DECISIONS[decision]} (answered by ${event.by})`;
  }
  const mark = event.approved ? style.green('✓') : style.red('✗');
  const what = event.gate === 'run' ? 'start of the run' : event.stepId;
  return `${mark} ${what}: ${approvalVerdict(event)}`;
}

export function finishedLines(item: FinishedItem, store: LiveStore, context: LineContext): string[] {
  const { style, width } = context;
  switch (item.kind) {
    case 'step': {
      const step = store.state.steps[item.stepId];
      if (!step) return [];
      const lines = [finishedRow(step, store.targets.get(step.id), store.approvedBy.get(step.id), stateIcon(step.state, style), context)];
      if (step.state === 'failed' && step.error) lines.push(...wrapText(formatProblem(step.error, style, '    '), width));
      // Ctrl-C stops drctl, not AWS: a change already accepted goes on, and must not read as undone.
      const underWay = operationsUnderWay(step);
      if (underWay) lines.push(...wrapText(style.yellow(`    its ${underWay.join(', ') || 'change'} was accepted and is still under way in AWS`), width));
      if (step.state === 'unknown') lines.push(...wrapText(style.yellow(`    outcome unknown: ${step.reason ?? ''}`), width));
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
