// drctl completion bash|zsh|fish: the shell completion script, generated from the declarations of every
// command and option (commands/cli/completion-model.ts), so it never falls behind the command line.
import type { CommandContext } from './context';
import { bashScript } from './cli/completion-bash';
import { fishScript } from './cli/completion-fish';
import { completionModel, type CommandLine } from './cli/completion-model';
import { zshScript } from './cli/completion-zsh';
import { ExitCode } from '../src/core/errors';
import { requireOneOf } from '../src/runbook/suggest';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;
const SHELLS = Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>;

export async function completionCommand(shell: string, { output }: CommandContext, commandLine: CommandLine): Promise<number> {
  const chosen = requireOneOf(shell, SHELLS, 'drctl completion');
  output.write(SCRIPTS[chosen](completionModel(commandLine)));
  return ExitCode.ok;
}
