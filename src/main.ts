// The composition root, on top of every layer (docs/architecture.md): builds the command line from the
// declarations of the commands and their options (commands/cli/), wires the process's streams, the
// output host and the catalogue of actions into the command that runs, and turns errors into exit codes.
// Nothing imports it but the entry (bin/drctl, through the bundle; bin/drctl answers `--version` and
// `schema` itself, and hands `drctl validate <paths...>` to its own root, src/validate-main.ts). It loads
// a command's code only when it runs.
import type { Command, Option } from 'commander';
import { DrctlError, ExitCode, type ErrorCode } from './core/errors';
import { VERSION } from './core/version';
import { printUsage } from './ui/print';
import type { CliIO } from './core/io';
import { Arguments, COMMAND_GROUPS, COMMAND_TABLE, type DrctlCommand } from '../commands/cli/command-table';
import { optionsTakenBy, requestedFormat, type CommandName, type OptionName, type TakenOption } from '../commands/cli/options';
import type { GivenOptions } from '../commands/cli/parse-options';
import { helpFooter } from '../commands/cli/help-text';
import { processIO } from '../commands/cli/process-io';

type Commander = typeof import('commander');

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface Typed {
  /** What was typed, by option name. */
  given: GivenOptions;
  /** One line per old spelling used (a renamed flag), for the deprecation notice. */
  renamed: string[];
}

/** How errors are written: the format the command line asked for, until the command has checked it. */
interface ErrorFormat {
  format: string;
}

/** Runs a declared command on what was typed: the output host, the parsed options, the action catalogue. */
async function runDeclared(declaration: DrctlCommand, values: unknown[], typed: Typed, io: CliIO, errors: ErrorFormat): Promise<number> {
  // Loaded only when a command runs, in one chunk: `drctl --version` loads none of it.
  const runtime = await import('../commands/cli/command-runtime');
  errors.format = runtime.outputFormatOf(optionsTakenBy(declaration.name), typed.given);
  const output = runtime.createOutput(io, errors.format);
  for (const line of typed.renamed) output.notice('cli.deprecated-option', line);
  const parse = <C extends CommandName>(command: C) => runtime.parseOptions(optionsTakenBy(command), typed.given);
  return declaration.run(new Arguments(values), parse, { io, actions: runtime.actionCatalogue, output });
}

/** The commander option of a declaration: its flags (or an old spelling's, hidden), help, default and choices. */
function commanderOption({ Option }: Commander, { declaration, flag }: TakenOption, oldSpelling?: string): Option {
  const flags = oldSpelling ? `${oldSpelling}${declaration.flags.slice(declaration.flags.indexOf(flag) + flag.length)}` : declaration.flags;
  const option = new Option(flags, declaration.help).hideHelp(oldSpelling !== undefined);
  if (declaration.shape === 'list') option.argParser(collect);
  if (oldSpelling) return option;
  if (declaration.choices) option.argChoices = [...declaration.choices];
  if (declaration.default !== undefined) option.default(declaration.default);
  if (declaration.required) option.makeOptionMandatory();
  return option;
}

/** Adds each declared option (and a hidden one per old spelling) to the command; returns how to read back what was typed. */
function addOptions(commander: Commander, command: Command, taken: readonly TakenOption[]): () => Typed {
  const added = (option: Option) => {
    command.addOption(option);
    return option.attributeName();
  };
  const readers = taken.map((option) => {
    const { name, declaration, flag } = option;
    const current = added(commanderOption(commander, option));
    const old = (declaration.renamedFrom ?? []).map((spelling) => ({ spelling, key: added(commanderOption(commander, option, spelling)) }));
    return (typed: Typed) => {
      let value = command.getOptionValue(current) as GivenOptions[OptionName];
      for (const { spelling, key } of old) {
        const given = command.getOptionValue(key) as GivenOptions[OptionName];
        // An old spelling counts unless the new one was typed too (a default does not count).
        if (given === undefined || (value !== undefined && command.getOptionValueSource(current) !== 'default')) continue;
        value = given;
        typed.renamed.push(`${spelling} is now ${flag}${declaration.renamedBecause ? ` (${declaration.renamedBecause})` : ''}; the old name still works but will be removed`);
      }
      if (value !== undefined) typed.given[name] = value;
    };
  });
  return () => {
    const typed: Typed = { given: {}, renamed: [] };
    for (const read of readers) read(typed);
    return typed;
  };
}

/** `sim serve` is `serve` under the `sim` group. */
function commandFor(program: Command, groups: Map<string, Command>, name: string): Command {
  const [group, sub] = name.split(' ');
  if (!sub || !group) return program.command(name);
  let parent = groups.get(group);
  if (!parent) {
    parent = program.command(group).description(COMMAND_GROUPS[group] ?? '');
    groups.set(group, parent);
  }
  return parent.command(sub);
}

export async function main(given: string[], io: CliIO = processIO()): Promise<number> {
  // -V, commander's own spelling, still prints the version beside -v (bin/drctl answers both itself).
  const argv = given[0] === '-V' ? ['--version', ...given.slice(1)] : given;
  const errors: ErrorFormat = { format: requestedFormat(argv) };
  const commander = await import('commander');
  let exitCode: number = ExitCode.ok;
  const program = new commander.Command('drctl')
    .description('Multi-region disaster recovery runbooks for AWS: validate, dry-run, execute, measure RTO/RPO.')
    .version(VERSION, '-v, --version', 'print the drctl version')
    .addHelpText('afterAll', helpFooter())
    .showSuggestionAfterError(true)
    .exitOverride()
    // The parser's own errors are written by handleError, with a code, like every other error.
    .configureOutput({ writeOut: (text) => printUsage(io, 'stdout', text), writeErr: (text) => (errors.format === 'json' ? undefined : printUsage(io, 'stderr', text)), outputError: () => undefined });
  const groups = new Map<string, Command>();
  for (const declaration of COMMAND_TABLE) {
    const command = commandFor(program, groups, declaration.name).description(declaration.description);
    if (declaration.details) command.addHelpText('after', `\n${declaration.details}`);
    for (const [syntax, help] of declaration.args) command.argument(syntax, help);
    const typed = addOptions(commander, command, optionsTakenBy(declaration.name));
    command.action(async (...values: unknown[]) => {
      exitCode = await runDeclared(declaration, values.slice(0, declaration.args.length), typed(), io, errors);
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, errors.format, commander, argv);
  }
}

async function handleError(error: unknown, io: CliIO, format: string, commander?: Commander, argv: readonly string[] = []): Promise<number> {
  const usage = commander && error instanceof commander.CommanderError ? error : undefined;
  // --help and --version end through here too, with exit code 0.
  if (usage?.exitCode === 0) return ExitCode.ok;
  const output = (await import('../commands/cli/command-runtime')).createOutput(io, format);
  if (!usage) return output.error(error);
  return output.error(usageError(usage, argv));
}

// The argument parser's errors, each with a stable code like every other error drctl prints.
const USAGE_CODES: Partial<Record<string, ErrorCode>> = {
  'commander.unknownOption': 'cli.unknown-option',
  'commander.missingArgument': 'cli.missing-argument',
  'commander.optionMissingArgument': 'cli.missing-option-value',
  'commander.missingMandatoryOptionValue': 'cli.missing-option',
  'commander.unknownCommand': 'cli.unknown-command',
  'commander.excessArguments': 'cli.too-many-arguments',
};

function usageError(usage: { code: string; message: string }, argv: readonly string[]): DrctlError {
  const command = argv.find((arg) => !arg.startsWith('-'));
  const help = usage.code === 'commander.unknownCommand' || !command ? 'drctl --help' : `drctl ${command} --help`;
  return new DrctlError(USAGE_CODES[usage.code] ?? 'cli.usage', usage.message.replace(/^error: /, ''), `Run \`${help}\` for usage.`);
}
