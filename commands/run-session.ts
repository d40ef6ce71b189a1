// What run, resume and rollback share: refuse early when the operator cannot be asked, open AWS (the
// simulator under --sim), and run one session on it (execute-session.ts: lock, journal + reporter,
// Ctrl-C, the engine, the summary). drctl drill calls executeSession directly on a context it keeps.
import type { CliIO } from '../src/cli/io';
import { openAwsContext } from '../src/cli/aws-context';
import { ApiCallFeed } from '../src/engine/api-call-feed';
import type { RunEvent, RunSession } from '../src/engine/events';
import type { RunbookDocument } from '../src/runbook/schema';
import { checkOperator, executeSession } from './execute-session';
import { awsOptionsOf, type SessionCommandOptions } from './run-options';

export interface SessionRequest {
  io: CliIO;
  options: SessionCommandOptions;
  runId: string;
  /** The runbook file as the user named it, for the journal and messages. */
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
  session: RunSession;
  prior: RunEvent[];
}

export async function runSession(request: SessionRequest): Promise<number> {
  // Before starting a simulator or reading credentials: a run that cannot be confirmed stops here.
  checkOperator(request);
  const calls = new ApiCallFeed();
  const resources = request.document.spec.resources ?? {};
  const context = await openAwsContext({ ...awsOptionsOf(request.io, request.options), readOnly: false, resources, onCall: (call) => calls.push(call) });
  try {
    return (await executeSession(request, { context, calls })).exitCode;
  } finally {
    await context.close();
  }
}

export interface Interrupts {
  stop: AbortSignal;
  force: AbortSignal;
  dispose(): void;
}

/** First Ctrl-C: stop cleanly. Second: stop at once. The handler is removed when the command ends. */
export function listenForInterrupts(): Interrupts {
  const stop = new AbortController();
  const force = new AbortController();
  const onInterrupt = () => (stop.signal.aborted ? force.abort() : stop.abort());
  process.on('SIGINT', onInterrupt);
  return { stop: stop.signal, force: force.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}
