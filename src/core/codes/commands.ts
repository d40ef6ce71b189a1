// Codes of the command line itself and of the commands' own checks (before any runbook or AWS is read).
import { errorCodes } from './define';

export const cliCodes = errorCodes({
  'cli.usage': { meaning: 'The command line does not parse: an unknown command or option, or a missing argument.', action: 'Run `drctl <command> --help` for the usage.' },
  'cli.unknown-option': { meaning: 'The command does not take this option (often a typo: the message suggests the nearest one).', action: 'Run `drctl <command> --help` for its options.' },
  'cli.missing-argument': { meaning: 'The command needs an argument that was not given (a runbook, a run id).', action: 'Run `drctl <command> --help` for its arguments.' },
  'cli.missing-option-value': { meaning: 'An option that takes a value was given without one.', action: 'Give the value after the option, e.g. --journal-dir .drctl.' },
  'cli.missing-option': { meaning: 'The command needs an option that was not given (e.g. `drctl failover` without --to).', action: 'Run `drctl <command> --help` for its required options.' },
  'cli.unknown-command': { meaning: 'There is no drctl command of this name.', action: 'Run `drctl --help` for the commands.' },
  'cli.too-many-arguments': { meaning: 'The command was given more arguments than it takes.', action: 'Run `drctl <command> --help`; quote values that contain spaces.' },
  'cli.bad-option': { meaning: 'An option has a value drctl cannot use (not a duration, not a number, not one of its choices).', action: 'Pass it as the message and hint show; `drctl <command> --help` lists every option.' },
  'cli.bad-incident-start': { meaning: '--incident-start is neither an ISO time with a zone nor a duration ago.', action: 'Give it like 2026-01-05T08:55:00Z or "10m ago".' },
  'cli.needs-yes': { meaning: 'The command would change AWS or ask for an approval, and there is no one to ask: no terminal, or CI is set.', action: 'Pass --yes in automation (approvals are journaled as given by "--yes"), or run it at a terminal (with CI unset).' },
  'cli.needs-tty': { meaning: '--step asks before every step, which needs an interactive terminal outside CI.', action: 'Run it at a terminal (with CI unset), or leave out --step.' },
  'cli.no-answer': { meaning: 'The terminal closed before a question was answered.', action: 'Answer the question, or pass --yes in automation.' },
  'cli.sim-and-aws': { meaning: '--sim cannot be combined with --endpoint-url or --profile.', action: 'Use --sim for the embedded simulator, or --endpoint-url for `drctl sim serve` or another endpoint.' },
  'cli.pace-needs-sim': { meaning: '--pace only applies to the simulator: against AWS every second is a real one.', action: 'Add --sim, or drop --pace.' },
  'cli.unknown-code': { meaning: '`drctl explain` was given a code drctl does not have.', action: 'Use the suggested code, or list them all with `drctl explain --list`.' },
  'cli.bug': { meaning: 'drctl hit a bug: this is not your mistake.', action: 'Report it with the text printed (it includes the stack).' },
});

export const commandCodes = errorCodes({
  'status.nothing-to-show': { meaning: '`drctl status` was given neither a runbook nor a --resource.', action: 'Pass a runbook, or --resource aurora:<id> (repeatable).' },
  'status.nothing-read': { meaning: '`drctl status` could read none of the resources (exit 1): no credentials, no access, or AWS unreachable.', action: 'Fix what the first error says (its code and hint are printed), then run again.' },
  'status.bad-resource': { meaning: 'A --resource is not type:id with a type drctl knows.', action: 'Write it as aurora:<id>, docdb:<id>, elasticache:<id> or health-check:<id>.' },
  'health.interval-too-short': { meaning: '--interval is shorter than 10 s; Route 53 health status is not meant for high query rates.', action: 'Pass --interval 10s or more.' },
  'failover.bad-argument': { meaning: "`drctl failover`'s type or --mode is not one drctl knows.", action: 'Use one of the values in the hint.' },
  'failover.bad-region': { meaning: '--to is not an AWS region.', action: 'Pass the region whose secondary should take over, e.g. --to us-west-2.' },
  'failover.bad-max-lag': { meaning: '--max-lag is not a duration.', action: 'Pass it like --max-lag 5s or --max-lag 500ms.' },
  'failover.max-lag-planned': { meaning: '--max-lag was given for a planned switchover, which loses no data.', action: 'Drop --max-lag, or use it with --mode unplanned or --mode detach.' },
  'failover.invalid': { meaning: 'The one-resource runbook built from the command line is invalid.', action: 'Check the values passed on the command line.' },
  'drill.failback-incomplete': { meaning: 'The runbook run back with from/to swapped would leave something the failover changed as the failover left it (a region or a record written into the runbook), so the drill did not run it.', action: 'Give the drill a failback runbook (--failback <file>, or metadata.labels.failback), or derive those values from the inputs.' },
  'drill.no-failback': { meaning: '--failback has no runbook to run back: none given, no `failback` label, and no "to" input to swap.', action: 'Pass --failback <file>, or name it as metadata.labels.failback in the runbook.' },
  'report.not-found': { meaning: 'The report target is neither a run id, a run directory nor a journal file.', action: 'Pass a run id (see .drctl/runs/) or the path of a journal.jsonl.' },
  'report.no-runs': { meaning: 'There are no runs in the journal directory to report on.', action: 'Run a runbook first, or pass a run id or journal file, and --journal-dir if the runs live elsewhere.' },
  'schema.missing': { meaning: 'The runbook schema file (schema/runbook-v1.json) is missing from this installation.', action: 'Reinstall drctl; the schema ships in the package.' },
  'sim.no-world': { meaning: '`drctl sim serve` was given neither a runbook nor a world file.', action: 'Pass --runbook <runbook> or --world <file> (see `drctl sim world`).' },
  'sim.request-log-unwritable': { meaning: '`drctl sim serve --request-log` cannot write the file given.', action: 'Pass a file in a directory you can write to.' },
  'sim.world-unreadable': { meaning: 'The world file cannot be read.', action: 'Check the path; `drctl sim world <runbook> --out-file world.yaml` writes one to start from.' },
  'sim.world-syntax': { meaning: 'The world file is not valid YAML.', action: 'Fix the YAML at the line and column shown.' },
  'sim.unknown-key': { meaning: 'The world file has a key the simulator does not know.', action: 'Fix or remove it; `drctl sim world <runbook>` writes a complete example.' },
  'sim.invalid-world': { meaning: 'The world file does not describe a valid world.', action: 'Fix the value at the place shown; `drctl sim world <runbook>` writes a complete example.' },
});
