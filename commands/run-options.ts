// Options shared by run, plan, resume and rollback, and their parsing into what the engine and the AWS
// context take. Every bad value is a DrctlError (exit 2) that names the flag.
import path from 'node:path';
import type { CliIO } from '../src/core/io';
import { DrctlError, ExitCode } from '../src/core/errors';
import { parseDuration } from '../src/core/duration';
import { parseIncidentStart } from '../src/report/incident-start';
import type { OutputFormat } from '../src/ui/choose-reporter';
import { printNotice } from '../src/ui/print';

export interface AwsOptions {
  /** --sim, or --sim <world.yaml>: run against the embedded simulator. */
  sim?: string | boolean;
  /** --pace n: watch a simulated run at n simulated seconds per real second. */
  pace?: number | string;
  /** Deprecated for in-process runs (virtual time): read as --pace, with a notice. */
  timeScale?: number | string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

export interface PlanCommandOptions extends AwsOptions {
  /** --input name=value, repeatable. */
  inputs?: string[];
  output?: OutputFormat;
}

export interface SessionCommandOptions extends AwsOptions {
  /** Approve every approval and the start confirmation (recorded as by "--yes"). */
  yes?: boolean;
  /** Ask before every step. */
  step?: boolean;
  output?: OutputFormat;
  noRollback?: boolean;
  /** Commander's spelling of --no-rollback. */
  rollback?: boolean;
  maxParallel?: number | string;
  /** The whole run must finish within this duration, e.g. 20m. */
  deadline?: string;
  /** How long an approval waits for an answer (default 30m). */
  approvalTimeout?: string;
  /** When the outage began (ISO 8601), for the RTO clock. */
  incidentStart?: string;
  /** Where runs and locks live (default .drctl in the working directory). */
  journalDir?: string;
}

export interface RunCommandOptions extends SessionCommandOptions {
  inputs?: string[];
  dryRun?: boolean;
}

export type ResumeCommandOptions = SessionCommandOptions;

function badOption(flag: string, value: unknown, expected: string, example: string): DrctlError {
  return new DrctlError('cli.bad-option', `${flag} ${String(value)} is not ${expected}`, `Pass it like ${flag} ${example}.`, { exitCode: ExitCode.invalidInput });
}

export function journalDirOf(io: CliIO, options: { journalDir?: string }): string {
  return path.resolve(io.cwd, options.journalDir ?? '.drctl');
}

export function durationOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw badOption(flag, value, 'a duration', '15m');
  return ms;
}

/** `now` is the run's clock (simulated under --sim), so "10m ago" means ten minutes of the run's time. */
export function engineSettings(options: SessionCommandOptions, now: number) {
  const maxParallel = options.maxParallel === undefined ? undefined : Number(options.maxParallel);
  if (maxParallel !== undefined && (!Number.isInteger(maxParallel) || maxParallel < 1)) throw badOption('--max-parallel', options.maxParallel, 'a positive whole number', '10');
  const incidentStart = options.incidentStart === undefined ? undefined : parseIncidentStart(options.incidentStart, now);
  return {
    maxParallel,
    stepMode: options.step === true,
    noRollback: options.noRollback === true || options.rollback === false,
    deadlineMs: durationOption('--deadline', options.deadline),
    approvalTimeoutMs: durationOption('--approval-timeout', options.approvalTimeout),
    incidentStart,
  };
}

/** What the AWS context needs; it checks --sim / --pace itself. */
export function awsOptionsOf(io: CliIO, options: AwsOptions) {
  return { sim: options.sim, pace: paceOf(io, options), profile: options.profile, region: options.region, endpointUrl: options.endpointUrl, cwd: io.cwd };
}

/**
 * --time-scale once compressed a wall clock; under --sim time is virtual now and a run goes as fast as drctl
 * can, so the old flag means the speed to watch at (--pace), and says so. `drctl sim serve` keeps it.
 */
function paceOf(io: CliIO, options: AwsOptions): number | string | undefined {
  if (options.timeScale === undefined) return options.pace;
  if (!options.sim) {
    throw new DrctlError('cli.time-scale-needs-sim', '--time-scale only applies to the simulator', 'Add --sim, or drop --time-scale.', { exitCode: ExitCode.invalidInput });
  }
  printNotice(io, `--time-scale is deprecated with --sim: simulated time is virtual and runs as fast as drctl can; read as --pace ${String(options.timeScale)} (watch at that many simulated seconds per real second).`);
  return options.pace ?? options.timeScale;
}

/** The region actions ask last about a global resource: --region, then the environment. */
export function defaultRegionOf(io: CliIO, options: AwsOptions): string | undefined {
  return options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
}

/** The runbook path as the command's working directory sees it. */
export function runbookPath(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}
