// drctl status <runbook | --resource type:id ...>: where everything is now. Reads each resource through
// the actions' own readers (read-only AWS, or the simulator under --sim, whose world is generated from
// the same resources) and answers with one table, or one JSON document for tools.
import type { CommandContext } from './context';
import { openAwsContext, type AwsContext } from './aws-context';
import { DrctlError, ExitCode } from '../src/core/errors';
import { parseDuration } from '../src/core/duration';
import { loadRunbookFile } from '../src/runbook/load';
import type { Resource } from '../src/core/resources';
import { gatherStatus, type StatusRequest } from '../src/status/gather';
import type { StatusReport } from '../src/status/model';
import { resourcesFromFlags } from '../src/status/targets';
import { statusView } from '../src/ui/status-view';
import type { OptionsOf } from './cli/options';
import { awsOptionsOf, runbookPath } from './run-options';
import { listenForInterrupts } from './interrupts';

export type StatusCommandOptions = OptionsOf<'status'>;

async function requestFor(file: string | undefined, options: StatusCommandOptions, { io, actions }: CommandContext): Promise<StatusRequest> {
  const flagged = resourcesFromFlags(options.resources);
  if (!file && Object.keys(flagged).length === 0) {
    throw new DrctlError('status.nothing-to-show', 'drctl status needs a runbook or at least one --resource', 'Pass a runbook (drctl status runbooks/shop-region-failover.yaml) or --resource aurora:shop-orders (repeatable).', {
      exitCode: ExitCode.invalidInput,
    });
  }
  const document = file ? (await loadRunbookFile(runbookPath(io, file), actions)).document : undefined;
  const resources: Record<string, Resource> = { ...(document?.spec.resources ?? {}), ...flagged };
  const rpo = document?.spec.objectives?.rpo;
  const rpoMs = rpo === undefined ? undefined : parseDuration(rpo);
  const lagObjective = options.lagObjective !== undefined ? { ms: options.lagObjective, source: '--max-lag' as const } : rpoMs !== undefined ? { ms: rpoMs, source: 'rpo' as const } : undefined;
  return { resources, ...(lagObjective ? { lagObjective } : {}), ...(document ? { runbook: document.metadata.name } : {}) };
}

/** Where to ask about a resource with no `regions` hint. The simulator's generated world has its writers in us-east-1. */
export function readRegion(context: AwsContext): string | undefined {
  return context.defaultRegion ?? (context.simulated ? 'us-east-1' : undefined);
}

/** When not one resource could be read, the answer is no answer: exit 1, with the first reason. */
function nothingRead(report: StatusReport): DrctlError | undefined {
  const failed = report.resources.filter((resource) => resource.error);
  const first = failed[0]?.error;
  if (!first || failed.length < report.resources.length) return undefined;
  const count = failed.length === 1 ? 'the one resource' : `any of the ${failed.length} resources`;
  return new DrctlError('status.nothing-read', `drctl status could not read ${count}: ${first.message} [${first.code}]`, first.hint ?? 'Check the credentials, the region and the network, then run again.', { exitCode: ExitCode.runFailed });
}

export async function statusCommand(file: string | undefined, options: StatusCommandOptions, command: CommandContext): Promise<number> {
  const { io, output } = command;
  const request = await requestFor(file, options, command);
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: true, resources: request.resources });
  const interrupts = listenForInterrupts();
  try {
    const report = await gatherStatus({ ports: context.ports, clock: context.clock, defaultRegion: readRegion(context), signal: interrupts.stop }, request);
    output.answer(statusView, report);
    const none = nothingRead(report);
    return none ? output.error(none) : ExitCode.ok;
  } finally {
    interrupts.dispose();
    await context.close();
  }
}
