// drctl drill <runbook> [--sim [world]] [--failback [runbook]] [--incident-start t] [--yes] ...
// A game day in one command: run the runbook, read back everything it changed, optionally fail back and
// read the failover's changes back again, write every report format, and record the drill for `drctl
// report --history`. Both runs go through the same session code as `drctl run`, on one AWS context (one
// simulator under --sim), so the failback meets the world the failover left. Exit 1 when an end state is
// wrong, 4 when an objective was missed.
import type { CommandContext } from './context';
import path from 'node:path';
import { openAwsContext, type AwsContext } from './aws-context';
import { ApiCallFeed } from '../src/engine/api-call-feed';
import type { RunResult } from '../src/engine/run-contract';
import { DrctlError, ExitCode, isDrctlError } from '../src/core/errors';
import { newRunId } from '../src/journal/layout';
import { readJournal } from '../src/journal/reader';
import { parseFormats, writeRunReports } from '../src/report/drill-output';
import { reportFacts } from '../src/report/facts';
import type { ReportFacts } from '../src/report/facts-types';
import { drillDir, runRecord, writeDrillRecord, type DrillRecord } from '../src/report/history';
import { parseIncidentStart } from '../src/report/incident-start';
import type { ReportFormat } from '../src/report/formats';
import { redact } from '../src/report/redact';
import type { Readings } from '../src/report/end-state';
import { readBackContext } from '../src/report/verify';
import type { RunEvent } from '../src/core/events';
import { DrillEndStates, type RunEndStates } from './drill-end-states';
import { formatDuration } from '../src/core/duration';
import { parseInputFlags, resolveInputs } from '../src/runbook/inputs';
import { loadRunbookFile } from '../src/runbook/load';
import { drillView } from '../src/ui/drill-view';
import type { OptionsOf } from './cli/options';
import { failbackInputs, loadFailback, movedRegions, type RunbookToRun } from './drill-failback';
import { listenForInterrupts } from './interrupts';
import { checkOperator, runSession } from './session';
import { awsOptionsOf, journalDirOf, runbookPath } from './run-options';

// --failback-after defaults to 2m: a new secondary publishes replication lag only once CloudWatch closes
// its first minute, so a failback's lag preflight before then finds no data. Teams wait before going
// home in a real game day too.
export type DrillCommandOptions = OptionsOf<'drill'>;

interface DrillRun {
  role: 'failover' | 'failback';
  result: RunResult;
  facts: ReportFacts;
  events: readonly RunEvent[];
  /** What the run left, read back (when the drill verifies and the run succeeded). */
  endStates?: RunEndStates;
}

class Drill {
  private feed: ApiCallFeed | undefined;
  readonly runs: DrillRun[] = [];

  constructor(
    readonly command: CommandContext,
    readonly options: DrillCommandOptions,
    readonly journalDir: string,
  ) {}

  /** Calls between the runs (the end-state reads) belong to no run's journal. */
  onCall = (call: Parameters<ApiCallFeed['push']>[0]) => this.feed?.push(call);

  async run(role: DrillRun['role'], runbook: RunbookToRun, context: AwsContext, incidentStart: string | undefined, endStates: DrillEndStates | undefined): Promise<DrillRun> {
    const runId = newRunId(Date.now(), runbook.document.metadata.name);
    this.feed = new ApiCallFeed();
    const request = { ...this.command, options: { ...this.options, incidentStart }, runId, ...runbook, session: 'start' as const, prior: [], command: 'drill' as const };
    const result = await runSession(request, { context, calls: this.feed }).finally(() => (this.feed = undefined));
    const { events, tornTail } = await readJournal(this.journalDir, runId);
    const drillRun: DrillRun = { role, result, facts: reportFacts(events, { tornTail }), events };
    if (endStates && result.outcome === 'succeeded') {
      drillRun.endStates = await endStates.afterRun(runbook, events);
      drillRun.facts.verification = redact(drillRun.endStates.verification);
    }
    this.runs.push(drillRun);
    return drillRun;
  }
}

/** After the failback: the failover's changes back as they were, added to the failback's own checks. */
async function verifyReturn(endStates: DrillEndStates, failover: DrillRun, failback: DrillRun, baseline: Readings): Promise<void> {
  if (!failover.endStates || !failback.endStates) return;
  const returned = await endStates.returned(failover.endStates, failback.endStates, baseline);
  failback.facts.verification = [...(failback.facts.verification ?? []), ...redact(returned)];
}

function resultOf(runs: readonly DrillRun[], failbackError: DrctlError | undefined, interrupted: boolean): { result: DrillRecord['result']; exitCode: number } {
  const unfinished = runs.find((run) => run.result.outcome !== 'succeeded');
  if (unfinished) return { result: unfinished.result.outcome === 'aborted' ? 'aborted' : 'failed', exitCode: unfinished.result.exitCode };
  if (interrupted) return { result: 'aborted', exitCode: ExitCode.aborted };
  if (runs.some((run) => run.facts.verification?.some((check) => !check.ok))) return { result: 'failed', exitCode: ExitCode.runFailed };
  if (failbackError) return { result: 'failed', exitCode: failbackError.exitCode };
  return runs.every((run) => run.facts.objectivesMet) ? { result: 'passed', exitCode: ExitCode.ok } : { result: 'objectives-missed', exitCode: ExitCode.objectivesMissed };
}

function formatsOf(options: DrillCommandOptions): ReportFormat[] {
  const formats = parseFormats(options.formats);
  if (!Array.isArray(formats)) {
    throw new DrctlError('cli.bad-option', `--formats: unknown format ${formats.unknown.join(', ')}`, 'Use a comma-separated list of text, md, json, junit, html (default: all).', { exitCode: ExitCode.invalidInput });
  }
  return formats;
}

export async function drillCommand(file: string, options: DrillCommandOptions, command: CommandContext): Promise<number> {
  const { io, actions, output } = command;
  const formats = formatsOf(options);
  const absolute = runbookPath(io, file);
  const { document } = await loadRunbookFile(absolute, actions);
  const failover = { file, absolute, document, inputs: resolveInputs(document, parseInputFlags(options.inputs)) };
  const back = options.failback ? await loadFailback(options.failback, failover, command) : undefined;
  // Everything that can be wrong with the options fails here, before anything moves.
  const settleMs = options.failbackAfter;
  if (back) failbackInputs(back, failover, undefined, options.failbackInputs);
  const journalDir = journalDirOf(io, options);
  const startedAt = Date.now();
  const drillId = newRunId(startedAt, document.metadata.name);
  const drill = new Drill(command, options, journalDir);
  const resources = { ...back?.document.spec.resources, ...document.spec.resources };
  const request = (runbook: RunbookToRun) => ({ output, actions, options, ...runbook, session: 'start' as const });
  // Before starting a simulator or reading credentials: a drill that cannot be confirmed stops here.
  checkOperator(request(failover));
  if (back) checkOperator(request({ ...back, inputs: {} }));
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: false, resources, onCall: drill.onCall });
  const endStates = options.verify === false ? undefined : new DrillEndStates(actions, readBackContext({ ...context, resources }));
  const notes: string[] = [];
  let failbackError: DrctlError | undefined;
  // Each run listens to Ctrl-C (and SIGTERM, SIGHUP) itself; between the runs the drill does.
  const interrupts = listenForInterrupts();
  try {
    // Relative times ("10m ago") count back on the run's clock: simulated time under --sim.
    const incidentStart = options.incidentStart === undefined ? undefined : new Date(parseIncidentStart(options.incidentStart, context.clock.now())).toISOString();
    // What the failover will change, as it is before: the failback must leave it so again.
    const baseline = await endStates?.baseline(failover);
    const first = await drill.run('failover', failover, context, incidentStart, endStates);
    // A missed objective still goes home; a failover that did not land (or landed wrong) is left for a person.
    const landed = first.result.outcome === 'succeeded' && !first.facts.verification?.some((check) => !check.ok);
    const backInputs = back && failbackInputs(back, failover, movedRegions(first.facts), options.failbackInputs);
    const incomplete = back?.how === 'swapped' && backInputs && endStates && baseline && first.endStates ? endStates.refuseIncompleteFailback({ ...back, inputs: backInputs }, first.endStates, baseline) : undefined;
    if (back && !landed) notes.push('failback skipped: the failover did not succeed or its end state is wrong; look before moving anything back');
    else if (incomplete) {
      failbackError = incomplete;
      notes.push(`failback not run: ${incomplete.message}`, incomplete.hint);
    } else if (back && backInputs) {
      const waiting = `Waiting ${formatDuration(settleMs)}${context.simulated ? ' (simulated)' : ''} for replication to settle before failing back`;
      if (settleMs > 0) output.progress('drill.failback-wait', waiting);
      await context.clock.sleep(settleMs, interrupts.stop).catch(() => undefined);
      // The failover's reports and record are written whatever happens to the failback.
      if (interrupts.stop.aborted) notes.push('failback skipped: the drill was interrupted before it; the failover stays in place');
      const second = interrupts.stop.aborted ? undefined : await drill.run('failback', { ...back, inputs: backInputs }, context, undefined, endStates).catch((error: unknown) => {
        if (!isDrctlError(error)) throw error;
        failbackError = error;
        notes.push(`failback did not start: ${error.message} (${error.hint})`);
      });
      if (second && endStates && baseline) await verifyReturn(endStates, first, second, baseline);
    }
  } finally {
    interrupts.dispose();
    await context.close();
  }

  // Absolute, so the path printed works from any directory (a CI step's artifact path, another shell).
  const dir = drillDir(journalDir, drillId);
  const dirs = options.outDir ? [dir, path.resolve(io.cwd, options.outDir)] : [dir];
  const runs = await Promise.all(drill.runs.map(async (run) => runRecord(run.role, run.facts, await writeRunReports(run.role, run.facts, formats, dirs))));
  const { result, exitCode } = resultOf(drill.runs, failbackError, interrupts.stop.aborted);
  const record: DrillRecord = { schema: 'drctl.drill/v1', drillId, runbook: document.metadata.name, file, simulated: context.simulated, startedAt, finishedAt: Date.now(), result, exitCode, runs };
  await writeDrillRecord(journalDir, record);

  const shortfalls = drill.runs.flatMap((run) => run.facts.shortfalls.map((line) => `${run.role}: ${line}`));
  const wrong = drill.runs.flatMap((run) => (run.facts.verification ?? []).filter((check) => !check.ok).map((check) => check.message));
  output.result(drillView, { record, details: { shortfalls, wrong, notes, reportsDir: options.outDir ? dirs[1] ?? dir : dir } });
  return exitCode;
}
