// The simulator's public API: a loopback, multi-region AWS that fails over, for `--sim` runs, game days
// and tests. Point every SDK client at `endpoint` with SIM_CREDENTIALS. In process, share a VirtualClock
// with drctl; served, the world lives on the wall clock and its spans are timeScale times shorter.
import { createWallClock, DEFAULT_SIM_TIME_SCALE, type SimClock } from './clock';
import { listen } from './http/server';
import { listenAppEndpoints, type AppEndpoints } from './http/app-endpoints';
import { SimWorld } from './world';
import type { WorldSpec } from './world-spec';

export interface StartSimulatorOptions {
  world: WorldSpec;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: the simulator accepts any credentials, so it stays on loopback unless asked. */
  host?: string;
  /**
   * How many times faster than declared the world runs: every span (operations, checker rounds, metric
   * periods, fault windows) is that many times shorter. Default: DEFAULT_SIM_TIME_SCALE on the wall clock,
   * 1 on a clock given (virtual time needs no speed-up).
   */
  timeScale?: number;
  /** A clock to run on (the VirtualClock of --sim, a ManualClock in tests); the wall clock otherwise. */
  clock?: SimClock;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234; serves RDS, DocumentDB, ElastiCache, Route 53 and CloudWatch. */
  endpoint: string;
  clock: SimClock;
  /** How many times shorter the world's spans are than declared (1 on a virtual or manual clock). */
  timeScale: number;
  /** The live world: writers, primaries, health, operations with completion times, request counts. */
  world: SimWorld;
  /** The application's loopback endpoint per region, and where a probe of a name the world knows goes now. */
  app: Pick<AppEndpoints, 'byRegion' | 'routeProbe'>;
  close(): Promise<void>;
}

/** The simulator accepts any signature; these are what drctl and the examples use. */
export const SIM_CREDENTIALS = { accessKeyId: 'AKIDSIM', secretAccessKey: 'sim' } as const;

/** How often, in real time, a served world runs its due transitions even when nobody asks (live output). */
const TICK_MS = 200;

export async function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const timeScale = options.timeScale ?? (options.clock ? 1 : DEFAULT_SIM_TIME_SCALE);
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError(`time scale must be a positive number, got ${timeScale}`);
  const clock = options.clock ?? createWallClock();
  const world = new SimWorld(options.world, clock, timeScale);
  const app = await listenAppEndpoints(world, options.host);
  const server = await listen(world, { port: options.port, host: options.host, routeProbe: app.routeProbe });
  // On the wall clock nobody else moves time: run due transitions now and then, for live output.
  const ticker = options.clock ? undefined : setInterval(() => world.settle(), TICK_MS);
  ticker?.unref();
  return {
    endpoint: server.endpoint,
    clock,
    timeScale,
    world,
    app,
    close: async () => {
      if (ticker) clearInterval(ticker);
      await Promise.all([server.close(), app.close()]);
    },
  };
}

export { createWallClock, DEFAULT_SIM_TIME_SCALE, ManualClock, type SimClock } from './clock';
export { VirtualClock, type VirtualClockOptions } from './virtual-clock';
export { mulberry32 } from './random';
export { createWorld, SimWorld, type RequestCount, type WorldSummary } from './world';
export { generateWorld, type GenerateOptions } from './world-generate';
export { worldLeftBy, type LeftByRun } from './world-resume';
export { loadWorld, parseWorld, worldToYaml } from './world-file';
export { WorldDocument, type WorldSpec, type WorldSpecInput } from './world-spec';
export { FaultSpec, type FaultSpecInput } from './world-faults-spec';
export { DEFAULT_DURATIONS, DURATION_KEYS, type DurationKey } from './world-durations';
export type { OperationRecord, RequestRecord } from './world-state';
