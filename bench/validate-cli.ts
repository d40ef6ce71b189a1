// validate on 2,000 steps through the real binary: what CI waits for on a big runbook, start-up and cold
// JIT included (DESIGN.md "Budgets": under a second). Paired with the floor like the start-up figures.
import { figure, median, unmeasured, type Figure } from './figure';
import { BIN, envWithout, timePaired } from './spawn';

const SECTION = 'validate 2,000 steps (the real binary)';

export async function measureValidateCli(file: string): Promise<Figure[]> {
  const timings = timePaired({ command: process.execPath, args: ['-e', '0'] }, [{ command: process.execPath, args: [BIN, 'validate', file] }], { runs: 7, warmups: 1, env: envWithout('NODE_EXTRA_CA_CERTS') });
  const base = { id: 'validate-cli.2000', section: SECTION, label: 'drctl validate <2,000 steps>', unit: 'ms' as const, budget: { max: 1000, text: '< 1000 ms' } };
  const result = timings.commands[0];
  if (!result?.ok) return [unmeasured({ ...base, note: `failed: ${result?.error ?? 'not run'}` })];
  return [figure({ ...base, samples: result.samples, note: `${median(result.ratios).toFixed(2)}x the floor of the same rounds (${Math.round(median(timings.floor))} ms); NODE_EXTRA_CA_CERTS unset` })];
}
