// What the shell completion scripts complete, read from the one declaration of every command and option
// (command-table.ts, options.ts): a new command or flag is completed without touching the scripts. The
// generators (completion-bash.ts, -zsh.ts, -fish.ts) only spell this model in each shell's language.
import { CODES } from '../../src/core/codes';
import { KNOWN_REGIONS } from '../../src/core/regions';
import type { DrctlCommand } from './command-table';
import { optionsTakenBy, type Completion } from './options';

export interface CompletedOption {
  /** Every spelling shown in the help: ['-o', '--output']. Renamed spellings are left out, as in the help. */
  flags: string[];
  help: string;
  /** What follows the flag: nothing, a value, or a value that may be left out (--sim [world]). */
  takes: 'nothing' | 'value' | 'optional-value';
  /** What the value is called in the help: 'format' of '-o, --output <format>'. */
  valueName?: string;
  /** May be given more than once (--input). */
  repeatable?: boolean;
  completes?: Completion;
}

export interface CompletedCommand {
  /** 'plan', or 'sim serve' for a command of a group. */
  name: string;
  description: string;
  options: CompletedOption[];
  /** Each positional argument and what it completes with, in order; the last one repeats when variadic. */
  args: Array<{ name: string; help: string; completes?: Completion }>;
  variadic: boolean;
}

export interface CompletionModel {
  commands: CompletedCommand[];
  /** Top-level words: each command, or its group ('sim'), with a description. */
  words: Array<{ word: string; description: string }>;
  regions: readonly string[];
  codes: string[];
}

function optionOf(flags: string, help: string, shape: string, completes: Completion | undefined, choices: readonly string[] | undefined): CompletedOption {
  const takes = shape === 'flag' || shape === 'negatable' ? 'nothing' : shape === 'optional-value' ? 'optional-value' : 'value';
  const completion = choices ?? completes;
  const valueName = /<([^>]+)>|\[([^\]]+)\]/.exec(flags);
  return {
    flags: flags.split(/[ ,]+/).filter((word) => word.startsWith('-')),
    help,
    takes,
    ...(valueName ? { valueName: valueName[1] ?? valueName[2] } : {}),
    ...(shape === 'list' ? { repeatable: true } : {}),
    ...(completion ? { completes: completion } : {}),
  };
}

/** The command table and its groups, handed over by the table itself (importing it here would be a cycle). */
export interface CommandLine {
  commands: readonly DrctlCommand[];
  groups: Readonly<Record<string, string>>;
}

export function completionModel({ commands: table, groups }: CommandLine): CompletionModel {
  const commands = table.map((command): CompletedCommand => ({
    name: command.name,
    description: command.description,
    options: [
      ...optionsTakenBy(command.name).map(({ declaration: { flags, help, shape, completes, choices } }) => optionOf(flags, help, shape, completes, choices)),
      { flags: ['-h', '--help'], help: 'display help for command', takes: 'nothing' },
    ],
    args: command.args.map(([syntax, help, completes]) => ({ name: syntax.replace(/[<>[\].]/g, ''), help, completes })),
    variadic: command.args.some(([syntax]) => syntax.includes('...')),
  }));
  const words: CompletionModel['words'] = [];
  for (const command of commands) {
    const [group, sub] = command.name.split(' ');
    if (!sub) words.push({ word: command.name, description: command.description });
    else if (group && !words.some((word) => word.word === group)) words.push({ word: group, description: groups[group] ?? '' });
  }
  return { commands, words, regions: KNOWN_REGIONS, codes: Object.keys(CODES).sort() };
}

/** The commands of a group ('sim' -> serve, world), for the second word. */
export function groupMembers(model: CompletionModel, group: string): CompletedCommand[] {
  return model.commands.filter((command) => command.name.startsWith(`${group} `));
}

/** The top-level flags (drctl -v, drctl --help). */
export const TOP_LEVEL_OPTIONS: CompletedOption[] = [
  { flags: ['-v', '--version'], help: 'print the drctl version', takes: 'nothing' },
  { flags: ['-h', '--help'], help: 'display help for command', takes: 'nothing' },
];
