// The CLI shell: declares every command and its options, and loads a command's code only when it runs,
// so `drctl --version` and `drctl validate` never load ink or the AWS SDK.
import { Command, CommanderError, Option } from 'commander';
import { isDrctlError, ExitCode } from '../errors';
import { VERSION } from '../version';
import { printUsage } from '../ui/print';
import { processIO, type CliIO } from './io';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Commander names the repeatable --input flag `input`; the commands take the list as `inputs`. */
const withInputs = <T extends { input?: string[] }>({ input, ...rest }: T) => ({ ...rest, inputs: input ?? [] });

/** AWS conventions, the same on every command that talks to AWS. */
function withAws(command: Command): Command {
  return command
    .option('--sim [world]', 'use the embedded simulator (optionally with a world file) instead of AWS')
    .option('--time-scale <n>', 'simulator speed-up: simulated ms per real ms (default 30)')
    .option('--profile <name>', 'AWS named profile (otherwise the standard credential chain)')
    .option('--region <region>', 'default AWS region')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (e.g. `drctl sim serve`)');
}

/** What run, resume and rollback share: confirmation, output, rollback, limits, journal. */
function withSession(command: Command): Command {
  return withAws(command)
    .option('-y, --yes', 'approve every approval and the start confirmation (needed without a TTY)')
    .option('--step', 'ask before every step (walk the runbook one step at a time)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-rollback', 'do not run the rollback steps when a step fails')
    .option('--max-parallel <n>', 'steps that may run at the same time (default 20)')
    .option('--deadline <duration>', 'the whole run must finish within this, e.g. 20m')
    .option('--approval-timeout <duration>', 'how long an approval waits for an answer (default 30m)')
    .option('--incident-start <time>', 'when the outage began (ISO 8601), for the RTO clock')
    .option('--journal-dir <dir>', 'where runs, locks and drills are kept (default .drctl)');
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('drctl')
    .description('Multi-region disaster recovery runbooks for AWS: validate, dry-run, execute, measure RTO/RPO.')
    .version(VERSION, '-V, --version', 'print the drctl version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => printUsage(io, 'stdout', text), writeErr: (text) => printUsage(io, 'stderr', text) });
  const run = (load: () => Promise<number>) => async () => {
    exitCode = await load();
  };

  program
    .command('validate')
    .description('check runbooks: every problem at once, with file:line:col and a hint')
    .argument('<paths...>', 'runbook files, directories or globs')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .action((paths: string[], options) => run(async () => (await import('../../commands/validate')).validateCommand(paths, options, io))());

  withAws(program.command('plan'))
    .description('dry run: preflight, then what every step would do, in order, without changing anything')
    .argument('<runbook>', 'the runbook file')
    .option('-i, --input <name=value>', 'a runbook input (repeatable)', collect)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, options) => run(async () => (await import('../../commands/plan')).planCommand(file, withInputs(options), io))());

  withSession(program.command('run'))
    .description('execute a runbook: preflight, approvals, steps in parallel where they can be, rollback on failure')
    .argument('<runbook>', 'the runbook file')
    .option('-i, --input <name=value>', 'a runbook input (repeatable)', collect)
    .option('--dry-run', 'same as `drctl plan`')
    .action((file: string, options) => run(async () => (await import('../../commands/run')).runCommand(file, withInputs(options), io))());

  withSession(program.command('resume'))
    .description('continue an interrupted or failed run; finished steps stay finished, no failover is repeated')
    .argument('<run-id>', 'the run to continue (see .drctl/runs/)')
    .action((runId: string, options) => run(async () => (await import('../../commands/resume')).resumeCommand(runId, options, io))());

  withSession(program.command('rollback'))
    .description("run a runbook's rollback steps for an earlier run")
    .argument('<run-id>', 'the run to roll back')
    .action((runId: string, options) => run(async () => (await import('../../commands/rollback')).rollbackCommand(runId, options, io))());

  const sim = program.command('sim').description('the embedded AWS simulator');
  sim
    .command('serve')
    .description('run the simulator alone, for the AWS CLI, other tools and game days')
    .option('--runbook <file>', 'generate the world from this runbook')
    .option('--world <file>', 'a world file (see `drctl sim world`)')
    .option('--port <port>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--time-scale <n>', 'simulated ms per real ms (default 30)')
    .action((options) => run(async () => (await import('../../commands/sim')).simServeCommand(options, io))());
  sim
    .command('world')
    .description('write the world --sim would generate for a runbook, as YAML to edit')
    .argument('<runbook>', 'the runbook file')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((file: string, options) => run(async () => (await import('../../commands/sim')).simWorldCommand(file, options, io))());

  program
    .command('schema')
    .description('print the JSON Schema of runbooks (for editors and yaml-language-server)')
    .action(() => run(async () => (await import('../../commands/schema')).schemaCommand(io))());

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

async function handleError(error: unknown, io: CliIO): Promise<number> {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    if (error.exitCode === 0) return ExitCode.ok;
    printUsage(io, 'stderr', `  hint: run \`drctl ${error.code === 'commander.unknownCommand' ? '' : '<command> '}--help\` for usage.\n`);
    return ExitCode.invalidInput;
  }
  const { printBug, printError } = await import('../ui/print');
  if (isDrctlError(error)) {
    printError(io, error);
    return error.exitCode;
  }
  printBug(io, error);
  return ExitCode.runFailed;
}
