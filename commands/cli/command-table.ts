// Every command of drctl: its name, what it does, its arguments, and how it runs. Its options are in
// options.ts (each lists the commands that take it). The composition root builds the command line from
// this table; a command's code is loaded only when it runs, so `drctl --version` loads none of it.
import type { CommandContext } from '../context';
import type { CommandName, Completion, OptionsOf } from './options';

/** An argument: as commander writes it ('<runbook>', '[run]', '<paths...>'), its help, what a shell completes it with. */
export type ArgumentDeclaration = [syntax: string, help: string, completes?: Completion];

interface CommandDeclaration<C extends CommandName> {
  name: C;
  description: string;
  args: ArgumentDeclaration[];
  /** A paragraph for `drctl <command> --help`, after the options: when to use it, and when not. */
  details?: string;
  run(args: Arguments, options: OptionsOf<C>, context: CommandContext): Promise<number>;
}

/** Parses what was typed into the options of a command (parse-options.ts, loaded once a command runs). */
export type OptionParser = <C extends CommandName>(command: C) => OptionsOf<C>;

/** A command as the root runs it: its arguments, its options parsed on demand, the context, an exit code. */
export interface DrctlCommand {
  name: CommandName;
  description: string;
  args: ArgumentDeclaration[];
  details?: string;
  run(args: Arguments, parse: OptionParser, context: CommandContext): Promise<number>;
}

/** The positional arguments as the parser hands them over, read by position. */
export class Arguments {
  constructor(private readonly values: readonly unknown[]) {}

  text(index: number): string {
    return String(this.values[index]);
  }

  optional(index: number): string | undefined {
    const value = this.values[index];
    return typeof value === 'string' ? value : undefined;
  }

  list(index: number): string[] {
    const value = this.values[index];
    return Array.isArray(value) ? value.map(String) : [];
  }
}

const declare = <C extends CommandName>(declaration: CommandDeclaration<C>): DrctlCommand => ({
  ...declaration,
  run: (args, parse, context) => declaration.run(args, parse(declaration.name), context),
});

/** Subcommand groups: the word before the space in a command's name. */
export const COMMAND_GROUPS: Record<string, string> = { sim: 'the embedded AWS simulator', arc: "ARC routing controls: set-up reads of a cluster from ARC's control plane" };

export const COMMAND_TABLE: DrctlCommand[] = [
  declare({
    name: 'validate',
    description: 'check runbooks: every problem at once, with file:line:col and a hint',
    args: [['<paths...>', 'runbook files, directories or globs', 'file']],
    run: async (args, _options, context) => (await import('../validate')).validateCommand(args.list(0), context),
  }),
  declare({
    name: 'plan',
    description: 'dry run: preflight, then what every step would do, in order, without changing anything',
    args: [['<runbook>', 'the runbook file', 'file']],
    run: async (args, options, context) => (await import('../plan')).planCommand(args.text(0), options, context),
  }),
  declare({
    name: 'run',
    description: 'execute a runbook: preflight, approvals, steps in parallel where they can be, rollback on failure',
    args: [['<runbook>', 'the runbook file', 'file']],
    run: async (args, options, context) => (await import('../run')).runCommand(args.text(0), options, context),
  }),
  declare({
    name: 'resume',
    description: 'continue an interrupted or failed run; finished steps stay finished, no failover is repeated',
    args: [['<run-id>', 'the run to continue (see .drctl/runs/)', 'run-id']],
    run: async (args, options, context) => (await import('../resume')).resumeCommand(args.text(0), options, context),
  }),
  declare({
    name: 'rollback',
    description: "run a runbook's rollback steps for an earlier run",
    args: [['<run-id>', 'the run to roll back', 'run-id']],
    run: async (args, options, context) => (await import('../rollback')).rollbackCommand(args.text(0), options, context),
  }),
  declare({
    name: 'status',
    description: 'where everything is now: writers, members, sync, replication lag, health, and what is not ready for failover',
    args: [['[runbook]', "the runbook whose resources to show (its objectives.rpo is the lag threshold)", 'file']],
    run: async (args, options, context) => (await import('../status')).statusCommand(args.optional(0), options, context),
  }),
  declare({
    name: 'health',
    description: "Route 53 health checks as Route 53 judges them: verdict, each checker region's report, the last change",
    args: [['<health-check-ids...>', 'the health checks to show']],
    run: async (args, options, context) => (await import('../health')).healthCommand(args.list(0), options, context),
  }),
  declare({
    name: 'failover',
    description: 'fail over one global resource now, no runbook file: the same engine, view, journal, lock and report as `drctl run`',
    args: [
      ['<type>', 'aurora, docdb or elasticache', ['aurora', 'docdb', 'elasticache']],
      ['<id>', 'the global cluster or global datastore id'],
    ],
    run: async (args, options, context) => (await import('../failover')).failoverCommand(args.text(0), args.text(1), options, context),
  }),
  declare({
    name: 'report',
    description: 'RTO/RPO report of a run from its journal, or the drill history with --history',
    args: [['[run]', 'run id, run directory or journal.jsonl (default: the newest run); with --history, a runbook name to filter by', 'run-id']],
    run: async (args, options, context) => (await import('../report')).reportCommand(args.optional(0), options, context),
  }),
  declare({
    name: 'drill',
    description: 'game day: run a runbook, verify the end state, optionally fail back, write every report, record the drill',
    args: [['<runbook>', 'the runbook file', 'file']],
    run: async (args, options, context) => (await import('../drill')).drillCommand(args.text(0), options, context),
  }),
  declare({
    name: 'sim serve',
    description: 'run the simulator alone, for the AWS CLI, other tools and game days',
    args: [],
    run: async (_args, options, context) => (await import('../sim')).simServeCommand(options, context),
  }),
  declare({
    name: 'sim world',
    description: 'write the world --sim would generate for a runbook, as YAML to edit',
    args: [['<runbook>', 'the runbook file', 'file']],
    run: async (args, options, context) => (await import('../sim')).simWorldCommand(args.text(0), options, context),
  }),
  declare({
    name: 'arc describe',
    description: "set-up time: read an ARC cluster from ARC's control plane (us-west-2) and print its runbook resources, or --write its endpoints into a runbook",
    args: [['<cluster-arn>', 'the cluster, arn:aws:route53-recovery-control::<account>:cluster/<id>']],
    details: [
      'Run it once, ahead of time, and again when the cluster changes: never during a',
      "failover. ARC's control plane is served from us-west-2 alone; a failover reaches",
      'routing controls through the five regional endpoints this command writes into',
      'the runbook. It only reads (DescribeCluster, ListControlPanels,',
      'ListRoutingControls, ListSafetyRules: IAM route53-recovery-control-config:',
      'Describe* and List*) and changes nothing in AWS.',
      '',
      'Examples:',
      '  drctl arc describe arn:aws:route53-recovery-control::111122223333:cluster/shop',
      '  drctl arc describe <cluster-arn> --write runbooks/shop.yaml --profile prod',
    ].join('\n'),
    run: async (args, options, context) => (await import('../arc')).arcDescribeCommand(args.text(0), options, context),
  }),
  declare({
    name: 'schema',
    description: 'print the JSON Schema of runbooks (for editors and yaml-language-server)',
    args: [],
    run: async (_args, _options, context) => (await import('../schema')).schemaCommand(context),
  }),
  declare({
    name: 'explain',
    description: 'what an error, warning or status code means and what to do about it (--list: every code)',
    args: [['[code]', 'a code drctl printed, e.g. runbook.unknown-key', 'code']],
    run: async (args, options, context) => (await import('../explain')).explainCommand(args.optional(0), options, context),
  }),
  declare({
    name: 'completion',
    description: 'print the shell completion script for bash, zsh or fish, e.g. eval "$(drctl completion bash)"',
    args: [['<shell>', 'bash, zsh or fish', ['bash', 'zsh', 'fish']]],
    run: async (args, _options, context) => (await import('../completion')).completionCommand(args.text(0), context, { commands: COMMAND_TABLE, groups: COMMAND_GROUPS }),
  }),
];
