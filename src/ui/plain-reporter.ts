// Plain lines, one per thing that happened, for CI logs and terminals until the live view exists.
// Each line starts with the time since the run started, then the step, so a log reads top to bottom.
import type { NoticeCode } from '../core/codes';
import type { CliIO } from '../core/io';
import type { RunEvent } from '../core/events';
import type { RunSummary } from '../engine/summary';
import { formatDuration } from '../core/duration';
import type { RunReporter } from './run-reporter';
import { explainPointer, formatProblem } from '../core/problem-text';
import { styleFor, type Style } from '../core/style';
import { approvalVerdict } from './approval-words';

export class PlainReporter implements RunReporter {
  private readonly style: Style;
  private startedAt: number | undefined;
  private width = 8;
  /** The latest time printed so far. */
  private printedAt: number | undefined;
  /** Steps whose change AWS accepted: stopped now, that change still goes on. */
  private readonly applied = new Set<string>();

  constructor(private readonly io: CliIO) {
    this.style = styleFor(io.stdout, io.env);
  }

  emit(event: RunEvent): void {
    if (event.type === 'step.applied') this.applied.add(event.stepId);
    if (event.type === 'run.started') {
      this.startedAt ??= event.at;
      this.width = Math.max(8, ...event.steps.map((step) => step.id.length));
    }
    const text = this.describe(event);
    if (text !== undefined) this.write(`${this.style.dim(this.clock(event.at))} ${text}`);
  }

  notice(_code: NoticeCode, message: string): void {
    this.io.stderr.write(`${message}\n`);
  }

  summary(summary: RunSummary, next?: string): void {
    this.write(summaryText(summary, this.style, next));
  }

  private describe(event: RunEvent): string | undefined {
    const { style } = this;
    const step = (id: string) => style.bold(id.padEnd(this.width));
    switch (event.type) {
      case 'run.started':
        return `${event.session === 'start' || !event.session ? 'run' : event.session} ${style.bold(event.runbook)} (run ${event.runId}, ${event.steps.length} steps${event.simulated ? ', SIMULATED: simulated time on the drctl simulator' : ''})`;
      case 'preflight.passed':
        return `${style.green('ok')}   preflight ${event.name}: ${event.message}`;
      case 'preflight.failed':
        return `${style.red('FAIL')} preflight ${event.name}: ${event.message}${event.error?.hint ? `\n       ${style.cyan('hint:')} ${event.error.hint}` : ''}`;
      case 'step.started':
        return `${step(event.stepId)} started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
      case 'step.planned':
        return `${step(event.stepId)} ${event.status === 'ready' ? 'plan' : event.status === 'done' ? 'already done' : 'already under way'}: ${event.summary}`;
      case 'step.intent':
        return event.calls.map((call) => `${step(event.stepId)} call ${call.service} ${call.operation} in ${call.region} (intent journaled)`).join('\n') || undefined;
      case 'step.polling':
        return `${step(event.stepId)} waiting for completion (checking every ${formatDuration(event.intervalMs)}, backing off)`;
      case 'step.observation':
        return `${step(event.stepId)} ${style.dim(event.message)}`;
      case 'step.retrying':
        return `${step(event.stepId)} ${style.yellow('retrying')} in ${formatDuration(event.delayMs)} (attempt ${event.attempt}): ${event.error.message}`;
      case 'step.succeeded':
        return `${step(event.stepId)} ${style.green('succeeded')}${event.alreadyDone ? ' (already done, no call made)' : event.joined ? ' (joined the operation under way)' : ''}`;
      case 'step.failed':
        return `${step(event.stepId)} ${style.red('FAILED')}${event.continued ? ' (continue-on-error)' : ''}\n${formatProblem(event.error, style, ' '.repeat(this.width + 9))}`;
      case 'step.unknown':
        return `${step(event.stepId)} ${style.bold(style.yellow('OUTCOME UNKNOWN'))}: ${event.reason}`;
      case 'step.skipped':
        return `${step(event.stepId)} skipped: ${event.reason}`;
      case 'step.cancelled':
        return `${step(event.stepId)} ${style.yellow('cancelled')}: ${event.reason}${this.applied.has(event.stepId) ? style.yellow('; its change was accepted and is still under way in AWS') : ''}`;
      case 'step.unplanned':
        return `${step(event.stepId)} known after apply: ${event.reason}`;
      case 'approval.requested':
        return event.gate === 'step' ? undefined : `${step(event.stepId)} ${style.yellow('waiting for approval')}: ${event.message}`;
      case 'approval.answered':
        if (event.gate === 'step') return `${step(event.stepId)} --step: ${event.decision ?? (event.approved ? 'run' : 'skip')}`;
        return `${step(event.stepId)} ${(event.approved ? style.green : style.red)(approvalVerdict(event))}`;
      case 'metric.read':
        return `${step(event.stepId ?? '-')} ${event.reading.metricName} in ${event.reading.region}: ${event.reading.missing ? 'no data' : formatDuration(event.reading.valueMs ?? 0)}`;
      case 'rollback.started':
        return `${style.yellow('rollback')} started: ${event.reason}`;
      case 'rollback.finished':
        return `${style.yellow('rollback')} ${event.outcome === 'succeeded' ? style.green('succeeded') : event.outcome === 'unknown' ? style.yellow('outcome unknown') : style.red('FAILED')}`;
      case 'run.interrupted':
        return event.forced ? style.red('stopping now: calls in flight are abandoned') : style.yellow('stopping: no new calls; calls in flight finish (Ctrl-C again to stop at once)');
      case 'run.finished':
        return `run ${outcomeWord(event.outcome, style)} after ${formatDuration(event.durationMs)}`;
      default:
        // api.call, step.applied, preflight.started, plan.finished: in the journal and the JSON output.
        return undefined;
    }
  }

  /**
   * A log's times never go back. An intent reaches the reporter only once its fsync is done, after
   * events other steps emitted meanwhile; its line shows when it was printed, that is, journaled.
   * (The journal and JSON keep every event's own time.)
   */
  private clock(at: number): string {
    this.printedAt = Math.max(this.printedAt ?? at, at);
    const seconds = Math.max(0, Math.round((this.printedAt - (this.startedAt ?? at)) / 1000));
    const minutes = Math.floor(seconds / 60);
    return `[${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
  }

  private write(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }
}

/** The end-of-run table: every step with its state and duration, then elapsed time against the RTO. */
export function summaryText(summary: RunSummary, style: Style, next?: string): string {
  const width = Math.max(4, ...summary.steps.map((step) => step.id.length));
  const stateWidth = Math.max(5, ...summary.steps.map((step) => step.state.length));
  const colour = (state: string) => {
    const padded = state.padEnd(stateWidth);
    if (state === 'succeeded' || state === 'rolled-back') return style.green(padded);
    if (state === 'failed') return style.red(padded);
    if (state === 'unknown') return style.bold(style.yellow(padded));
    return state === 'skipped' || state === 'pending' ? style.dim(padded) : style.yellow(padded);
  };
  const lines = [``, style.bold(`Summary of ${summary.runbook} (run ${summary.runId})`)];
  for (const step of summary.steps) {
    const duration = step.durationMs === undefined ? '' : formatDuration(step.durationMs);
    const note = [step.phase === 'rollback' ? 'rollback' : '', step.attempts > 1 ? `${step.attempts} attempts` : '', step.note ?? '', step.error ? `${step.error.message} [${step.error.code}]` : '']
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${step.id.padEnd(width)}  ${colour(step.state)}  ${duration.padStart(7)}  ${style.dim(note)}`.trimEnd());
  }
  const underWay = summary.steps.filter((step) => step.underWayInAws);
  if (underWay.length > 0) {
    const which = underWay.map((step) => `${step.id} (${step.underWayInAws?.join(', ') || 'its change'})`).join(', ');
    lines.push(style.yellow(`  still under way in AWS, though drctl stopped watching: ${which}. \`drctl status\` shows them; \`drctl resume\` waits for them and sends nothing twice.`));
  }
  lines.push(`  ${rtoLine(summary, style)}`);
  lines.push(`  AWS calls: ${summary.apiCalls} (${summary.mutatingCalls} changing)`);
  if (summary.error && summary.outcome !== 'succeeded') lines.push(formatProblem(summary.error, style, '  '), explainPointer([summary.error.code], style, '    '));
  if (next) lines.push(`  ${style.cyan('next:')} ${next}`);
  return lines.join('\n');
}

function rtoLine(summary: RunSummary, style: Style): string {
  const outcome = summary.outcome === 'unknown' ? 'outcome unknown' : (summary.outcome ?? 'unfinished');
  const elapsed = summary.elapsedMs === undefined ? 'elapsed -' : `elapsed ${formatDuration(summary.elapsedMs)}`;
  if (summary.notStarted) return `${outcome}, ${elapsed}: ${style.yellow('not started')} (nothing was changed, so there is no RTO to judge)`;
  if (summary.rtoMs === undefined) return `${outcome}, ${elapsed} (no RTO objective set)`;
  return `${outcome}, ${elapsed} of RTO ${formatDuration(summary.rtoMs)}: ${rtoVerdict(summary, style)}`;
}

/** Nothing recovered is not an RTO missed when nothing was attempted, and an unknown end is not a verdict. */
function rtoVerdict(summary: RunSummary, style: Style): string {
  if (summary.withinRto) return style.green('within the RTO');
  if (summary.outcome === 'succeeded') return style.red('over the RTO');
  if (summary.outcome === 'unknown') return style.yellow('not measured (outcome unknown)');
  if (summary.error?.code.startsWith('journal.')) return style.yellow('not measured (the journal is incomplete)');
  return style.red('RTO not met');
}

function outcomeWord(outcome: RunSummary['outcome'], style: Style): string {
  if (outcome === 'succeeded') return style.green('succeeded');
  if (outcome === 'aborted') return style.yellow('aborted');
  if (outcome === 'unknown') return style.bold(style.yellow('OUTCOME UNKNOWN'));
  return style.red('FAILED');
}
