// drctl health <id ...> [--watch] [--fail-on-unhealthy]: Route 53 health checks judged as Route 53 does,
// with each checker region's report and the last change. --watch refreshes every --interval (never
// faster than 10 s: GetHealthCheckStatus is not meant for high rates) until Ctrl-C.
import type { CommandContext } from './context';
import { type AwsContext, openAwsContext } from './aws-context';
import { DrctlError, ExitCode } from '../src/core/errors';
import { formatDuration } from '../src/core/duration';
import { carryLastChange, readHealthChecks, type HealthCheckReport } from '../src/status/health';
import { healthCheckResources } from '../src/status/targets';
import { healthView } from '../src/ui/health-view';
import type { Output } from '../src/ui/output';
import type { OptionsOf } from './cli/options';
import { awsOptionsOf } from './run-options';
import { listenForInterrupts } from './interrupts';

export type HealthCommandOptions = OptionsOf<'health'>;

const MIN_INTERVAL_MS = 10_000;

function intervalOf(options: HealthCommandOptions): number {
  const ms = options.interval ?? MIN_INTERVAL_MS;
  if (ms < MIN_INTERVAL_MS) {
    throw new DrctlError('health.interval-too-short', `--interval ${formatDuration(ms)} is shorter than 10s`, 'Route 53 says GetHealthCheckStatus is not for high query rates, and checkers report every 10 or 30 s: pass --interval 10s or more.', {
      exitCode: ExitCode.invalidInput,
    });
  }
  return ms;
}

const exitFor = (options: HealthCommandOptions, reports: readonly HealthCheckReport[]) =>
  options.failOnUnhealthy && reports.some((report) => !report.judgement.healthy) ? ExitCode.runFailed : ExitCode.ok;

/** `health --watch --sim` shows a simulated 30 s per real second unless --pace says otherwise. */
export const WATCH_PACE = 30;

export async function healthCommand(ids: string[], options: HealthCommandOptions, { io, output }: CommandContext): Promise<number> {
  const intervalMs = options.watch ? intervalOf(options) : 0;
  const aws = awsOptionsOf(io, options);
  // A watch is for a person to look at: under --sim it runs at a watchable pace unless told otherwise.
  const pace = options.watch && aws.sim ? (aws.pace ?? WATCH_PACE) : aws.pace;
  const context = await openAwsContext({ ...aws, pace, readOnly: true, resources: healthCheckResources(ids) });
  const interrupts = listenForInterrupts();
  try {
    const deps = { ports: context.ports, clock: context.clock, defaultRegion: context.defaultRegion, signal: interrupts.stop };
    const first = await readHealthChecks(deps, ids);
    if (!options.watch) {
      output.answer(healthView, { reports: first, checkedAt: context.clock.now() });
      return exitFor(options, first);
    }
    return await watch(output, options, context, { first, intervalMs, read: () => readHealthChecks(deps, ids), stop: interrupts.stop });
  } finally {
    interrupts.dispose();
    await context.close();
  }
}

interface WatchPlan {
  first: HealthCheckReport[];
  intervalMs: number;
  read: () => Promise<HealthCheckReport[]>;
  stop: AbortSignal;
}

async function watch(output: Output, options: HealthCommandOptions, context: AwsContext, plan: WatchPlan): Promise<number> {
  const screen = output.watch(healthView);
  const seen = new Map<string, number>();
  let reports = plan.first;
  let trouble = '';
  for (;;) {
    screen.show({ reports, checkedAt: context.clock.now() }, `${trouble}refreshing every ${formatDuration(plan.intervalMs)}; Ctrl-C stops`);
    try {
      await context.clock.sleep(plan.intervalMs, plan.stop);
    } catch {
      return exitFor(options, reports); // Ctrl-C: the normal way to stop watching
    }
    try {
      reports = carryLastChange(reports, await plan.read(), context.clock.now(), seen);
      trouble = '';
    } catch (error) {
      // One failed refresh (throttling, a network blip) keeps the last good reading on screen.
      if (!(error instanceof DrctlError)) throw error;
      trouble = `refresh failed: ${error.message}; `;
    }
  }
}
