// Orchestration overhead: a simulated region failover, timed in simulated time against what the
// simulator says the work itself took. The critical path is the slowest data store plus the DNS change
// after it; the budget is to finish within one poll interval of it, not the sum of the resources. Runs
// are on --sim's virtual clock (orchestration only), one seed per run so durations differ.
import { DEFAULT_MAX_PARALLEL } from '../src/engine/run';
import { MAX_POLL_INTERVAL_MS } from '../src/engine/poll';
import { completedOperations, criticalPathMs, runDurationMs, sumOfOperationsMs } from './analysis';
import { runInProcess, type HarnessRun } from './engine-harness';
import { figure, median, unmeasured, type Budget, type Figure } from './figure';

const SECTION = 'failover (simulated time)';
const SEEDS = [1, 2, 3, 4, 5];
const FEWER_SEEDS = [1, 2, 3];
const ONE_INTERVAL: Budget = { max: MAX_POLL_INTERVAL_MS / 1000, text: `<= 1 poll interval (${MAX_POLL_INTERVAL_MS / 1000} s)` };

export interface RunbookText {
  /** Short name for labels and ids: "shop", "50 stores". */
  name: string;
  key: string;
  file: string;
  text: string;
}

interface RunFigures {
  criticalS: number;
  runS: number;
  overheadS: number;
  ratio: number;
  sumS: number;
}

function readRun(run: HarnessRun): RunFigures {
  const operations = completedOperations(run);
  const criticalMs = criticalPathMs(operations);
  const runMs = runDurationMs(run.events);
  return { criticalS: criticalMs / 1000, runS: runMs / 1000, overheadS: (runMs - criticalMs) / 1000, ratio: runMs / criticalMs, sumS: sumOfOperationsMs(operations) / 1000 };
}

async function runSeeds(runbook: RunbookText, seeds: readonly number[], options: { maxParallel?: number } = {}): Promise<HarnessRun[]> {
  const runs: HarnessRun[] = [];
  for (const seed of seeds) runs.push(await runInProcess({ file: runbook.file, text: runbook.text, seed, maxParallel: options.maxParallel }));
  return runs;
}

/** One figure per run, or why there is none: a run that did not succeed says nothing about overhead. */
function pick(runs: readonly HarnessRun[], key: keyof RunFigures): number[] | string {
  const failed = runs.find((run) => run.result.outcome !== 'succeeded');
  if (failed) return `run ${failed.runId} ended ${failed.result.outcome}: ${failed.result.error?.message ?? 'no error recorded'}`;
  return runs.map((run) => readRun(run)[key]);
}

export interface FailoverResult {
  figures: Figure[];
  /** Every virtual-clock run made here, for the notice-delay figures. */
  virtualRuns: HarnessRun[];
}

export async function measureFailover(shop: RunbookText, fifty: RunbookText): Promise<FailoverResult> {
  const shopRuns = await runSeeds(shop, SEEDS);
  const shopSequential = await runSeeds(shop, SEEDS, { maxParallel: 1 });
  const fiftyRuns = await runSeeds(fifty, FEWER_SEEDS);
  const fiftySequential = await runSeeds(fifty, FEWER_SEEDS, { maxParallel: 1 });

  const row = (runbook: RunbookText, id: string, label: string, samples: number[] | string, extra: { budget?: Budget; note?: string; unit?: 'x' } = {}) => {
    const base = { id: `failover.${runbook.key}.${id}`, section: SECTION, label: `${runbook.name}: ${label}`, unit: extra.unit ?? ('s' as const), budget: extra.budget };
    return typeof samples === 'string' ? unmeasured({ ...base, note: samples }) : figure({ ...base, samples, note: extra.note });
  };
  const sumNote = (runs: HarnessRun[]) => {
    const sums = pick(runs, 'sumS');
    return typeof sums === 'string' ? '' : `; the sum of the operations alone is ${Math.round(median(sums))} s`;
  };
  const figures = [
    row(shop, 'critical-path', 'critical path (slowest store + DNS)', pick(shopRuns, 'criticalS')),
    row(shop, 'run', 'drctl run, start to finish', pick(shopRuns, 'runS')),
    row(shop, 'overhead', 'overhead over the critical path', pick(shopRuns, 'overheadS'), { budget: ONE_INTERVAL }),
    row(shop, 'ratio', 'run / critical path', pick(shopRuns, 'ratio'), { unit: 'x' }),
    row(shop, 'sequential', 'same steps one after another', pick(shopSequential, 'runS'), { note: `--max-parallel 1${sumNote(shopSequential)}` }),
    row(fifty, 'critical-path', 'critical path (slowest store + DNS)', pick(fiftyRuns, 'criticalS')),
    row(fifty, 'run', `drctl run (default --max-parallel ${DEFAULT_MAX_PARALLEL})`, pick(fiftyRuns, 'runS')),
    row(fifty, 'overhead', 'overhead over the critical path', pick(fiftyRuns, 'overheadS'), { budget: ONE_INTERVAL }),
    row(fifty, 'ratio', 'run / critical path', pick(fiftyRuns, 'ratio'), { unit: 'x' }),
    row(fifty, 'sequential', 'same steps one after another', pick(fiftySequential, 'runS'), { note: `--max-parallel 1${sumNote(fiftySequential)}` }),
  ];
  return { figures, virtualRuns: [...shopRuns, ...shopSequential, ...fiftyRuns, ...fiftySequential] };
}
