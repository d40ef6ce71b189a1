// Where a command's AWS comes from: the real account (standard credential chain, --profile, --region,
// --endpoint-url) or, with --sim, the embedded simulator started in-process. Either way the command gets
// the same ports and a clock; under --sim the clock is the simulator's, so drctl's own waits are
// compressed by the same time scale and every figure it reports stays in simulated time.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiCallRecord } from '../src/core/api-calls';
import type { AwsPorts } from '../src/core/services/catalogue';
import { systemClock, type Clock } from '../src/core/clock';
import { DrctlError, ExitCode } from '../src/core/errors';
import type { Resource } from '../src/core/resources';

export interface AwsContextOptions {
  /** true: a world generated from the resources; a string: a world file. */
  sim?: string | boolean;
  timeScale?: number | string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  readOnly: boolean;
  resources: Record<string, Resource>;
  onCall?: (record: ApiCallRecord) => void;
  /** Resolves a relative world file; defaults to the process's working directory. */
  cwd?: string;
}

export interface AwsContext {
  ports: AwsPorts;
  clock: Clock;
  simulated: boolean;
  /** The simulator's endpoint under --sim, for messages. */
  endpoint?: string;
  /** Under --sim: run the clock at real time until the release is called (while a person answers). */
  atHumanPace?: () => () => void;
  close(): Promise<void>;
}

export async function openAwsContext(options: AwsContextOptions): Promise<AwsContext> {
  const { createAwsPorts, preloadSdkModules } = await import('../src/aws/index');
  if (!options.sim) {
    if (options.timeScale !== undefined) {
      throw new DrctlError('cli.time-scale-needs-sim', '--time-scale only applies to the simulator', 'Add --sim, or drop --time-scale.', { exitCode: ExitCode.invalidInput });
    }
    const ports = createAwsPorts({ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl, readOnly: options.readOnly, onCall: options.onCall });
    return { ports, clock: systemClock, simulated: false, close: async () => ports.close() };
  }
  if (options.endpointUrl || options.profile) {
    throw new DrctlError('cli.sim-and-aws', '--sim cannot be combined with --endpoint-url or --profile', 'Use --sim for the embedded simulator, or --endpoint-url to reach `drctl sim serve` or another endpoint.', { exitCode: ExitCode.invalidInput });
  }
  const sim = await import('../src/sim/index');
  const world = typeof options.sim === 'string' ? await readWorld(sim.loadWorld, options.sim, options.cwd) : sim.generateWorld(options.resources);
  await preloadSdkModules();
  const running = await sim.startSimulator({ world, timeScale: parseTimeScale(options.timeScale) ?? sim.DEFAULT_SIM_TIME_SCALE });
  const ports = createAwsPorts({ endpointUrl: running.endpoint, credentials: sim.SIM_CREDENTIALS, region: options.region ?? 'us-east-1', readOnly: options.readOnly, onCall: options.onCall });
  return {
    ports,
    clock: running.clock,
    simulated: true,
    endpoint: running.endpoint,
    atHumanPace: running.clock.atHumanPace?.bind(running.clock),
    close: async () => {
      ports.close();
      await running.close();
    },
  };
}

export function parseTimeScale(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10_000) {
    throw new DrctlError('cli.bad-option', `--time-scale ${String(value)} is not a speed-up between 1 and 10000`, 'Pass it like --time-scale 60 (one real second is a simulated minute), or --time-scale 1 for real time.', { exitCode: ExitCode.invalidInput });
  }
  return scale;
}

async function readWorld<T>(load: (text: string, fileName: string) => T, file: string, cwd = process.cwd()): Promise<T> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DrctlError('sim.world-unreadable', `the world file ${file} cannot be read (${code === 'ENOENT' ? 'it does not exist' : code ?? 'unknown error'})`, 'Pass a world file written by `drctl sim world <runbook>`, or --sim alone to generate one from the runbook.', { exitCode: ExitCode.invalidInput });
  }
  return load(text, file);
}
