// drctl status <runbook | --resource type:id ...>: where everything is now. Reads each resource through
// the actions' own readers (read-only AWS, or the simulator under --sim, whose world is generated from
// the same resources) and answers with one table, or one JSON document for tools.
import type { CommandContext } from './context';
import type { CliIO } from '../src/core/io';
import { openAwsContext, type AwsContext } from './aws-context';
import { DrctlError, ExitCode } from '../src/core/errors';
import { parseDuration } from '../src/core/duration';
import { loadRunbookFile } from '../src/runbook/load';
import type { Resource } from '../src/core/resources';
import { gatherStatus, type StatusRequest } from '../src/status/gather';
import { resourcesFromFlags } from '../src/status/targets';
import { statusView } from '../src/ui/status-view';
import type { OptionsOf } from './cli/options';
import { awsOptionsOf, defaultRegionOf, runbookPath, type AwsOptions } from './run-options';
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
export function readRegion(io: CliIO, options: AwsOptions, context: AwsContext): string | undefined {
  return defaultRegionOf(io, options) ?? (context.simulated ? 'us-east-1' : undefined);
}

export async function statusCommand(file: string | undefined, options: StatusCommandOptions, command: CommandContext): Promise<number> {
  const { io, output } = command;
  const request = await requestFor(file, options, command);
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: true, resources: request.resources });
  const interrupts = listenForInterrupts();
  try {
    const report = await gatherStatus({ ports: context.ports, clock: context.clock, defaultRegion: readRegion(io, options, context), signal: interrupts.stop }, request);
    output.answer(statusView, report);
    return ExitCode.ok;
  } finally {
    interrupts.dispose();
    await context.close();
  }
}
