// Growth: validate and plan must grow linearly with a runbook's size (DESIGN.md "Budgets": 2,000 steps
// validate in under a second, 500 stores plan in under 5 s). In process, in CPU time (the process's own,
// threads included), which a busy shared machine moves far less than wall time:
// - validate: checkRunbookText on the scale runbook of N steps (generate.ts), median of several runs;
// - plan: planRunbook on a failover over N stores against a fresh simulator with fresh SDK clients, as
//   one `drctl plan --sim` has them, minus process start; one run per size.
// Linear means the cost per step (or store) stays flat from 100 to 2,000; quadratic would make it 20x.
import { actionCatalogue } from '../src/actions/catalogue';
import { createAwsPorts, preloadSdkModules } from '../src/aws/index';
import { planRunbook } from '../src/engine/index';
import { resolveInputs } from '../src/runbook/inputs';
import { checkRunbookText } from '../src/runbook/load';
import { generateWorld, SIM_CREDENTIALS, startSimulator } from '../src/sim/index';
import { parseRunbook } from './engine-harness';
import { figure, type Figure } from './figure';
import { failoverRunbook, GROWTH_STEPS, scaleRunbook } from './generate';

const SECTION = 'growth (in process, CPU ms)';
const LINEAR = { max: 2, text: '<= 2x (linear)' };
const BUDGETS: Record<string, { max: number; text: string }> = {
  'validate.2000': { max: 1000, text: '< 1000 ms' },
  'plan.500': { max: 5000, text: '< 5000 ms' },
};

async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function validateOnce(stepCount: number, text: string): Promise<void> {
  const checked = await checkRunbookText(`scale-${stepCount}.yaml`, text, actionCatalogue);
  if (!checked.document) throw new Error(`bench: the ${stepCount}-step runbook is invalid: ${checked.problems[0]?.message ?? '?'}`);
}

/** One `drctl plan --sim` worth of work, minus process start. Returns the AWS reads it made. */
async function planOnce(storeCount: number): Promise<number> {
  const file = `failover-${storeCount}.yaml`;
  const document = await parseRunbook(file, failoverRunbook(storeCount));
  const sim = await startSimulator({ world: generateWorld(document.spec.resources ?? {}) });
  const ports = createAwsPorts({ endpointUrl: sim.endpoint, credentials: SIM_CREDENTIALS, region: 'us-east-1', readOnly: true });
  try {
    const result = await planRunbook({ runId: 'bench-plan', file, document, inputs: resolveInputs(document, {}) }, { clock: sim.clock, ports, sink: { emit: () => undefined }, actions: actionCatalogue, defaultRegion: 'us-east-1' });
    if (!result.ok) throw new Error(`bench: the ${storeCount}-store runbook does not plan: ${result.steps.find((step) => step.error)?.error?.message ?? 'preflight failed'}`);
    return sim.world.requests.length;
  } finally {
    ports.close();
    await sim.close();
  }
}

export async function measureGrowth(): Promise<Figure[]> {
  // The SDK loads once per process, and the first run of anything pays for the JIT: neither is growth.
  await preloadSdkModules();
  await validateOnce(10, scaleRunbook(10));
  await planOnce(10);
  const figures: Figure[] = [];
  const row = (what: 'validate' | 'plan', size: number, samples: number[], note: string) =>
    figure({ id: `growth.${what}.${size}`, section: SECTION, label: what === 'validate' ? `validate, ${size} steps` : `plan, ${size} stores`, unit: 'ms', samples, budget: BUDGETS[`${what}.${size}`], note });
  for (const size of GROWTH_STEPS) {
    const text = scaleRunbook(size);
    const runs = size >= 2000 ? 3 : 5;
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) samples.push(await cpuMs(() => validateOnce(size, text)));
    figures.push(row('validate', size, samples, `the scale runbook (generate.ts), ${Math.round(text.length / 1024)} KB of YAML`));
  }
  for (const size of GROWTH_STEPS) {
    let reads = 0;
    const ms = await cpuMs(async () => (reads = await planOnce(size)));
    figures.push(row('plan', size, [ms], `${reads} AWS reads, ${(ms / reads).toFixed(1)} ms each (SDK and simulator, both in this process)`));
  }
  for (const what of ['validate', 'plan'] as const) {
    const perUnit = (size: number) => (figures.find((item) => item.id === `growth.${what}.${size}`)?.median ?? Number.NaN) / size;
    const growth = perUnit(2000) / perUnit(100);
    figures.push(figure({ id: `growth.${what}.linearity`, section: SECTION, label: `${what}: cost per ${what === 'validate' ? 'step' : 'store'} at 2,000 / at 100`, unit: 'x', samples: [growth], budget: LINEAR }));
  }
  return figures;
}

/** The figures above as one table: a row per command, a column per size. */
export function renderGrowth(figures: readonly Figure[]): string {
  const cell = (id: string) => {
    const value = figures.find((item) => item.id === id)?.median;
    return value === undefined || !Number.isFinite(value) ? '-' : value >= 100 ? value.toFixed(0) : value.toFixed(1);
  };
  const header = ['CPU ms in process', ...GROWTH_STEPS.map(String), 'per unit, 2,000 / 100'];
  const rows = (['validate', 'plan'] as const).map((what) => [what === 'validate' ? 'validate, N steps' : 'plan, N stores', ...GROWTH_STEPS.map((size) => cell(`growth.${what}.${size}`)), `${cell(`growth.${what}.linearity`)}x`]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => row.map((text, column) => (column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ');
  return ['Growth', line(header), ...rows.map(line)].join('\n');
}

