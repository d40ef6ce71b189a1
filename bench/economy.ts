// API-call economy: how often drctl asks AWS during a long failover (the shop runbook with its DocumentDB
// switchover slowed five times, about a quarter of an hour), how often it reads a health check's status
// while waiting for Route 53 to see a region go down, and how soon it notices that the simulator finished
// an operation. All in simulated time on the virtual clock.
import { MAX_POLL_INTERVAL_MS } from '../src/engine/poll';
import { completedOperations, noticeDelays, readsPerMinute, type Notice } from './analysis';
import { runInProcess, type HarnessRun } from './engine-harness';
import type { RunbookText } from './failover';
import { figure, median, percentile, unmeasured, type Figure } from './figure';
import { healthWaitRunbook } from './generate';

const SECTION = 'API-call economy (simulated time)';
const SLOW_RESOURCE = 'shop-catalog';
// x5 makes the 150-210 s DocumentDB switchover 12-18 minutes, inside the shop runbook's 20m step timeout
// (x10 would time the step out, and a timed-out step tells nothing about polling).
const SLOW_FACTOR = 5;
const SEEDS = [1, 2, 3];
const ONE_INTERVAL = { max: MAX_POLL_INTERVAL_MS / 1000, text: `<= 1 poll interval (${MAX_POLL_INTERVAL_MS / 1000} s)` };

export async function measureEconomy(shop: RunbookText, earlierRuns: readonly HarnessRun[]): Promise<Figure[]> {
  const longRuns: HarnessRun[] = [];
  for (const seed of SEEDS) {
    const faults = [{ type: 'slow-failover' as const, resource: SLOW_RESOURCE, factor: SLOW_FACTOR }];
    longRuns.push(await runInProcess({ file: shop.file, text: shop.text, seed, faults }));
  }
  const allRuns = [...earlierRuns, ...longRuns];
  const busiest = allRuns.map((run) => Math.max(...completedOperations(run).map((operation) => readsPerMinute(run, operation)))).filter(Number.isFinite);
  return [
    longFailoverReads(longRuns),
    figure({
      id: 'economy.reads-busiest-resource',
      section: SECTION,
      label: 'reads per resource per minute, busiest resource of each run',
      unit: '/min',
      samples: busiest,
      note: 'every virtual-clock run; short operations (about a minute) are polled fastest: the interval starts at 5 s and backs off',
    }),
    await healthStatusRate(),
    ...noticeFigures(allRuns.flatMap(noticeDelays)),
  ];
}

function longFailoverReads(runs: HarnessRun[]): Figure {
  const base = { id: 'economy.reads-per-resource-minute', section: SECTION, label: 'reads per resource per minute, long failover', unit: '/min' as const, budget: { max: 20, text: '<= ~20 /min' } };
  const failed = runs.find((run) => run.result.outcome !== 'succeeded');
  if (failed) return unmeasured({ ...base, note: `the long failover ended ${failed.result.outcome}: ${failed.result.error?.message ?? ''}` });
  const slow = runs.flatMap((run) => completedOperations(run).filter((operation) => operation.record.resource === SLOW_RESOURCE).map((operation) => ({ run, operation })));
  const minutes = median(slow.map(({ operation }) => operation.durationMs / 60_000));
  return figure({
    ...base,
    samples: slow.map(({ run, operation }) => readsPerMinute(run, operation)),
    note: `the shop's ${SLOW_RESOURCE} switchover slowed ${SLOW_FACTOR}x (slow-failover fault), ${minutes.toFixed(0)} min; every Describe/Get/List about it, lag reads included`,
  });
}

function noticeFigures(notices: Notice[]): Figure[] {
  const base = { section: SECTION, unit: 's' as const };
  if (notices.length === 0) return [unmeasured({ ...base, id: 'economy.notice-p50', label: 'completion noticed after', note: 'no operation could be matched to its step' })];
  const delays = notices.map((notice) => notice.delayMs / 1000);
  // One distribution, two rows: the row's value is the percentile; min, max and n describe all delays.
  const quantile = (p: number, note?: string): Figure => ({
    ...figure({ ...base, id: `economy.notice-p${p}`, label: `completion noticed after, p${p}`, samples: [percentile(delays, p)], budget: ONE_INTERVAL, note }),
    min: Math.min(...delays),
    max: Math.max(...delays),
    runs: delays.length,
  });
  const ratios = notices.filter((notice) => notice.intervalMs > 0).map((notice) => notice.delayMs / notice.intervalMs);
  return [
    quantile(50, "every operation of every virtual-clock run: drctl's step.succeeded minus the simulator's completedAt"),
    quantile(95),
    figure({
      id: 'economy.notice-per-interval',
      section: SECTION,
      label: 'notice delay / poll interval in effect',
      unit: 'x',
      samples: ratios,
      budget: { max: 1, text: '<= 1' },
      note: 'the interval in effect is the gap between the poll that noticed and the one before it',
    }),
  ];
}

/** GetHealthCheckStatus calls per minute while route53.wait-healthy waits for us-east-1 to be seen down. */
async function healthStatusRate(): Promise<Figure> {
  const base = { id: 'economy.health-status-per-minute', section: SECTION, label: 'GetHealthCheckStatus per minute of a health wait', unit: '/min' as const };
  const rates: number[] = [];
  const waits: number[] = [];
  for (const seed of SEEDS) {
    const run = await runInProcess({ file: 'health-wait.yaml', text: healthWaitRunbook(), seed, faults: [{ type: 'region-outage', region: 'us-east-1' }] });
    const started = run.events.find((event) => event.type === 'step.started')?.at;
    const finished = run.events.find((event) => event.type === 'step.succeeded')?.at;
    if (started === undefined || finished === undefined || finished <= started) continue;
    const calls = run.world.requests.filter((request) => request.operation === 'GetHealthCheckStatus' && request.at >= started && request.at <= finished).length;
    rates.push(calls / ((finished - started) / 60_000));
    waits.push((finished - started) / 1000);
  }
  if (rates.length === 0) return unmeasured({ ...base, note: 'the health wait never waited (or never finished): nothing to measure' }, 'reference');
  const note = `us-east-1 goes down at the start; the wait lasts ${median(waits).toFixed(0)} s until Route 53 agrees. DESIGN: "sparingly" (AWS: not for high query rates)`;
  return figure({ ...base, samples: rates, note });
}
