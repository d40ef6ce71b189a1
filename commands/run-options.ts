// What run, plan, resume, rollback, failover and drill do with the options they share: the engine's
// settings, the AWS context's options, the journal directory. The options arrive parsed (cli/options.ts).
import path from 'node:path';
import type { CliIO } from '../src/core/io';
import { parseIncidentStart } from '../src/report/incident-start';
import { shellWord } from '../src/core/shell-word';
import type { OptionsOf } from './cli/options';

/** --sim, --pace, --profile, --region, --endpoint-url: how every AWS command reaches AWS. */
export type AwsOptions = Pick<OptionsOf<'plan'>, 'sim' | 'pace' | 'profile' | 'region' | 'endpointUrl'>;

/**
 * What a session of a run takes (rollback takes nothing else; resume adds --no-rollback; run, failover
 * and drill take more).
 */
export type SessionCommandOptions = OptionsOf<'rollback'> & Partial<Pick<OptionsOf<'resume'>, 'rollback'>>;

export function journalDirOf(io: CliIO, options: { journalDir?: string }): string {
  return path.resolve(io.cwd, options.journalDir ?? '.drctl');
}

/** `now` is the run's clock (simulated under --sim), so "10m ago" means ten minutes of the run's time. */
export function engineSettings(options: SessionCommandOptions, now: number) {
  return {
    maxParallel: options.maxParallel,
    stepMode: options.step,
    noRollback: options.rollback === false,
    deadlineMs: options.deadline,
    approvalTimeoutMs: options.approvalTimeout,
    incidentStart: options.incidentStart === undefined ? undefined : parseIncidentStart(options.incidentStart, now),
  };
}

/** What the AWS context needs; it checks --sim / --pace itself, and picks the default region (AwsContext.defaultRegion). */
export function awsOptionsOf(io: CliIO, options: AwsOptions) {
  return { sim: options.sim, pace: options.pace, profile: options.profile, region: options.region, endpointUrl: options.endpointUrl, cwd: io.cwd, env: io.env };
}

/**
 * The flags that decide which AWS a command acts on, as typed, to repeat in the command a plan says to
 * run next (--pace only sets how fast to watch, so it is left out).
 */
export function awsFlagsOf(options: AwsOptions): string[] {
  const flags: string[] = [];
  if (options.sim !== undefined) flags.push(options.sim === true ? '--sim' : `--sim ${shellWord(String(options.sim))}`);
  if (options.profile !== undefined) flags.push(`--profile ${shellWord(options.profile)}`);
  if (options.region !== undefined) flags.push(`--region ${shellWord(options.region)}`);
  if (options.endpointUrl !== undefined) flags.push(`--endpoint-url ${shellWord(options.endpointUrl)}`);
  return flags;
}

/** The runbook path as the command's working directory sees it. */
export function runbookPath(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}
