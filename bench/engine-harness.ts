// Runs a runbook through drctl's engine in-process against the simulator, with the real SDK clients over
// loopback HTTP, and keeps everything the figures are read from: the run's events, the world (operations
// with completion times, every request) and the real time it took. It runs on --sim's own virtual clock,
// held by every AWS call in flight, so only drctl's orchestration counts, never its CPU time.
import { actionCatalogue } from '../src/actions/catalogue';
import { createAwsPorts, preloadSdkModules } from '../src/aws/index';
import type { AwsPorts } from '../src/core/services/catalogue';
import type { RunEvent } from '../src/core/events';
import type { OperatorPort } from '../src/core/operator';
import { ApiCallFeed, runRunbook, type RunResult } from '../src/engine/index';
import { resolveInputs } from '../src/runbook/inputs';
import { checkRunbookText } from '../src/runbook/load';
import type { RunbookDocument } from '../src/runbook/schema';
import { createHttpProbe } from '../src/net/http-probe';
import { generateWorld, SIM_CREDENTIALS, startSimulator, VirtualClock, type FaultSpecInput, type SimWorld } from '../src/sim/index';

export interface HarnessOptions {
  file: string;
  text: string;
  /** The world's seed: each seed draws its own operation durations, so runs over seeds differ. */
  seed: number;
  faults?: FaultSpecInput[];
  maxParallel?: number;
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

export async function parseRunbook(file: string, text: string): Promise<RunbookDocument> {
  const checked = await checkRunbookText(file, text, actionCatalogue);
  if (!checked.document) throw new Error(`bench: ${file} is not a valid runbook: ${checked.problems.map((problem) => problem.message).join('; ')}`);
  return checked.document;
}

export async function runInProcess(options: HarnessOptions): Promise<HarnessRun> {
  const document = await parseRunbook(options.file, options.text);
  // Loaded before the clock starts, as the CLI does: loading is not part of any run.
  await preloadSdkModules();
  const clock = new VirtualClock({ start: Date.UTC(2026, 0, 5, 9, 0, 0) });
  const world = generateWorld(document.spec.resources ?? {}, { seed: options.seed });
  const sim = await startSimulator({ world, clock });
  for (const fault of options.faults ?? []) sim.world.injectFault(fault);
  const calls = new ApiCallFeed();
  const ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, region: 'us-east-1', readOnly: false, onCall: (call) => calls.push(call), holdClock: () => clock.hold(), clockNow: () => clock.now() });
  // The application's probes go to the simulator's regional endpoints, holding the clock like AWS calls.
  const http = createHttpProbe({ holdClock: () => clock.hold(), route: (url) => sim.app.routeProbe(url) });
  const events: RunEvent[] = [];
  const runId = `bench-seed-${options.seed}`;
  const started = performance.now();
  try {
    const result = await runRunbook(
      { runId, file: options.file, document, inputs: resolveInputs(document, {}), maxParallel: options.maxParallel },
      { clock, ports: ports satisfies AwsPorts, http, sink: { emit: (event) => events.push(event) }, operator: approveEverything, actions: actionCatalogue, apiCalls: calls, defaultRegion: 'us-east-1' },
    );
    return { runId, document, events, result, world: sim.world, realMs: performance.now() - started };
  } finally {
    ports.close();
    clock.close();
    await sim.close();
  }
}
