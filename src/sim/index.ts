// The simulator's public API: a loopback, multi-region AWS that fails over, for `--sim` runs, game days
// and tests. Point every SDK client at `endpoint` with SIM_CREDENTIALS; share `clock` with drctl so its
// own waits are compressed by the same time scale.
import { createScaledClock, DEFAULT_SIM_TIME_SCALE, type SimClock } from './clock';
import { listen } from './http/server';
import { SimWorld } from './world';
import type { WorldSpec } from './world-spec';

export interface StartSimulatorOptions {
  world: WorldSpec;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: the simulator accepts any credentials, so it stays on loopback unless asked. */
  host?: string;
  /** Simulated ms per real ms; DEFAULT_SIM_TIME_SCALE when omitted. Ignored when a clock is given. */
  timeScale?: number;
  /** A clock to run on (a ManualClock in tests). */
  clock?: SimClock;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234; serves RDS, DocumentDB, ElastiCache, Route 53 and CloudWatch. */
  endpoint: string;
  clock: SimClock;
  /** The live world: writers, primaries, health, operations with completion times, request counts. */
  world: SimWorld;
  close(): Promise<void>;
}

/** The simulator accepts any signature; these are what drctl and the examples use. */
export const SIM_CREDENTIALS = { accessKeyId: 'AKIDSIM', secretAccessKey: 'sim' } as const;

/** How often, in real time, a scaled world runs its due transitions even when nobody asks (live output). */
const TICK_MS = 200;

export async function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const start = options.world.spec.start ? Date.parse(options.world.spec.start) : undefined;
  const clock = options.clock ?? createScaledClock({ timeScale: options.timeScale ?? DEFAULT_SIM_TIME_SCALE, start });
  const world = new SimWorld(options.world, clock);
  const server = await listen(world, { port: options.port, host: options.host });
  const ticker = clock.timeScale ? setInterval(() => world.settle(), TICK_MS) : undefined;
  ticker?.unref();
  return {
    endpoint: server.endpoint,
    clock,
    world,
    close: async () => {
      if (ticker) clearInterval(ticker);
      await server.close();
    },
  };
}

/** Shell lines that show how to reach a running simulator with the AWS CLI. */
export function awsCliExample(endpoint: string, region = 'us-west-2'): string[] {
  return [
    `export AWS_ACCESS_KEY_ID=${SIM_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${SIM_CREDENTIALS.secretAccessKey} AWS_DEFAULT_REGION=${region}`,
    `aws rds describe-global-clusters --endpoint-url ${endpoint}`,
  ];
}

export { createScaledClock, DEFAULT_SIM_TIME_SCALE, ManualClock, type SimClock } from './clock';
export { VirtualClock, type VirtualClockOptions } from './virtual-clock';
export { mulberry32 } from './random';
export { createWorld, SimWorld, type RequestCount, type WorldSummary } from './world';
export { generateWorld, type GenerateOptions } from './world-generate';
export { loadWorld, parseWorld, worldToYaml } from './world-file';
export { WorldDocument, type WorldSpec, type WorldSpecInput } from './world-spec';
export { FaultSpec, type FaultSpecInput } from './world-faults-spec';
export { DEFAULT_DURATIONS, DURATION_KEYS, type DurationKey } from './world-durations';
export type { OperationRecord, RequestRecord } from './world-state';
