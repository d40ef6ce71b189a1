// Peak memory of a 200-store simulated failover, in a child process that runs the bundled CLI as bin/drctl
// does (peak-rss-runner.mjs reports maxRSS). Twice: with the default --max-parallel, as an engineer would
// run it, and with every store at once, the worst case. Simulated time is virtual, so each run takes seconds
// and the steps' simulated timeouts never depend on how busy 200 parallel polls keep the CPU.
import { DEFAULT_MAX_PARALLEL } from '../src/engine/run';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { figure, unmeasured, type Budget, type Figure } from './figure';
import { errorLine, ROOT, runProcess } from './spawn';

const SECTION = 'memory (200 data stores, one simulated run)';
const BUDGET: Budget = { max: 200, text: '< 200 MB' };
const RUNNER = path.join(ROOT, 'bench/peak-rss-runner.mjs');

interface PeakReport {
  maxRssKb: number;
  exitCode: number;
  peakHeapUsedMb: number;
}

async function peakOf(runbook: string, dir: string, extraArgs: string[]): Promise<PeakReport | string> {
  const reportFile = path.join(dir, 'peak.json');
  await rm(reportFile, { force: true });
  const args = [RUNNER, 'run', runbook, '--sim', '--yes', '--journal-dir', path.join(dir, '.drctl'), ...extraArgs];
  const result = await runProcess(process.execPath, args, { cwd: dir, env: { ...process.env, DRCTL_BENCH_RSS_FILE: reportFile, NO_COLOR: '1' } });
  if (result.code !== 0) return `exit ${String(result.code)}: ${errorLine(`${result.stdout}\n${result.stderr}`)}`;
  try {
    return JSON.parse(await readFile(reportFile, 'utf8')) as PeakReport;
  } catch {
    return 'the runner wrote no report';
  }
}

export async function measureMemory(runbook: string, dir: string): Promise<Figure[]> {
  const cases = [
    { id: 'memory.default-parallel', label: `peak RSS, default --max-parallel ${DEFAULT_MAX_PARALLEL}`, args: [] as string[] },
    { id: 'memory.all-at-once', label: 'peak RSS, --max-parallel 200', args: ['--max-parallel', '200'] },
  ];
  const figures: Figure[] = [];
  for (const item of cases) {
    const base = { id: item.id, section: SECTION, label: item.label, unit: 'MB' as const, budget: BUDGET };
    const peak = await peakOf(runbook, dir, item.args);
    if (typeof peak === 'string') {
      figures.push(unmeasured({ ...base, note: `the run failed: ${peak}` }));
      continue;
    }
    const note = `${item.args.join(' ') || 'defaults'}; peak V8 heap in use ${peak.peakHeapUsedMb} MB (the rest is Node, code and heap not yet collected)`;
    figures.push(figure({ ...base, samples: [peak.maxRssKb / 1024], note }));
  }
  return figures;
}
