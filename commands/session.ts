// One session of a run (a start, a resume or a rollback): check the operator can be asked, take the
// runbook's lock, journal + reporter as one sink, Ctrl-C handling, the engine, and the summary.
// runSession works on an AWS context the caller opened, so that `drctl drill` can run a failover and its
// failback against one simulator (the failback must see the world the failover left);
// openAwsAndRunSession opens one for the session alone (run, resume, rollback).
import { type AwsContext, openAwsContext } from './aws-context';
import { humanPaced } from './human-pace';
import { mutatingSteps } from '../src/engine/confirm';
import { refuseUnstable } from '../src/engine/dependency-table';
import { changedNothing } from '../src/engine/state';
import { statusCommandFor } from '../src/engine/status-command';
import { objectivesOf, resumeRun, runRunbook } from '../src/engine/run';
import type { OperatorPort } from '../src/core/operator';
import { summarizeRun } from '../src/engine/summary';
import type { RunOptions, RunResult } from '../src/engine/run-contract';
import type { RunEvent, SessionKind } from '../src/core/events';
import type { RunbookDocument } from '../src/runbook/schema';
import { replay } from '../src/engine/state';
import type { LeftByRun } from '../src/sim/world-resume';
import { type SessionCommandOptions, engineSettings, journalDirOf, awsOptionsOf } from './run-options';
import { acquireRunLock } from '../src/journal/lock';
import { readJournal } from '../src/journal/reader';
import { checkJournalDir } from '../src/journal/room';
import { checkLastRunFinished, takeOverNotice } from './unfinished-run';
import type { OptionsOf } from './cli/options';
import { writeSnapshot } from '../src/journal/snapshot';
import { reportFacts } from '../src/report/facts';
import { ExitCode } from '../src/core/errors';
import { teeSink } from '../src/journal/tee';
import { FileJournal } from '../src/journal/writer';
import type { RunReporter } from '../src/ui/run-reporter';
import type { CommandContext } from './context';
import { chooseOperator, needsTty, needsYes } from '../src/ui/prompt';
import { listenForInterrupts } from './interrupts';
import { ApiCallFeed } from '../src/engine/api-call-feed';

export interface SessionRequest extends CommandContext {
  options: SessionCommandOptions;
  runId: string;
  /** The runbook file as the user named it, for the journal and messages. */
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
  session: SessionKind;
  prior: RunEvent[];
  /** What the live view's header calls this session (default: run). */
  command?: 'run' | 'drill' | 'failover';
}

/** The AWS a session runs against, opened (and closed) by the caller. API calls reach the engine through `calls`. */
export interface OpenedAws {
  context: AwsContext;
  calls: ApiCallFeed;
}

export async function runSession(request: SessionRequest, aws: OpenedAws): Promise<RunResult> {
  const { io, output, options, document, runId } = request;
  checkOperator(request);
  checkStaticStability(request);
  const settings = engineSettings(options, aws.context.clock.now());
  const journalDir = journalDirOf(io, options);
  // Before the reporter draws anything or the lock is taken: a run that cannot be journaled never starts.
  await checkJournalDir(journalDir);
  const cleanups: Array<() => unknown> = [];
  try {
    const text = (name: string) => (typeof request.inputs[name] === 'string' ? (request.inputs[name] as string) : undefined);
    const chosen = await output.runReporter({
      runbook: document.metadata.name, command: request.command, dryRun: false, from: text('from'), to: text('to'), rtoMs: objectivesOf(document).rtoMs, clock: aws.context.clock, history: request.prior, simulated: aws.context.simulated,
    });
    cleanups.push(chosen.close);
    const { reporter } = chosen;
    const lock = await acquireRunLock(journalDir, document.metadata.name, runId, {
      onLost: (by) => reporter.notice('journal.lock-taken-over', `warning: the lock of this runbook was taken over by run ${by?.runId ?? '?'}; another drctl may be acting on it`),
    });
    cleanups.push(() => lock.release());
    if (lock.takenOverFrom) reporter.notice('journal.lock-stale', takeOverNotice(lock.takenOverFrom, runId));
    const interrupts = listenForInterrupts();
    cleanups.push(interrupts.dispose);
    const operator = chosen.operator ?? chooseOperator(io, false, { interactive: output.interactive, whyNot: output.whyNotInteractive, style: output.errorStyle });
    if (request.session === 'start') {
      // Asked before --yes applies: --yes answers this run's approvals, not the fate of another run.
      const ignore = (options as Partial<OptionsOf<'run'>>).ignoreUnfinished === true;
      await checkLastRunFinished({ interactive: output.interactive, journalDir, runbook: document.metadata.name, runId, ignore, operator, signal: interrupts.stop });
    }
    // The runbook first, whole or not at all: a journal without its runbook.json can only be damage.
    if (request.session === 'start') await writeSnapshot(journalDir, runId, { file: request.file, document, inputs: request.inputs });
    const journal = FileJournal.open(journalDir, runId, { holdClock: aws.context.holdClock });
    cleanups.push(() => journal.close());

    const runOptions: RunOptions = { runId, file: request.file, document, inputs: request.inputs, ...settings, confirmRun: options.yes !== true, simulated: aws.context.simulated };
    const deps = {
      clock: aws.context.clock,
      ports: aws.context.ports,
      http: aws.context.http,
      sink: teeSink(journal, reporter),
      actions: request.actions,
      // Only a person's answer takes (real) time: --yes answers outside the human pace.
      operator: withYes(humanPaced(operator, aws.context.atHumanPace), options.yes === true),
      apiCalls: aws.calls,
      stopSignal: interrupts.stop,
      forceSignal: interrupts.force,
      defaultRegion: aws.context.defaultRegion,
      random: aws.context.random,
    };
    const ran = request.session === 'start' ? await runRunbook(runOptions, deps) : await resumeRun({ ...runOptions, prior: request.prior, session: request.session }, deps);
    // A rollback with nothing to undo did what was asked: the run's objectives are not its business.
    const result = request.session === 'rollback' && ran.nothingToDo ? ran : await judgeObjectives(ran, journalDir, reporter);
    report(reporter, result, request);
    return result;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/**
 * A run that recovered but missed an objective exits 4. Judged from the journal by the same facts the
 * reports use (all sessions of the run; an objective that could not be measured is not met).
 */
async function judgeObjectives(result: RunResult, journalDir: string, reporter: RunReporter): Promise<RunResult> {
  if (result.outcome !== 'succeeded' || result.state.mode !== 'run') return result;
  const facts = reportFacts((await readJournal(journalDir, result.runId)).events);
  if (facts.objectivesMet) return result;
  for (const shortfall of facts.shortfalls) reporter.notice('report.objective-missed', `objective missed: ${shortfall}`);
  return { ...result, exitCode: ExitCode.objectivesMissed };
}

/** Never prompt without a terminal: fail before anything starts, and name the flag. */
export function checkOperator({ output, actions, options, document, session }: Pick<SessionRequest, 'output' | 'actions' | 'options' | 'document' | 'session'>): void {
  const rollback = document.spec.rollback ?? [];
  const steps = session === 'rollback' ? rollback : [...document.spec.steps, ...rollback];
  const { interactive, whyNotInteractive: why } = output;
  if (options.step && !interactive) throw needsTty(why);
  if (options.yes || interactive) return;
  if (mutatingSteps(steps, actions).length > 0) throw needsYes(`runbook "${document.metadata.name}" changes AWS and needs a confirmation`, why);
  if (steps.some((step) => step.uses === 'approval')) throw needsYes(`runbook "${document.metadata.name}" asks for approval`, why);
}

/** A new unplanned failover that needs the region it leaves is refused before a lock or journal exists. */
function checkStaticStability({ document, inputs, actions, session }: SessionRequest): void {
  if (session === 'start') refuseUnstable({ document, inputs, actions });
}

function report(reporter: RunReporter, result: RunResult, request: SessionRequest): void {
  if (result.nothingToDo) reporter.notice('engine.nothing-to-do', `Nothing to do: ${result.nothingToDo}.`);
  reporter.summary(summarizeRun(result.state), nextStep(result, request));
}

function nextStep(result: RunResult, request: SessionRequest): string | undefined {
  const { runId } = request;
  // Rollback undoes what happened: it is offered only when the run changed something.
  const hasRollback = (request.document.spec.rollback ?? []).length > 0 && !changedNothing(result.state);
  if (result.error?.code.startsWith('journal.')) {
    return `make room for the journal (or fix it), then \`drctl resume ${runId}\`: it reads every resource again, finishes what is left and writes the run's ending`;
  }
  if (result.outcome === 'unknown') {
    return `read the state with \`${statusCommandFor(request.file, request.document)}\`, then \`drctl resume ${runId}\`: it reads every resource again and joins or finishes what is under way (nothing was rolled back)`;
  }
  if (result.outcome === 'aborted') return `continue with \`drctl resume ${runId}\` (finished steps are not repeated)${hasRollback ? `, or undo with \`drctl rollback ${runId}\`` : ''}`;
  if (result.outcome !== 'failed') return undefined;
  if (result.state.rollback?.state === 'failed') return `fix the cause, then \`drctl rollback ${runId}\` runs the unfinished rollback steps again`;
  if (!result.state.rollback) return `fix the cause, then \`drctl resume ${runId}\` retries the failed steps${hasRollback ? `, or \`drctl rollback ${runId}\` undoes` : ''}`;
  return undefined;
}

/** --yes answers approvals; --step questions still go to the operator. */
function withYes(operator: OperatorPort, yes: boolean): OperatorPort {
  return yes ? { approve: async () => ({ approved: true, by: '--yes' }), confirmStep: (question, signal) => operator.confirmStep(question, signal) } : operator;
}

/**
 * What run, resume and rollback share: refuse early when the operator cannot be asked, open AWS (the
 * simulator under --sim) for this one session, run it, close AWS.
 */
export async function openAwsAndRunSession(request: SessionRequest): Promise<number> {
  // Before starting a simulator or reading credentials: a run that cannot be confirmed, or an unplanned
  // failover that needs what it leaves, stops here.
  checkOperator(request);
  checkStaticStability(request);
  const calls = new ApiCallFeed();
  const resources = request.document.spec.resources ?? {};
  // A resumed simulated run continues its own simulated time: its timeline never runs backwards.
  const simStart = request.prior.reduce((latest, event) => Math.max(latest, event.at), 0) || undefined;
  const simLeft = request.prior.length > 0 ? leftByRun(request.prior) : undefined;
  const context = await openAwsContext({ ...awsOptionsOf(request.io, request.options), readOnly: false, resources, onCall: (call) => calls.push(call), simStart, simLeft });
  try {
    return (await runSession(request, { context, calls })).exitCode;
  } finally {
    await context.close();
  }
}

/** What the journal's finished steps left behind, for a new simulated world to start from. */
function leftByRun(prior: readonly RunEvent[]): LeftByRun {
  const facts = reportFacts(prior);
  const movedTo = Object.fromEntries(facts.resources.flatMap((fact) => (fact.kind === 'data-store' && fact.state === 'succeeded' && fact.to ? [[fact.resource, fact.to]] : [])));
  const state = replay(prior);
  const inverted = Object.fromEntries(
    Object.values(state.steps).flatMap((step) => (step.uses === 'route53.invert-health-check' && step.state === 'succeeded' && step.resource && typeof step.outputs.inverted === 'boolean' ? [[step.resource, step.outputs.inverted]] : [])),
  );
  return { movedTo, inverted };
}
