// The live area: every step not finished yet, in dependency order. Steps of one wave (the ones the
// engine runs side by side) share a bracket in the gutter; a running step shows a spinner, its time
// on the run's clock, and on a second line the latest observation from AWS.
import type { RunState, StepRecord } from '../../engine/state';
import { formatDuration } from '../../core/duration';
import { fitText, stateIcon } from './text';
import { stepDetail, stepRow, type LineContext, type StepTarget } from './step-lines';
import { stepWaves } from './step-order';

export interface LiveRowsInput extends LineContext {
  state: RunState;
  targets: ReadonlyMap<string, StepTarget>;
  now: number;
  spinner: string;
  /** Pending steps shown before "… N more pending". */
  maxPending?: number;
  /** Lines the terminal has room for: past it ink would redraw the whole screen on every frame. */
  maxLines?: number;
}

const LIVE = new Set(['pending', 'running', 'polling', 'waiting-approval']);

function isShown(step: StepRecord, state: RunState): boolean {
  if (!LIVE.has(step.state)) return false;
  // Rollback steps run only after a failure: list them once the rollback phase has begun.
  return step.phase === 'main' || state.rollback !== undefined;
}

function waitingFor(step: StepRecord, state: RunState): string {
  // A need that will be skipped is not waited for: it finishes as soon as it is reached.
  const open = step.needs.filter((id) => state.steps[id]?.finishedAt === undefined && !state.steps[id]?.decidedSkip);
  return open.length ? `waits for ${open.join(', ')}` : 'next';
}

function rowFor(step: StepRecord, input: LiveRowsInput, observations: boolean): string[] {
  const { state, style, now, spinner } = input;
  const target = input.targets.get(step.id);
  if (step.state === 'pending' && step.decidedSkip) {
    // Known from the inputs at the start: it will not run, whatever it waits for.
    return [style.dim(stepRow(stateIcon('skipped', style), step.id, `will be skipped: ${step.decidedSkip}`, '', input))];
  }
  if (step.state === 'pending') {
    const detail = step.plan ? stepDetail(step, target) : waitingFor(step, state);
    return [style.dim(stepRow(stateIcon('pending', style), step.id, detail, '', input))];
  }
  const elapsed = step.startedAt === undefined ? '' : formatDuration(Math.max(0, now - step.startedAt));
  if (step.state === 'waiting-approval') {
    return [stepRow(stateIcon('waiting-approval', style), step.id, style.yellow('waiting for your answer'), elapsed, input)];
  }
  const attempt = step.attempts > 1 ? ` · attempt ${step.attempts}` : '';
  const lines = [stepRow(style.cyan(spinner), step.id, `${stepDetail(step, target)}${attempt}`, elapsed, input)];
  if (observations && step.lastObservation) lines.push(`    ${style.dim(fitText(step.lastObservation, input.width - 4))}`);
  return lines;
}

/** Gutter marks: a bracket spans the rows of a wave with more than one step. */
function gutter(index: number, count: number, continuation: boolean): string {
  if (count < 2) return '  ';
  const last = index === count - 1;
  if (continuation) return last ? '  ' : '│ ';
  return index === 0 ? '┌ ' : last ? '└ ' : '├ ';
}

export function liveRows(input: LiveRowsInput): string[] {
  const full = rows(input, true);
  if (input.maxLines === undefined || full.length <= input.maxLines) return full;
  // Short of room: observations go first, then the rows that do not fit.
  const compact = rows(input, false);
  if (compact.length <= input.maxLines) return compact;
  const kept = compact.slice(0, Math.max(1, input.maxLines - 1));
  return [...kept, input.style.dim(`  … ${compact.length - kept.length} more (the terminal is too short to show them)`)];
}

function rows(input: LiveRowsInput, observations: boolean): string[] {
  const maxPending = input.maxPending ?? 6;
  const inner = { ...input, width: input.width - 2 };
  const lines: string[] = [];
  let pendingShown = 0;
  let pendingHidden = 0;
  for (const wave of stepWaves(input.state)) {
    const shown: StepRecord[] = [];
    for (const step of wave.steps) {
      if (!isShown(step, input.state)) continue;
      if (step.state === 'pending' && pendingShown >= maxPending) {
        pendingHidden += 1;
        continue;
      }
      if (step.state === 'pending') pendingShown += 1;
      shown.push(step);
    }
    shown.forEach((step, index) => {
      rowFor(step, inner, observations).forEach((line, lineIndex) => lines.push(`${gutter(index, shown.length, lineIndex > 0)}${line}`));
    });
  }
  if (pendingHidden) lines.push(input.style.dim(`  … ${pendingHidden} more pending`));
  return lines;
}
