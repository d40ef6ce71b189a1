// Runs the bundled CLI exactly as bin/drctl does, then writes this process's peak memory to the file named
// by DRCTL_BENCH_RSS_FILE. process.resourceUsage().maxRSS (kilobytes) is the true peak of the whole
// process (Node, the SDK, the in-process simulator), which is what the 200 MB budget is about; the V8 heap
// is sampled every 50 ms beside it, to tell JavaScript objects from the rest when the budget is missed.
import { writeFileSync } from 'node:fs';

const peak = { heapUsed: 0, heapTotal: 0, external: 0 };
const sample = () => {
  const usage = process.memoryUsage();
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], usage[key]);
};
const sampler = setInterval(sample, 50);
sampler.unref();

const { main } = await import('../dist/cli.js');
const code = await main(process.argv.slice(2));
clearInterval(sampler);
sample();
const target = process.env.DRCTL_BENCH_RSS_FILE;
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
if (target) {
  writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, exitCode: code, peakHeapUsedMb: mb(peak.heapUsed), peakHeapTotalMb: mb(peak.heapTotal), peakExternalMb: mb(peak.external) }));
}
process.exitCode = code;
