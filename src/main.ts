// The composition root, on top of every layer (docs/architecture.md): parses the arguments, wires the
// process's streams and the catalogue of actions into the commands, and turns errors into exit codes.
// Nothing imports it but the entry (bin/drctl, through the bundle). It loads a command's code only when
// it runs, so `drctl --version` and `drctl validate` never load ink or the AWS SDK, and `drctl validate`
// with plain arguments answers before even commander loads (plainInvocation).
import type { Command } from 'commander';
import { isDrctlError, ExitCode } from './core/errors';
import { VERSION } from './core/version';
import { printUsage } from './ui/print';
import type { CliIO } from './core/io';
import type { CommandContext } from '../commands/context';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Commander names the repeatable --input flag `input`; the commands take the list as `inputs`. */
const withInputs = <T extends { input?: string[] }>({ input, ...rest }: T) => ({ ...rest, inputs: input ?? [] });

type Commander = typeof import('commander');

/** AWS conventions, the same on every command that talks to AWS. */
function withAws(command: Command, { Option }: Commander): Command {
  return command
    .option('--sim [world]', 'use the embedded simulator (optionally with a world file) instead of AWS')
    .option('--pace <n>', 'with --sim: watch at n simulated seconds per real second (default: as fast as possible; figures are the same)')
    .addOption(new Option('--time-scale <n>', 'deprecated with --sim: read as --pace').hideHelp())
    .option('--profile <name>', 'AWS named profile (otherwise the standard credential chain)')
    .option('--region <region>', 'default AWS region')
    .option('--endpoint-url <url>', 'send every AWS call to this endpoint (e.g. `drctl sim serve`)');
}

/** What run, resume and rollback share: confirmation, output, rollback, limits, journal. */
function withSessionOptions(command: Command, commander: Commander): Command {
  const { Option } = commander;
  return withAws(command, commander)
    .option('-y, --yes', 'approve every approval and the start confirmation (needed without a TTY)')
    .option('--step', 'ask before every step (walk the runbook one step at a time)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-rollback', 'do not run the rollback steps when a step fails')
    .option('--max-parallel <n>', 'steps that may run at the same time (default 50)')
    .option('--deadline <duration>', 'the whole run must finish within this, e.g. 20m')
    .option('--approval-timeout <duration>', 'how long an approval waits for an answer (default 30m)')
    .option('--incident-start <time>', 'when the outage began (ISO time with zone, or "10m ago"), for the RTO clock')
    .option('--journal-dir <dir>', 'where runs, locks and drills are kept (default .drctl)');
}

/** The real process's streams: the one place drctl takes them. */
function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

const VALIDATE_OUTPUTS = ['text', 'json', 'junit'];
type ValidateOutput = 'text' | 'json' | 'junit';

/**
 * `drctl validate <paths...> [-o text|json|junit]`, as CI runs it on every change, answered without
 * commander (which takes longer to load than validating the shipped runbooks; bin/drctl answers
 * `--version` and `schema` before this bundle loads). Anything else (help, another option, a mistake)
 * returns undefined and goes through commander, which words every error.
 */
function plainInvocation(argv: readonly string[], io: CliIO): (() => Promise<number>) | undefined {
  if (argv[0] !== 'validate') return undefined;
  const paths: string[] = [];
  let output = 'text';
  for (let index = 1; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '-o' || arg === '--output') {
      output = argv[++index] ?? '';
      if (!VALIDATE_OUTPUTS.includes(output)) return undefined;
    } else if (arg.startsWith('-')) {
      return undefined;
    } else {
      paths.push(arg);
    }
  }
  return paths.length > 0 ? () => runValidate(paths, { output: output as ValidateOutput }, io) : undefined;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const plain = plainInvocation(argv, io);
  if (plain) return plain();
  const commander = await import('commander');
  const { Command, Option } = commander;
  let exitCode: number = ExitCode.ok;
  const program = new Command('drctl')
    .description('Multi-region disaster recovery runbooks for AWS: validate, dry-run, execute, measure RTO/RPO.')
    .version(VERSION, '-V, --version', 'print the drctl version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => printUsage(io, 'stdout', text), writeErr: (text) => printUsage(io, 'stderr', text) });
  const commandContext = () => contextFor(io);
  const run = (load: () => Promise<number>) => async () => {
    exitCode = await load();
  };

  program
    .command('validate')
    .description('check runbooks: every problem at once, with file:line:col and a hint')
    .argument('<paths...>', 'runbook files, directories or globs')
    .addOption(new Option('-o, --output <format>', 'output format').choices(VALIDATE_OUTPUTS).default('text'))
    .action((paths: string[], options) => run(() => runValidate(paths, options, io))());

  withAws(program.command('plan'), commander)
    .description('dry run: preflight, then what every step would do, in order, without changing anything')
    .argument('<runbook>', 'the runbook file')
    .option('-i, --input <name=value>', 'a runbook input (repeatable)', collect)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, options) => run(async () => (await import('../commands/plan')).planCommand(file, withInputs(options), await commandContext()))());

  withSessionOptions(program.command('run'), commander)
    .description('execute a runbook: preflight, approvals, steps in parallel where they can be, rollback on failure')
    .argument('<runbook>', 'the runbook file')
    .option('-i, --input <name=value>', 'a runbook input (repeatable)', collect)
    .option('--dry-run', 'same as `drctl plan`')
    .action((file: string, options) => run(async () => (await import('../commands/run')).runCommand(file, withInputs(options), await commandContext()))());

  withSessionOptions(program.command('resume'), commander)
    .description('continue an interrupted or failed run; finished steps stay finished, no failover is repeated')
    .argument('<run-id>', 'the run to continue (see .drctl/runs/)')
    .action((runId: string, options) => run(async () => (await import('../commands/resume')).resumeCommand(runId, options, await commandContext()))());

  withSessionOptions(program.command('rollback'), commander)
    .description("run a runbook's rollback steps for an earlier run")
    .argument('<run-id>', 'the run to roll back')
    .action((runId: string, options) => run(async () => (await import('../commands/rollback')).rollbackCommand(runId, options, await commandContext()))());

  withAws(program.command('status'), commander)
    .description('where everything is now: writers, members, sync, replication lag, health, and what is not ready for failover')
    .argument('[runbook]', "the runbook whose resources to show (its objectives.rpo is the lag threshold)")
    .option('-r, --resource <type:id>', 'a resource to show (repeatable): aurora:<id>, docdb:<id>, elasticache:<id>, health-check:<id>', collect)
    .option('--max-lag <duration>', "flag replication lag above this (default: the runbook's objectives.rpo)")
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string | undefined, options) => run(async () => (await import('../commands/status')).statusCommand(file, options, await commandContext()))());

  withAws(program.command('health'), commander)
    .description("Route 53 health checks as Route 53 judges them: verdict, each checker region's report, the last change")
    .argument('<health-check-ids...>', 'the health checks to show')
    .option('-w, --watch', 'refresh until Ctrl-C (redrawn in place on a terminal)')
    .option('--interval <duration>', 'time between refreshes with --watch, at least 10s (default 10s)')
    .option('--fail-on-unhealthy', 'exit 1 when any check is unhealthy (for scripts and CI)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((ids: string[], options) => run(async () => (await import('../commands/health')).healthCommand(ids, options, await commandContext()))());

  withSessionOptions(program.command('failover'), commander)
    .description('fail over one global resource now, no runbook file: the same engine, view, journal, lock and report as `drctl run`')
    .argument('<type>', 'aurora, docdb or elasticache')
    .argument('<id>', 'the global cluster or global datastore id')
    .requiredOption('--to <region>', 'the region whose secondary takes over')
    .option('--mode <mode>', 'planned (no data loss), unplanned (region down, AllowDataLoss) or detach (last resort)', 'planned')
    .option('--max-lag <duration>', 'unplanned or detach: refuse when the replication lag (the data lost) is above this')
    .option('--dry-run', 'show the plan (same as `drctl plan`) and change nothing')
    .action((type: string, id: string, options) => run(async () => (await import('../commands/failover')).failoverCommand(type, id, options, await commandContext()))());

  program
    .command('report')
    .description('RTO/RPO report of a run from its journal, or the drill history with --history')
    .argument('[run]', 'run id, run directory or journal.jsonl (default: the newest run); with --history, a runbook name to filter by')
    .addOption(new Option('-f, --format <format>', 'report format (--history: text, md, json, html)').choices(['text', 'md', 'json', 'junit', 'html']).default('text'))
    .option('--out <file>', 'write the report to this file instead of stdout')
    .option('--history', 'RTO and RPO per drill over time, as a table and a chart')
    .option('--incident-start <time>', 'when the outage began (ISO time with zone, or "10m ago"); overrides what the run recorded')
    .option('--journal-dir <dir>', 'where runs, locks and drills are kept (default .drctl)')
    .action((target: string | undefined, options) => run(async () => (await import('../commands/report')).reportCommand(target, options, await commandContext()))());

  withSessionOptions(program.command('drill'), commander)
    .description('game day: run a runbook, verify the end state, optionally fail back, write every report, record the drill')
    .argument('<runbook>', 'the runbook file')
    .option('-i, --input <name=value>', 'a runbook input (repeatable)', collect)
    .option('--failback [runbook]', "fail back afterwards: with this runbook, the runbook's `failback` label, or the same runbook with from/to swapped")
    .option('--failback-input <name=value>', 'an input of the failback run (repeatable)', collect)
    .option('--failback-after <duration>', 'let replication settle this long before failing back (default 2m)')
    .option('--formats <list>', 'report formats to write: text,md,json,junit,html (default: all)')
    .option('--out-dir <dir>', 'also write the reports here, e.g. a CI artifact directory')
    .option('--no-verify', 'do not read the end state back after each run')
    .action((file: string, options) => run(async () => (await import('../commands/drill')).drillCommand(file, withInputs(options), await commandContext()))());

  const sim = program.command('sim').description('the embedded AWS simulator');
  sim
    .command('serve')
    .description('run the simulator alone, for the AWS CLI, other tools and game days')
    .option('--runbook <file>', 'generate the world from this runbook')
    .option('--world <file>', 'a world file (see `drctl sim world`)')
    .option('--port <port>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--time-scale <n>', 'the served world runs n times faster: every span it declares lasts 1/n as long; times stay on the wall clock (default 30)')
    .action((options) => run(async () => (await import('../commands/sim')).simServeCommand(options, await commandContext()))());
  sim
    .command('world')
    .description('write the world --sim would generate for a runbook, as YAML to edit')
    .argument('<runbook>', 'the runbook file')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((file: string, options) => run(async () => (await import('../commands/sim')).simWorldCommand(file, options, await commandContext()))());

  program
    .command('schema')
    .description('print the JSON Schema of runbooks (for editors and yaml-language-server)')
    .action(() => run(async () => (await import('../commands/schema')).schemaCommand({ io }))());

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, commander);
  }
}

/**
 * Wiring: the catalogue of actions reaches the validator and the engine from here, loaded only when a
 * command runs (`drctl --version` loads none of it).
 */
async function contextFor(io: CliIO): Promise<CommandContext> {
  return { io, actions: (await import('./actions/catalogue')).actionCatalogue };
}

async function runValidate(paths: string[], options: { output: ValidateOutput }, io: CliIO): Promise<number> {
  try {
    // Both loads at once: each is a graph of chunks to read and compile.
    const [{ validateCommand }, context] = await Promise.all([import('../commands/validate'), contextFor(io)]);
    return await validateCommand(paths, options, context);
  } catch (error) {
    return handleError(error, io);
  }
}

async function handleError(error: unknown, io: CliIO, commander?: Commander): Promise<number> {
  if (commander && error instanceof commander.CommanderError) {
    // --help and --version end through here too, with exit code 0.
    if (error.exitCode === 0) return ExitCode.ok;
    printUsage(io, 'stderr', `  hint: run \`drctl ${error.code === 'commander.unknownCommand' ? '' : '<command> '}--help\` for usage.\n`);
    return ExitCode.invalidInput;
  }
  const { printBug, printError } = await import('./ui/print');
  if (isDrctlError(error)) {
    printError(io, error);
    return error.exitCode;
  }
  printBug(io, error);
  return ExitCode.runFailed;
}
