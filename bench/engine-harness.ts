// Runs a runbook through drctl's engine in-process against the simulator, with the real SDK clients over
// loopback HTTP, and keeps everything the figures are read from: the run's events, the world (operations
// with completion times, every request) and the real time it took. On the virtual clock, time jumps to
// the next sleeper only when no AWS call is in flight (ManualClock.advanceToNextWake, driven by driveUntilSettled below).
import { actionCatalogue } from '../src/actions/catalogue';
import { createAwsPorts, preloadSdkModules } from '../src/aws/index';
import type { AwsPorts } from '../src/core/services/catalogue';
import type { RunEvent } from '../src/core/events';
import type { OperatorPort } from '../src/core/operator';
import { ApiCallFeed, runRunbook, type RunResult } from '../src/engine/index';
import { resolveInputs } from '../src/runbook/inputs';
import { checkRunbookText } from '../src/runbook/load';
import type { RunbookDocument } from '../src/runbook/schema';
import { generateWorld, ManualClock, SIM_CREDENTIALS, startSimulator, type FaultSpecInput, type SimWorld } from '../src/sim/index';
import { InFlight, trackPorts } from './in-flight';

export interface HarnessOptions {
  file: string;
  text: string;
  /** The world's seed: each seed draws its own operation durations, so runs over seeds differ. */
  seed: number;
  faults?: FaultSpecInput[];
  maxParallel?: number;
  /** virtual: time moves only when drctl waits; a number: the simulator's time scale (the CLI's --sim is 30). */
  time: 'virtual' | number;
}

export interface HarnessRun {
  runId: string;
  document: RunbookDocument;
  events: RunEvent[];
  result: RunResult;
  world: SimWorld;
  realMs: number;
}

/** The operator behind --yes: approves everything, never asks about steps. */
const approveEverything: OperatorPort = {
  approve: async () => ({ approved: true, by: 'bench' }),
  confirmStep: async () => 'run',
};

export function parseRunbook(file: string, text: string): RunbookDocument {
  const checked = checkRunbookText(file, text, actionCatalogue);
  if (!checked.document) throw new Error(`bench: ${file} is not a valid runbook: ${checked.problems.map((problem) => problem.message).join('; ')}`);
  return checked.document;
}

export async function runInProcess(options: HarnessOptions): Promise<HarnessRun> {
  const document = parseRunbook(options.file, options.text);
  // Loaded before the clock starts, as the CLI does: loading is not part of any run.
  await preloadSdkModules();
  // Time moves only when drctl waits with no call in flight (driveUntilSettled): orchestration alone counts.
  const clock = options.time === 'virtual' ? new ManualClock() : undefined;
  const timeScale = options.time === 'virtual' ? undefined : options.time;
  const world = generateWorld(document.spec.resources ?? {}, { seed: options.seed });
  const sim = await startSimulator({ world, clock, timeScale });
  for (const fault of options.faults ?? []) sim.world.injectFault(fault);
  const calls = new ApiCallFeed();
  const ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, region: 'us-east-1', readOnly: false, onCall: (call) => calls.push(call) });
  const inFlight = new InFlight();
  const events: RunEvent[] = [];
  const runId = `bench-seed-${options.seed}`;
  const started = performance.now();
  try {
    const running = runRunbook(
      { runId, file: options.file, document, inputs: resolveInputs(document, {}), maxParallel: options.maxParallel },
      { clock: sim.clock, ports: trackPorts(ports, inFlight) satisfies AwsPorts, sink: { emit: (event) => events.push(event) }, operator: approveEverything, actions: actionCatalogue, apiCalls: calls, defaultRegion: 'us-east-1' },
    );
    const result = clock ? await driveUntilSettled(running, clock, inFlight) : await running;
    return { runId, document, events, result, world: sim.world, realMs: performance.now() - started };
  } finally {
    ports.close();
    await sim.close();
  }
}

/** Moves the virtual clock whenever drctl is only waiting, until the run settles. */
async function driveUntilSettled<T>(running: Promise<T>, clock: ManualClock, inFlight: InFlight): Promise<T> {
  let settled = false;
  const done = running.finally(() => {
    settled = true;
  });
  // A rejection is returned below; until then, keep Node from reporting it as unhandled.
  done.catch(() => undefined);
  while (!settled) {
    await inFlight.idle();
    if (settled) break;
    if (!(await clock.advanceToNextWake())) {
      // Nobody sleeps and no call is in flight, yet the run is not over: give pending I/O a moment.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!settled && inFlight.count === 0 && !(await clock.advanceToNextWake())) throw new Error('bench: the run is stuck (no call in flight, nobody sleeping)');
    }
  }
  return done;
}
