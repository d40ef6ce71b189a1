// Scale: a runbook of 500 steps over 200 resources must validate and plan in under a second. Measured
// in-process (drctl's own work: checkRunbookText; planRunbook against a fresh simulator with fresh SDK
// clients, as one CLI run has) and through the binary (what the engineer waits for, start-up included).
import { actionCatalogue } from '../src/actions/catalogue';
import { createAwsPorts, preloadSdkModules } from '../src/aws/index';
import { planRunbook } from '../src/engine/index';
import { resolveInputs } from '../src/runbook/inputs';
import { checkRunbookText } from '../src/runbook/load';
import { generateWorld, SIM_CREDENTIALS, startSimulator } from '../src/sim/index';
import { parseRunbook } from './engine-harness';
import { figure, unmeasured, type Budget, type Figure } from './figure';
import { SCALE_RESOURCES, SCALE_STEPS } from './generate';
import { BIN, timeRepeatedly } from './spawn';

const SECTION = `scale (${SCALE_STEPS} steps, ${SCALE_RESOURCES} resources)`;
const UNDER_A_SECOND: Budget = { max: 1000, text: '< 1000 ms' };

async function timeInProcess(runs: number, warmups: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < warmups + runs; run++) {
    const started = performance.now();
    await work();
    if (run >= warmups) samples.push(performance.now() - started);
  }
  return samples;
}

function validateOnce(file: string, text: string): void {
  const checked = checkRunbookText(file, text, actionCatalogue);
  if (!checked.document) throw new Error(`bench: the scale runbook is invalid: ${checked.problems[0]?.message ?? '?'}`);
}

/** One `drctl plan --sim` worth of work, minus process start: simulator, clients, preflight, 500 step plans. Returns the AWS calls made. */
async function planOnce(file: string, text: string): Promise<number> {
  const document = parseRunbook(file, text);
  const sim = await startSimulator({ world: generateWorld(document.spec.resources ?? {}) });
  const ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, region: 'us-east-1', readOnly: true });
  try {
    const result = await planRunbook({ runId: 'bench-plan', file, document, inputs: resolveInputs(document, {}) }, { clock: sim.clock, ports, sink: { emit: () => undefined }, actions: actionCatalogue, defaultRegion: 'us-east-1' });
    if (!result.ok) throw new Error(`bench: the scale runbook does not plan: ${result.steps.find((step) => step.error)?.error?.message ?? 'preflight failed'}`);
    return sim.world.requests.length;
  } finally {
    ports.close();
    await sim.close();
  }
}

export async function measureScale(file: string, text: string): Promise<Figure[]> {
  // The SDK is loaded once per process; the binary rows below include it, these do not.
  await preloadSdkModules();
  const row = (id: string, label: string, samples: number[], note?: string) => figure({ id: `scale.${id}`, section: SECTION, label, unit: 'ms', samples, budget: UNDER_A_SECOND, note });
  let calls = 0;
  const planSamples = await timeInProcess(5, 1, async () => (calls = await planOnce(file, text)));
  const figures = [
    row('validate', 'validate, in-process', await timeInProcess(7, 1, () => validateOnce(file, text))),
    row('plan', 'plan against the simulator, in-process', planSamples, `${calls} AWS reads to the simulator; fresh simulator and SDK clients per run, as one \`drctl plan --sim\` has`),
  ];
  const binary = async (id: string, label: string, args: string[], repeat: { runs: number; warmups: number }) => {
    const timings = await timeRepeatedly(process.execPath, [BIN, ...args], repeat);
    return timings.ok ? row(id, label, timings.samples, 'the binary: process start included') : unmeasured({ id: `scale.${id}`, section: SECTION, label, unit: 'ms', budget: UNDER_A_SECOND, note: `failed: ${timings.error}` });
  };
  figures.push(await binary('validate-cli', 'drctl validate <generated>', ['validate', file], { runs: 7, warmups: 1 }));
  figures.push(await binary('plan-cli', 'drctl plan <generated> --sim', ['plan', file, '--sim'], { runs: 3, warmups: 1 }));
  return figures;
}
