// An unfinished run is never silently abandoned. A new run of a runbook whose last run did not finish
// (cut off by a crash, stopped with Ctrl-C, or with a step whose outcome is unknown; not rolled back)
// asks on a terminal, and needs --ignore-unfinished without one: the operator should usually resume
// that run instead, which finishes it without repeating a change.
import { DrctlError, ExitCode } from '../src/core/errors';
import type { OperatorPort } from '../src/core/operator';
import { listRuns, type RunListing } from '../src/journal/reader';
import type { LockHolder } from '../src/journal/lock';

const UNFINISHED = { crashed: 'it was cut off (a crash, or kill -9)', aborted: 'it was stopped before the end', unknown: 'the outcome of a step is unknown' } as const;

function whyUnfinished(run: RunListing): string | undefined {
  if (run.outcome === undefined) return UNFINISHED.crashed;
  if (run.outcome === 'aborted') return UNFINISHED.aborted;
  return run.outcome === 'unknown' ? UNFINISHED.unknown : undefined;
}

function unfinishedRun(run: RunListing, why: string, hint: string): DrctlError {
  return new DrctlError('engine.unfinished-run', `the last run of runbook "${run.runbook}", ${run.runId}, did not finish: ${why}`, hint, { exitCode: ExitCode.invalidInput });
}

export interface UnfinishedCheck {
  /** A person at a terminal (the output host says): asked, rather than refused. */
  interactive: boolean;
  journalDir: string;
  runbook: string;
  runId: string;
  ignore: boolean;
  operator: OperatorPort;
  signal: AbortSignal;
}

export async function checkLastRunFinished(check: UnfinishedCheck): Promise<void> {
  if (check.ignore) return;
  const last = (await listRuns(check.journalDir, check.runbook)).find((run) => run.runId !== check.runId);
  const why = last && whyUnfinished(last);
  if (!last || !why) return;
  const hint = `Continue it with \`drctl resume ${last.runId}\` (finished steps are not repeated), or pass --ignore-unfinished to start a new run from the state AWS is in now.`;
  if (!check.interactive) throw unfinishedRun(last, why, hint);
  const message = `The last run of "${check.runbook}", ${last.runId}, did not finish: ${why}. \`drctl resume ${last.runId}\` would continue it. Start a new run anyway?`;
  const answer = await check.operator.approve({ stepId: '(unfinished run)', message, confirmText: 'new' }, check.signal);
  if (!answer.approved) throw unfinishedRun(last, why, hint);
}

/** What to say when this session took the lock over from a process that is gone. */
export function takeOverNotice(from: LockHolder, runId: string): string {
  const who = `run ${from.runId} (pid ${from.pid} on ${from.hostname}, gone)`;
  if (from.runId === runId) return `note: took over the lock left by an earlier session of this run, ${who}`;
  return `warning: took over the lock of ${who}: that run did not finish; \`drctl resume ${from.runId}\` continues it`;
}
