// The header of the live view, as text: what runs (runbook, session, mode, from -> to), the clocks, and
// banners that must not be missed (DRY RUN, stopping). Each line fits the terminal: less important
// pieces are dropped first when the terminal is narrow, rather than wrapping.
import type { SessionKind } from '../../core/events';
import type { RunState, StepRecord } from '../../engine/state';
import { formatDuration } from '../../core/duration';
import type { Style } from '../../core/style';
import { firstFitting } from './text';
import { rtoBar, rtoClock, type RtoClock } from './rto-clock';

export interface HeaderOptions {
  runbook: string;
  /** The command, when it says more than the session does: "drill", "failover". */
  command?: string;
  dryRun: boolean;
  from?: string;
  to?: string;
  rtoMs?: number;
  /** Against the simulator (also known from run.started once it arrives). */
  simulated?: boolean;
}

export interface HeaderInput {
  state: RunState;
  session?: SessionKind;
  options: HeaderOptions;
  now: number;
  width: number;
  style: Style;
}

const inputText = (state: RunState, name: string): string | undefined => {
  const value = state.inputs[name];
  return typeof value === 'string' ? value : undefined;
};

function titleLine({ state, session, options, width, style }: HeaderInput): string {
  const dryRun = options.dryRun || state.mode === 'dry-run';
  const verb = dryRun ? 'dry run' : session === 'resume' ? 'resume' : session === 'rollback' ? 'rollback' : (options.command ?? 'run');
  const from = options.from ?? inputText(state, 'from');
  const to = options.to ?? inputText(state, 'to');
  const route = from || to ? `${from ?? '?'} -> ${to ?? '?'}` : undefined;
  const mode = inputText(state, 'mode');
  const name = style.bold(state.runbook || options.runbook);
  const join = (...pieces: Array<string | undefined>) => pieces.filter(Boolean).join(' · ');
  // Narrow terminals lose the verb and mode first: where things are going must stay on screen.
  return firstFitting([join(name, verb, mode, route), join(name, mode, route), join(name, route), join(route, name)], width);
}

function rtoPiece(clock: RtoClock, style: Style): string {
  const since = clock.sinceIncident ? ' since incident' : '';
  if (clock.objectiveMs === undefined || clock.ratio === undefined) return `RTO ${formatDuration(clock.elapsedMs)}${since} (no objective)`;
  const text = `RTO ${formatDuration(clock.elapsedMs)}${since} / ${formatDuration(clock.objectiveMs)} (${Math.round(clock.ratio * 100)}%)`;
  return paint(clock, text, style);
}

function paint(clock: RtoClock, text: string, style: Style): string {
  if (clock.level === 'over') return style.red(text);
  return clock.level === 'warn' ? style.yellow(text) : style.green(text);
}

function clockLine(input: HeaderInput): string {
  const { state, now, width, style, options } = input;
  const clock = rtoClock(state, now, options.rtoMs);
  if (!clock) return style.dim('starting…');
  const steps = Object.values(state.steps).filter((step) => step.phase === 'main');
  const elapsed = `${state.finishedAt === undefined ? 'elapsed' : 'took'} ${formatDuration(clock.runElapsedMs)}`;
  const rto = rtoPiece(clock, style);
  const bar = clock.ratio === undefined ? undefined : paint(clock, rtoBar(clock.ratio, 12), style);
  const progress = progressText(steps);
  const join = (...pieces: Array<string | undefined>) => pieces.filter(Boolean).join(' · ');
  return firstFitting([join(elapsed, rto, bar, progress), join(elapsed, rto, progress), join(elapsed, rto), rto], width);
}

/**
 * "3/5 done · 1 failed · 1 cancelled": done is succeeded or skipped; what ended otherwise (failed, its
 * outcome unknown, cancelled) is counted apart, so a stopped run never reads as "5/5 finished".
 */
function progressText(steps: readonly StepRecord[]): string {
  const count = (state: StepRecord['state']) => steps.filter((step) => step.state === state).length;
  const done = count('succeeded') + count('skipped');
  const others = (['failed', 'unknown', 'cancelled'] as const).filter((state) => count(state) > 0).map((state) => `${count(state)} ${state}`);
  return [`${done}/${steps.length} done`, ...others].join(' · ');
}

export function headerLines(input: HeaderInput): string[] {
  const { state, options, width, style } = input;
  const lines: string[] = [];
  if (options.dryRun || state.mode === 'dry-run') {
    lines.push(style.bold(style.yellow(firstFitting(['DRY RUN · read-only: nothing in AWS will change', 'DRY RUN'], width))));
  }
  if (options.simulated || state.simulated) {
    lines.push(style.bold(style.yellow(firstFitting(['SIMULATED · drctl simulator: simulated time, no real AWS changes', 'SIMULATED'], width))));
  }
  lines.push(titleLine(input), clockLine(input));
  if (state.interrupted && state.finishedAt === undefined) {
    const text = state.interrupted.forced
      ? 'stopping now: forced, not waiting for calls in flight'
      : 'stopping… no new calls; waiting for calls in flight';
    lines.push(style.yellow(firstFitting([text, 'stopping…'], width)));
  }
  return lines;
}

/** The keys. Ctrl-C belongs to the command (it stops the engine); the view only says what it does. */
export function footerLine(state: RunState, width: number, style: Style): string {
  const candidates = state.interrupted
    ? ['Ctrl-C again to force (stops waiting for calls in flight)', 'Ctrl-C again to force']
    : ['Ctrl-C stop after calls in flight · Ctrl-C again to force', 'Ctrl-C stop · again: force'];
  return style.dim(firstFitting(candidates, width));
}
