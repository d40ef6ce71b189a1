// drctl sim serve: the simulator on its own, for the AWS CLI, other tools and game days across commands.
// drctl sim world <runbook>: write the world --sim would generate, as YAML to edit (faults, durations).
import type { OptionsOf } from './cli/options';
import type { CommandContext } from './context';
import { appendFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isMutatingOperation, SERVICE_IDS, type Service } from '../src/core/services/catalogue';
import type { RequestRecord } from '../src/sim/index';
import path from 'node:path';
import { readWorld } from './aws-context';
import { DrctlError, ExitCode } from '../src/core/errors';
import { loadRunbookFile } from '../src/runbook/load';
import { simBanner, simMilestone } from '../src/ui/sim-view';

export type SimServeOptions = OptionsOf<'sim serve'>;

export async function simServeCommand(options: SimServeOptions, { io, actions, output }: CommandContext, stop: Promise<unknown> = interrupted()): Promise<number> {
  const sim = await import('../src/sim/index');
  const world = await worldFor(options, { io, actions });
  const timeScale = options.timeScale ?? sim.DEFAULT_SIM_TIME_SCALE;
  const running = await sim.startSimulator({ world, port: options.port ?? 0, host: options.host, timeScale });
  const { style } = output.screen;
  const summary = running.world.summary();
  // Start where the writers are: the region an operator would have configured before the failover.
  const region = summary.globalClusters[0]?.writerRegion ?? summary.datastores[0]?.primaryRegion ?? 'us-east-1';
  output.write(simBanner({ endpoint: running.endpoint, credentials: sim.SIM_CREDENTIALS, region, runbook: options.runbook }, timeScale, summary, style));
  const unsubscribe = running.world.onMilestone((operation, what) => output.write(simMilestone(running.clock.now(), operation.resource, operation.operation, what, style)));
  const stopLogging = options.requestLog ? logRequests(running.world, path.resolve(io.cwd, options.requestLog)) : () => undefined;
  await stop;
  stopLogging();
  unsubscribe();
  await running.close();
  output.write('simulator stopped');
  return ExitCode.ok;
}

/**
 * The simulator's own account of every request, appended as it arrives (and so complete up to the last
 * request even if drctl is killed): what `npm run soak` counts mutating calls from, never drctl's journal.
 */
function logRequests(world: { onRequest(listener: (request: RequestRecord) => void): () => void }, file: string): () => void {
  try {
    appendFileSync(file, '');
  } catch (error) {
    throw new DrctlError('sim.request-log-unwritable', `cannot write the request log ${file}: ${(error as Error).message}`, 'Pass --request-log a file in a directory you can write to.', { exitCode: ExitCode.invalidInput });
  }
  return world.onRequest((request) => {
    // The application's own endpoints log their GETs too (service "app"): never an AWS change.
    const service = request.service as Service;
    const mutating = SERVICE_IDS.includes(service) && isMutatingOperation(service, request.operation);
    appendFileSync(file, `${JSON.stringify({ ...request, at: new Date(request.at).toISOString(), mutating })}\n`);
  });
}

export async function simWorldCommand(runbook: string, options: OptionsOf<'sim world'>, { io, actions, output }: CommandContext): Promise<number> {
  const sim = await import('../src/sim/index');
  const { document } = await loadRunbookFile(path.resolve(io.cwd, runbook), actions);
  const yaml = sim.worldToYaml(sim.generateWorld(document.spec.resources ?? {}, { name: document.metadata.name }));
  const header = `# World for ${runbook}: edit regions, durations and faults, then run with --sim <this file>.\n`;
  if (options.out) {
    await writeFile(path.resolve(io.cwd, options.out), header + yaml);
    output.write(`wrote ${options.out}`);
  } else {
    output.write(header + yaml);
  }
  return ExitCode.ok;
}

async function worldFor(options: SimServeOptions, { io, actions }: Pick<CommandContext, 'io' | 'actions'>) {
  const sim = await import('../src/sim/index');
  if (options.world) return readWorld(sim.loadWorld, options.world, io.cwd);
  if (options.runbook) {
    const { document } = await loadRunbookFile(path.resolve(io.cwd, options.runbook), actions);
    return sim.generateWorld(document.spec.resources ?? {}, { name: document.metadata.name });
  }
  throw new DrctlError('sim.no-world', 'the simulator needs a world', 'Pass --runbook <runbook> to generate one from its resources, or --world <file> (see `drctl sim world`).', { exitCode: ExitCode.invalidInput });
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
