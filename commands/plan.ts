// drctl plan <runbook> (and run --dry-run): preflight and every step's plan against read-only AWS, then
// the calls it would make in dependency order. Nothing is locked or journaled: nothing can change.
import type { CommandContext } from './context';
import { openAwsContext, type AwsContext } from './aws-context';
import { planRunbook } from '../src/engine/dry-run';
import { ExitCode } from '../src/core/errors';
import { newRunId } from '../src/journal/layout';
import { parseInputFlags, resolveInputs } from '../src/runbook/inputs';
import { loadRunbookFile } from '../src/runbook/load';
import type { RunbookDocument } from '../src/runbook/schema';
import { planView } from '../src/ui/plan-view';
import type { OptionsOf } from './cli/options';
import { awsFlagsOf, awsOptionsOf, runbookPath, type AwsOptions } from './run-options';
import { shellWord } from '../src/core/shell-word';
import { listenForInterrupts } from './interrupts';

export type PlanCommandOptions = OptionsOf<'plan'>;

export async function planCommand(file: string, options: PlanCommandOptions, command: CommandContext): Promise<number> {
  const { io, actions } = command;
  const { document } = await loadRunbookFile(runbookPath(io, file), actions);
  const inputs = resolveInputs(document, parseInputFlags(options.inputs));
  const runCommand = ['drctl run', shellWord(file), ...options.inputs.map((input) => `--input ${shellWord(input)}`), ...awsFlagsOf(options)].join(' ');
  return planDocument(command, options, { file, document, inputsFor: async () => inputs, runCommand });
}

export interface PlanRequest {
  /** The runbook file as the user named it (or the command line of an in-memory runbook). */
  file: string;
  document: RunbookDocument;
  /** The run's inputs, given the AWS it plans against (drctl failover checks its target there first). */
  inputsFor(context: AwsContext): Promise<Record<string, unknown>>;
  /** What to type to do it for real, said when the plan is OK. */
  runCommand: string;
}

/** The dry run of any runbook, from a file or built in memory: one path, one view. */
export async function planDocument({ io, actions, output }: CommandContext, options: AwsOptions, request: PlanRequest): Promise<number> {
  const { file, document } = request;
  const context = await openAwsContext({ ...awsOptionsOf(io, options), readOnly: true, resources: document.spec.resources ?? {} });
  const interrupts = listenForInterrupts();
  try {
    const inputs = await request.inputsFor(context);
    const runId = newRunId(context.clock.now(), document.metadata.name);
    const deps = { clock: context.clock, ports: context.ports, http: context.http, sink: output.events(), actions, stopSignal: interrupts.stop, defaultRegion: context.defaultRegion };
    const result = await planRunbook({ runId, file, document, inputs }, deps);
    output.result(planView, { result, runCommand: request.runCommand });
    return interrupts.stop.aborted ? ExitCode.aborted : result.exitCode;
  } finally {
    interrupts.dispose();
    await context.close();
  }
}
