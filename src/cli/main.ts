// The CLI shell: declares every command and its options, and loads a command's code only when it runs,
// so `drctl --version` and `drctl validate` never load ink or the AWS SDK.
import { Command, CommanderError, Option } from 'commander';
import { isDrctlError, ExitCode } from '../errors';
import { VERSION } from '../version';
import { processIO, type CliIO } from './io';

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('drctl')
    .description('Multi-region disaster recovery runbooks for AWS: validate, dry-run, execute, measure RTO/RPO.')
    .version(VERSION, '-V, --version', 'print the drctl version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('validate')
    .description('check runbooks: every problem at once, with file:line:col and a hint')
    .argument('<paths...>', 'runbook files, directories or globs')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'junit']).default('text'))
    .action(async (paths: string[], options: { output: 'text' | 'json' | 'junit' }) => {
      const { validateCommand } = await import('../../commands/validate');
      exitCode = await validateCommand(paths, options, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of runbooks (for editors and yaml-language-server)')
    .action(async () => {
      const { schemaCommand } = await import('../../commands/schema');
      exitCode = await schemaCommand(io);
    });

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
    io.stderr.write(`  hint: run \`drctl ${error.code === 'commander.unknownCommand' ? '' : '<command> '}--help\` for usage.\n`);
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
