// Every option of drctl, declared once (pastel's generate-options is the model): its flags, its help,
// how its text becomes a value, its default, and which commands take it. The composition root builds
// the commander definitions and the help from this table; `OptionsOf<'plan'>` is the type of what
// `drctl plan` receives, with every value already parsed (durations in milliseconds, numbers as numbers).
//
// To rename a flag: give it its new flags and list the old spelling in `renamedFrom`; the old one keeps
// working, hidden from the help, and prints a `cli.deprecated-option` notice naming the new one.
//
// This table is data only (type imports aside): the root loads it before any command, so whatever it
// imported, `drctl --version` would load too. Parsers are named here and loaded when a command runs.
import type { ErrorCode } from '../../src/core/errors';
import type { HistoryFormat, ReportFormat } from '../../src/report/formats';
import type { FailoverMode } from '../../src/runbook/failover-kinds';
import type { Parser, ParserName, PARSERS } from './option-values';

export const COMMAND_NAMES = ['validate', 'plan', 'run', 'resume', 'rollback', 'status', 'health', 'failover', 'report', 'drill', 'sim serve', 'sim world', 'arc describe', 'schema', 'explain', 'completion'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface OptionDeclaration {
  /** As commander writes them: '-o, --output <format>', '--sim [world]', '--no-rollback'. */
  flags: string;
  help: string;
  commands: readonly CommandName[];
  /** flag: true when given; negatable (--no-x): false when given; list: repeatable; optional-value: true without a value. */
  shape: 'flag' | 'negatable' | 'value' | 'optional-value' | 'list';
  /** How its text becomes the value (option-values.ts); an option with `choices` takes one of them. */
  parse?: ParserName;
  /** The values it takes, shown in the help; anything else is refused with a did-you-mean. */
  choices?: readonly string[];
  /** The code of that refusal, for options whose command had its own code first (default cli.bad-option). */
  badChoice?: ErrorCode;
  /** The text taken when the option is not given (as if typed; `parse` reads it), shown in the help. */
  default?: string;
  required?: boolean;
  /** Old spellings (with the same value syntax) that still work and print a deprecation notice. */
  renamedFrom?: readonly string[];
  /** Why it was renamed, said in that notice. */
  renamedBecause?: string;
  /** What the shell completes its value with (`drctl completion`); `choices` complete themselves. */
  completes?: Completion;
  /** only: picks the command's output format and is not passed to the command; also: picks it and is passed. */
  picksOutput?: 'only' | 'also';
}

/**
 * What a shell completes a value or an argument with: a path, a region, a profile of the AWS config
 * files, a run id under .drctl/runs, a code of `drctl explain`, or a fixed list.
 */
export type Completion = 'file' | 'directory' | 'region' | 'profile' | 'run-id' | 'code' | readonly string[];

/** The commands that talk to AWS (or the simulator). */
const AWS = ['plan', 'run', 'resume', 'rollback', 'status', 'health', 'failover', 'drill'] as const;
/** The commands that run a session of a runbook: confirmation, approvals, journal, rollback. */
const SESSION = ['run', 'resume', 'rollback', 'failover', 'drill'] as const;
const OUTPUT_FORMATS = ['text', 'json'] as const;
// Lists the domain owns, written out so that this table imports nothing at run time: the types refuse a
// value the domain does not know, and test/cli/options.test.ts that one is left out.
const FAILOVER_MODES = ['planned', 'unplanned', 'detach'] as const satisfies readonly FailoverMode[];
const REPORT_FORMATS = ['text', 'md', 'json', 'junit', 'html'] as const satisfies readonly ReportFormat[];
const HISTORY_FORMATS = ['text', 'md', 'json', 'html'] as const satisfies readonly HistoryFormat[];

/** The commands that read AWS without a run's clock: --sim, --profile and --endpoint-url, not --pace or --region. */
const SETUP = ['arc describe'] as const;

export const OPTIONS = {
  sim: { flags: '--sim [world]', shape: 'optional-value', parse: 'text', completes: 'file', commands: [...AWS, ...SETUP], help: 'use the embedded simulator (optionally with a world file) instead of AWS' },
  pace: {
    flags: '--pace <n>', shape: 'value', parse: 'pace', commands: AWS, help: 'with --sim: watch at n simulated seconds per real second (default: as fast as possible; figures are the same)',
    renamedFrom: ['--time-scale'],
    renamedBecause: 'simulated time is virtual and runs as fast as drctl can; --pace is how fast to watch it',
  },
  profile: { flags: '--profile <name>', shape: 'value', parse: 'text', completes: 'profile', commands: [...AWS, ...SETUP], help: 'AWS named profile (otherwise the standard credential chain)' },
  region: { flags: '--region <region>', shape: 'value', parse: 'text', completes: 'region', commands: AWS, help: 'default AWS region' },
  endpointUrl: { flags: '--endpoint-url <url>', shape: 'value', parse: 'text', commands: [...AWS, ...SETUP], help: 'send every AWS call to this endpoint (e.g. `drctl sim serve`)' },

  inputs: { flags: '-i, --input <name=value>', shape: 'list', parse: 'text', commands: ['plan', 'run', 'drill'], help: 'a runbook input (repeatable)' },
  yes: { flags: '-y, --yes', shape: 'flag', commands: SESSION, help: 'approve every approval and the start confirmation (needed without a TTY)' },
  step: { flags: '--step', shape: 'flag', commands: SESSION, help: 'ask before every step (walk the runbook one step at a time)' },
  output: { flags: '-o, --output <format>', shape: 'value', choices: OUTPUT_FORMATS, default: 'text', picksOutput: 'only', commands: [...SESSION, 'plan', 'status', 'health', 'explain', 'arc describe'], help: 'output format (docs/output.md)' },
  validateOutput: { flags: '-o, --output <format>', shape: 'value', choices: ['text', 'json', 'junit'], default: 'text', picksOutput: 'only', commands: ['validate'], help: 'output format (docs/output.md)' },
  // Not for `drctl rollback`, which runs nothing but the rollback steps.
  rollback: { flags: '--no-rollback', shape: 'negatable', commands: ['run', 'resume', 'failover', 'drill'], help: 'do not run the rollback steps when a step fails' },
  maxParallel: { flags: '--max-parallel <n>', shape: 'value', parse: 'positiveWholeNumber', commands: SESSION, help: 'steps that may run at the same time (default 50)' },
  deadline: { flags: '--deadline <duration>', shape: 'value', parse: 'duration', commands: SESSION, help: 'the whole run must finish within this, e.g. 20m' },
  approvalTimeout: { flags: '--approval-timeout <duration>', shape: 'value', parse: 'duration', commands: SESSION, help: 'how long an approval waits for an answer (default 30m)' },
  incidentStart: { flags: '--incident-start <time>', shape: 'value', parse: 'text', commands: [...SESSION, 'report'], help: 'when the outage began (ISO time with zone, or "10m ago"), for the RTO clock; report: overrides what the run recorded' },
  journalDir: { flags: '--journal-dir <dir>', shape: 'value', parse: 'text', completes: 'directory', commands: [...SESSION, 'report'], help: 'where runs, locks and drills are kept (default .drctl)' },
  ignoreUnfinished: { flags: '--ignore-unfinished', shape: 'flag', commands: ['run', 'failover', 'drill'], help: "start a new run even though the runbook's last run did not finish (asked on a terminal)" },
  dryRun: { flags: '--dry-run', shape: 'flag', commands: ['run', 'failover'], help: 'show the plan (same as `drctl plan`) and change nothing' },

  resources: { flags: '-r, --resource <type:id>', shape: 'list', parse: 'text', commands: ['status'], help: 'a resource to show (repeatable): aurora:<id>, docdb:<id>, elasticache:<id>, health-check:<id>' },
  lagObjective: { flags: '--max-lag <duration>', shape: 'value', parse: 'duration', commands: ['status'], help: "flag replication lag above this (default: the runbook's objectives.rpo)" },

  watch: { flags: '-w, --watch', shape: 'flag', commands: ['health'], help: 'refresh until Ctrl-C (redrawn in place on a terminal)' },
  interval: { flags: '--interval <duration>', shape: 'value', parse: 'duration', commands: ['health'], help: 'time between refreshes with --watch, at least 10s (default 10s)' },
  failOnUnhealthy: { flags: '--fail-on-unhealthy', shape: 'flag', commands: ['health'], help: 'exit 1 when any check is unhealthy (for scripts and CI)' },

  to: { flags: '--to <region>', shape: 'value', parse: 'text', completes: 'region', required: true, commands: ['failover'], help: 'the region whose secondary takes over' },
  mode: { flags: '--mode <mode>', shape: 'value', choices: FAILOVER_MODES, badChoice: 'failover.bad-argument', default: 'planned', commands: ['failover'], help: 'planned (no data loss), unplanned (region down, AllowDataLoss) or detach (last resort)' },
  maxLag: { flags: '--max-lag <duration>', shape: 'value', parse: 'text', commands: ['failover'], help: 'unplanned or detach: refuse when the replication lag (the data lost) is above this' },

  format: {
    flags: '-o, --output <format>', shape: 'value', choices: REPORT_FORMATS, default: 'text', picksOutput: 'also', commands: ['report'], help: `report format (--history: ${HISTORY_FORMATS.join(', ')})`,
    renamedFrom: ['-f', '--format'],
    renamedBecause: 'every command names its output format -o/--output',
  },
  out: {
    flags: '--out-file <file>', shape: 'value', parse: 'text', completes: 'file', commands: ['report', 'sim world'], help: 'write to this file instead of stdout',
    renamedFrom: ['--out'],
    renamedBecause: '--out-file and --out-dir name where, -o/--output names the format',
  },
  history: { flags: '--history', shape: 'flag', commands: ['report'], help: 'RTO and RPO per drill over time, as a table and a chart' },

  failback: { flags: '--failback [runbook]', shape: 'optional-value', parse: 'text', completes: 'file', commands: ['drill'], help: "fail back afterwards: with this runbook, the runbook's `failback` label, or the same runbook with from/to swapped" },
  failbackInputs: { flags: '--failback-input <name=value>', shape: 'list', parse: 'text', commands: ['drill'], help: 'an input of the failback run (repeatable)' },
  failbackAfter: { flags: '--failback-after <duration>', shape: 'value', parse: 'duration', default: '2m', commands: ['drill'], help: 'let replication settle this long before failing back' },
  formats: { flags: '--formats <list>', shape: 'value', parse: 'text', commands: ['drill'], help: 'report formats to write: text,md,json,junit,html (default: all)' },
  outDir: { flags: '--out-dir <dir>', shape: 'value', parse: 'text', completes: 'directory', commands: ['drill'], help: 'also write the reports here, e.g. a CI artifact directory' },
  verify: { flags: '--no-verify', shape: 'negatable', commands: ['drill'], help: 'do not read the end state back after each run' },

  runbook: { flags: '--runbook <file>', shape: 'value', parse: 'text', completes: 'file', commands: ['sim serve'], help: 'generate the world from this runbook' },
  world: { flags: '--world <file>', shape: 'value', parse: 'text', completes: 'file', commands: ['sim serve'], help: 'a world file (see `drctl sim world`)' },
  port: { flags: '--port <port>', shape: 'value', parse: 'port', commands: ['sim serve'], help: 'port to listen on (default: a free one)' },
  host: { flags: '--host <host>', shape: 'value', parse: 'text', commands: ['sim serve'], help: 'address to listen on (default 127.0.0.1)' },
  timeScale: { flags: '--time-scale <n>', shape: 'value', parse: 'timeScale', commands: ['sim serve'], help: 'the served world runs n times faster: every span it declares lasts 1/n as long; times stay on the wall clock (default 30)' },
  requestLog: { flags: '--request-log <file>', shape: 'value', parse: 'text', commands: ['sim serve'], help: 'append every request the simulator receives to this file, one JSON object a line' },

  write: {
    flags: '--write <runbook>', shape: 'value', parse: 'text', completes: 'file', commands: ['arc describe'],
    help: "fill in the endpoints of this runbook's arc-cluster with that ARN, in place (its comments and layout kept)",
  },

  list: { flags: '--list', shape: 'flag', commands: ['explain'], help: 'list every code with its meaning' },
} as const satisfies Record<string, OptionDeclaration>;

type Declared = typeof OPTIONS;
export type OptionName = keyof Declared;

type ParsedBy<D> = D extends { choices: readonly (infer T)[] }
  ? T
  : D extends { parse: infer P extends ParserName }
    ? (typeof PARSERS)[P] extends Parser<infer T> ? T : never
    : never;
type ValueOf<D> = D extends { shape: 'flag' | 'negatable' }
  ? boolean
  : D extends { shape: 'list' }
    ? Array<ParsedBy<D>>
    : D extends { shape: 'optional-value' }
      ? ParsedBy<D> | true
      : ParsedBy<D>;
/** Flags, lists and options with a default or required are always there; the rest may be absent. */
type AlwaysThere<D> = D extends { shape: 'flag' | 'negatable' | 'list' } | { default: unknown } | { required: true } ? true : false;

type TakenBy<C extends CommandName> = {
  [K in OptionName]: C extends Declared[K]['commands'][number] ? (Declared[K] extends { picksOutput: 'only' } ? never : K) : never;
}[OptionName];

/** What command C receives: each option it takes, parsed. */
export type OptionsOf<C extends CommandName> = {
  [K in TakenBy<C> as AlwaysThere<Declared[K]> extends true ? K : never]: ValueOf<Declared[K]>;
} & {
  [K in TakenBy<C> as AlwaysThere<Declared[K]> extends true ? never : K]?: ValueOf<Declared[K]>;
};

/** An option a command takes, with the long flag to name in errors. */
export interface TakenOption {
  name: OptionName;
  declaration: OptionDeclaration;
  flag: string;
}

/** The options command C takes, in the order of the table (the help's order); the type remembers C. */
export type OptionsTakenBy<C extends CommandName> = readonly TakenOption[] & { readonly command: C };

export function optionsTakenBy<C extends CommandName>(command: C): OptionsTakenBy<C> {
  const taken = (Object.entries(OPTIONS) as Array<[OptionName, OptionDeclaration]>)
    .filter(([, declaration]) => declaration.commands.includes(command))
    .map(([name, declaration]) => ({ name, declaration, flag: longFlag(declaration) }));
  return Object.assign(taken, { command });
}

/** The long flag, e.g. "--max-parallel", to name in errors and notices. */
function longFlag(option: OptionDeclaration): string {
  return /--[\w-]+/.exec(option.flags)?.[0] ?? option.flags;
}

/**
 * The output format typed on a command line, read before it is parsed: how to write an error the parser
 * itself raises (an unknown option under -o json is JSON too). Text unless an option that picks the
 * output was given a value ("-o json", "--output=json", "-ojson").
 */
export function requestedFormat(argv: readonly string[]): string {
  const pickers = (Object.values(OPTIONS) as OptionDeclaration[]).filter((option) => option.picksOutput);
  const spellings = pickers.flatMap((option) => [...option.flags.split(/[ ,]+/).filter((word) => word.startsWith('-')), ...(option.renamedFrom ?? [])]);
  let found = 'text';
  argv.forEach((word, index) => {
    for (const spelling of spellings) {
      const long = spelling.startsWith('--');
      if (word === spelling) found = argv[index + 1] ?? found;
      else if (long && word.startsWith(`${spelling}=`)) found = word.slice(spelling.length + 1);
      else if (!long && word.startsWith(spelling) && word.length > spelling.length) found = word.slice(spelling.length);
    }
  });
  return found;
}
