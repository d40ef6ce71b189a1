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
import { newRunId } from '../src/journal/layout';
import { FAILOVER_KINDS } from '../src/runbook/failover-kinds';
import { failoverCommandLine, failoverRunbook, type InlineFailover } from '../src/runbook/inline';
import type { RunbookDocument } from '../src/runbook/schema';
import { requireOneOf } from '../src/runbook/suggest';
import { checkFailoverTarget } from '../src/status/failover-target';
import type { OptionsOf } from './cli/options';
import { awsFlagsOf, awsOptionsOf } from './run-options';
import { checkOperator, runSession, type SessionRequest } from './session';
import { readRegion } from './status';
import { planDocument } from './plan';

export type FailoverCommandOptions = OptionsOf<'failover'>;

export function failoverRequest(kind: string, id: string, options: FailoverCommandOptions): InlineFailover {
  return {
    kind: requireOneOf(kind, FAILOVER_KINDS, 'type', 'failover.bad-argument'),
    id,
    to: options.to,
    mode: options.mode,
    ...(options.maxLag ? { maxLag: options.maxLag } : {}),
  };
}

export async function failoverCommand(kind: string, id: string, options: FailoverCommandOptions, command: CommandContext): Promise<number> {
  const { io, actions } = command;
  const request = failoverRequest(kind, id, options);
  const document = await failoverRunbook(request, actions);
  const file = failoverCommandLine(request);
  if (options.dryRun) {
    const inputsFor = (context: AwsContext) => checkTarget(context, document, request, options, io);
    return planDocument(command, options, { file, document, inputsFor, runCommand: [file, ...awsFlagsOf(options)].join(' ') });
  }
  const session: SessionRequest = { ...command, options, runId: newRunId(Date.now(), document.metadata.name), file, document, inputs: {}, session: 'start', prior: [], command: 'failover' };
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
  const from = await checkFailoverTarget({ ports: context.ports, clock: context.clock, defaultRegion: readRegion(context) }, resources, name, request.to);
  return { ...(from ? { from } : {}), to: request.to, mode: request.mode };
}
