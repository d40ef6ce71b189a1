// drctl plan <runbook> (and run --dry-run): preflight and every step's plan against read-only AWS, then
// the calls it would make in dependency order. Nothing is locked or journaled: nothing can change.
import type { CliIO } from '../src/cli/io';
import { openAwsContext } from '../src/cli/aws-context';
import { planRunbook } from '../src/engine/dry-run';
import type { EventSink } from '../src/engine/events';
import { ExitCode } from '../src/errors';
import { newRunId } from '../src/journal/layout';
import { parseInputFlags, resolveInputs } from '../src/runbook/inputs';
import { loadRunbookFile } from '../src/runbook/load';
import { JsonReporter } from '../src/ui/json-reporter';
import { planText } from '../src/ui/plan-view';
import { print, stdoutStyle } from '../src/ui/print';
import { awsOptionsOf, defaultRegionOf, runbookPath, type PlanCommandOptions } from './run-options';
import { listenForInterrupts } from './interrupts';

export type { PlanCommandOptions } from './run-options';

export async function planCommand(file: string, options: PlanCommandOptions, io: CliIO): Promise<number> {
  const { document } = await loadRunbookFile(runbookPath(io, file));
  const inputs = resolveInputs(document, parseInputFlags(options.inputs ?? []));
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: true, resources: document.spec.resources ?? {} });
  const interrupts = listenForInterrupts();
  try {
    const json = options.output === 'json' ? new JsonReporter(io) : undefined;
    const sink: EventSink = json ?? { emit: () => undefined };
    const runId = newRunId(context.clock.now(), document.metadata.name);
    const deps = { clock: context.clock, ports: context.ports, sink, stopSignal: interrupts.stop, defaultRegion: defaultRegionOf(io, options) };
    const result = await planRunbook({ runId, file, document, inputs }, deps);
    if (json) print(io, JSON.stringify({ type: 'plan.result', ...result }));
    else print(io, planText(result, stdoutStyle(io)));
    return interrupts.stop.aborted ? ExitCode.aborted : result.exitCode;
  } finally {
    interrupts.dispose();
    await context.close();
  }
}
