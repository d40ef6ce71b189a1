// drctl failover aurora|docdb|elasticache <id> --to <region> [--mode planned|unplanned|detach]: one
// resource, no runbook file. The runbook is built in memory (src/runbook/inline.ts) and run by the same
// session as `drctl run` (runSession, as `drctl drill` uses it): preflight, confirmation, lock (named
// per resource), journal, view and summary. One read comes first: a wrong id or --to is refused (exit 2,
// listing what exists) before a run is journaled.
// `drctl resume <run-id>` continues it like any run: the journal keeps the runbook it started with.
import type { CommandContext } from './context';
import type { CliIO } from '../src/core/io';
import { openAwsContext, type AwsContext } from './aws-context';
import { ApiCallFeed } from '../src/engine/api-call-feed';
import { DrctlError, ExitCode } from '../src/core/errors';
import { newRunId } from '../src/journal/layout';
import { FAILOVER_KINDS, FAILOVER_MODES, failoverCommandLine, failoverRunbook, type FailoverKind, type FailoverMode, type InlineFailover } from '../src/runbook/inline';
import type { RunbookDocument } from '../src/runbook/schema';
import { didYouMean } from '../src/runbook/suggest';
import { checkFailoverTarget } from '../src/status/failover-target';
import { awsOptionsOf, type SessionCommandOptions } from './run-options';
import { checkOperator, runSession, type SessionRequest } from './session';
import { readRegion } from './status';
import { planDocument } from './plan';

export interface FailoverCommandOptions extends SessionCommandOptions {
  to: string;
  mode?: string;
  maxLag?: string;
  dryRun?: boolean;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = didYouMean(value, allowed);
  throw new DrctlError('failover.bad-argument', `${flag} "${value}" is not one of ${allowed.join(', ')}`, `${suggestion ? `${suggestion} ` : ''}Pass one of ${allowed.join(', ')}.`, {
    exitCode: ExitCode.invalidInput,
  });
}

export function failoverRequest(kind: string, id: string, options: FailoverCommandOptions): InlineFailover {
  return {
    kind: oneOf<FailoverKind>('type', kind, FAILOVER_KINDS),
    id,
    to: options.to,
    mode: oneOf<FailoverMode>('--mode', options.mode ?? 'planned', FAILOVER_MODES),
    ...(options.maxLag ? { maxLag: options.maxLag } : {}),
  };
}

export async function failoverCommand(kind: string, id: string, options: FailoverCommandOptions, { io, actions }: CommandContext): Promise<number> {
  const request = failoverRequest(kind, id, options);
  const document = await failoverRunbook(request, actions);
  const file = failoverCommandLine(request);
  if (options.dryRun) {
    const inputsFor = (context: AwsContext) => checkTarget(context, document, request, options, io);
    return planDocument({ io, actions }, options, { file, document, inputsFor, runCommand: file });
  }
  const session: SessionRequest = { io, actions, options, runId: newRunId(Date.now(), document.metadata.name), file, document, inputs: {}, session: 'start', prior: [], command: 'failover' };
  // What runSession does, with one read in between: a wrong id or region is refused before a run exists.
  checkOperator(session);
  const calls = new ApiCallFeed();
  const resources = document.spec.resources ?? {};
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: false, resources, onCall: (call) => calls.push(call) });
  try {
    const inputs = await checkTarget(context, document, request, options, io);
    return (await runSession({ ...session, inputs }, { context, calls })).exitCode;
  } finally {
    await context.close();
  }
}

/**
 * Refuses a wrong id or --to; returns what a runbook's inputs would say (from, to, mode), which the live
 * view's header, the journal and the report read.
 */
async function checkTarget(context: AwsContext, document: RunbookDocument, request: InlineFailover, options: FailoverCommandOptions, io: CliIO) {
  const resources = document.spec.resources ?? {};
  const [name = ''] = Object.keys(resources);
  const from = await checkFailoverTarget({ ports: context.ports, clock: context.clock, defaultRegion: readRegion(io, options, context) }, resources, name, request.to);
  return { ...(from ? { from } : {}), to: request.to, mode: request.mode };
}
