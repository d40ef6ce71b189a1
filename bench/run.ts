// `npm run bench`: measures drctl against the budgets in DESIGN.md and prints one table, also written as
// JSON (bench/results/latest.json) so two runs can be compared with bench/compare.ts. It never fails on
// time: a missed budget is a figure to act on, not a broken build. Expects dist/ to be built (the npm
// script builds it first). Progress goes to stderr, the table to stdout.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { measureEconomy } from './economy';
import { measureFailover, type RunbookText } from './failover';
import type { HarnessRun } from './engine-harness';
import { unmeasured, type Figure } from './figure';
import { failoverRunbook, writeGeneratedRunbooks } from './generate';
import { measureGrowth, renderGrowth } from './growth';
import { measureMemory } from './memory';
import { ROOT, runProcess } from './spawn';
import { measureValidateCli } from './validate-cli';
import { measureStartup } from './startup';
import { renderTable, verdictSummary } from './table';

const SHOP = 'runbooks/shop-region-failover.yaml';
const RESULTS = path.join(ROOT, 'bench/results/latest.json');

export interface BenchReport {
  schema: 'drctl-bench/v1';
  createdAt: string;
  machine: { node: string; platform: string; arch: string; cpus: number; cpuModel: string; memoryMb: number; nodeExtraCaCerts: boolean };
  /** 1-minute load average before and after: process-start figures on a busy machine are not comparable. */
  load: { before: number; after: number };
  commit?: string;
  durationS: number;
  figures: Figure[];
}

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/**
 * Runs one section, saying on stderr what it is and how long it took. A section that cannot run (drctl
 * crashed, the run got stuck) leaves a NOT MEASURED row with the reason; the other sections still run.
 */
async function section(id: string, title: string, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  progress(`${title}...`);
  const started = performance.now();
  try {
    const figures = await measure();
    progress(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return figures;
  } catch (error) {
    progress(`  failed: ${(error as Error).stack ?? String(error)}`);
    return [unmeasured({ id: `${id}.section`, section: title, label: 'the section could not run', unit: 'ms', note: (error as Error).message })];
  }
}

async function gitCommit(): Promise<string | undefined> {
  try {
    const head = await runProcess('git', ['rev-parse', '--short', 'HEAD'], { timeoutMs: 5_000 });
    const status = await runProcess('git', ['status', '--porcelain'], { timeoutMs: 5_000 });
    if (head.code !== 0) return undefined;
    return `${head.stdout.trim()}${status.stdout.trim() ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return undefined;
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const generated = await writeGeneratedRunbooks();
  const shop: RunbookText = { name: 'shop', key: 'shop', file: SHOP, text: await readFile(path.join(ROOT, SHOP), 'utf8') };
  const fifty: RunbookText = { name: '50 stores', key: 'stores-50', file: generated.failover50, text: failoverRunbook(50) };
  const figures: Figure[] = [];
  let virtualRuns: HarnessRun[] = [];
  try {
    figures.push(...(await section('start', 'process start (the real binary, paired with node -e 0)', () => measureStartup(SHOP))));
    figures.push(...(await section('growth', 'growth: validate and plan at 10, 100, 500 and 2,000 steps and stores', () => measureGrowth())));
    figures.push(...(await section('validate-cli', 'validate 2,000 steps through the binary', () => measureValidateCli(generated.scale2000))));
    figures.push(
      ...(await section('failover', 'failover: the shop and 50 stores against the simulator', async () => {
        const failover = await measureFailover(shop, fifty);
        virtualRuns = failover.virtualRuns;
        return failover.figures;
      })),
    );
    figures.push(...(await section('economy', 'economy: a long failover, a health wait, notice delays', () => measureEconomy(shop, virtualRuns))));
    figures.push(...(await section('memory', 'memory: 200 stores failing over in a child process', () => measureMemory(generated.failover200, generated.dir))));
  } finally {
    await rm(generated.dir, { recursive: true, force: true });
  }

  const report: BenchReport = {
    schema: 'drctl-bench/v1',
    createdAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS !== undefined,
    },
    load: { before: round(loadBefore), after: round(loadavg()[0] ?? 0) },
    commit: await gitCommit(),
    durationS: Math.round((performance.now() - started) / 1000),
    figures,
  };
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  const { machine } = report;
  process.stdout.write(`drctl benchmark, ${report.commit ?? 'unknown commit'}, node ${machine.node} on ${machine.cpus} x ${machine.cpuModel}, load ${report.load.before} -> ${report.load.after}\n\n`);
  process.stdout.write(`${renderTable(figures)}\n\n${renderGrowth(figures)}\n\n${verdictSummary(figures)}\n`);
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), RESULTS)} (compare two runs: node --import tsx bench/compare.ts a.json b.json); took ${report.durationS} s\n`);
}

await main();
