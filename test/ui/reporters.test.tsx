// One scenario, every reporter (listr2's habit): the same failed shop failover through the live view,
// the plain line reporter and the JSON lines reporter, each snapshotted to a file a reviewer can read.
// All three end with the same summary.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { replay } from '../../src/engine/state';
import { summarizeRun } from '../../src/engine/summary';
import { JsonReporter } from '../../src/ui/json-reporter';
import { PlainReporter, summaryText } from '../../src/ui/plain-reporter';
import { plainStyle } from '../../src/core/style';
import { memoryIO } from '../helpers/memory-io';
import { lines, renderView } from './harness';
import { FAILS, RUNNING, stamp, UNKNOWN } from './scenario';

afterEach(() => cleanup());

const SCENARIOS = [
  {
    name: 'one failed failover',
    file: 'shop-failover',
    events: stamp([
      ...RUNNING,
      [30, { type: 'step.retrying', stepId: 'sessions', attempt: 1, delayMs: 10_000, error: { code: 'aws.throttled', message: 'Rate exceeded', hint: 'drctl retries throttled calls.' } }],
      ...FAILS,
    ]),
    next: 'fix the cause, then: drctl resume r-20250301-0300',
    at: 360,
  },
  {
    name: 'a failover whose outcome is unknown',
    file: 'shop-failover-unknown',
    events: stamp([...RUNNING, ...UNKNOWN]),
    next: 'drctl status <runbook>, then drctl resume r-20250301-0300',
    at: 912,
  },
];


describe.each(SCENARIOS)('$name through all three reporters', ({ file, events, next: NEXT, at }) => {
  const summary = summarizeRun(replay(events));

  it('live view: the final frame', async () => {
    const view = renderView();
    view.clock.set(at);
    await view.feed(events);
    view.store.setSummary(summary, NEXT);
    const frame = lines(await view.frame()).join('\n');
    await expect(`${frame}\n`).toMatchFileSnapshot(`./__snapshots__/${file}.live.txt`);
    expect(frame.endsWith(lines(summaryText(summary, plainStyle, NEXT)).at(-1)!)).toBe(true);
  });

  it('plain lines', async () => {
    const { io, out } = memoryIO();
    const reporter = new PlainReporter(io);
    for (const event of events) reporter.emit(event);
    reporter.summary(summary, NEXT);
    await expect(out()).toMatchFileSnapshot(`./__snapshots__/${file}.plain.txt`);
    expect(out()).toContain(summaryText(summary, plainStyle, NEXT));
  });

  it('JSON lines', async () => {
    const { io, out } = memoryIO();
    const reporter = new JsonReporter(io);
    for (const event of events) reporter.emit(event);
    reporter.summary(summary, NEXT);
    await expect(out()).toMatchFileSnapshot(`./__snapshots__/${file}.jsonl`);
    const parsed = out().trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(parsed.slice(0, -1)).toEqual(events);
    expect(parsed.at(-1)).toEqual(JSON.parse(JSON.stringify({ type: 'run.summary', ...summary, next: NEXT })));
  });

  it('the live view and the plain reporter print the same summary', async () => {
    const view = renderView({ columns: 300 });
    view.clock.set(at);
    await view.feed(events);
    view.store.setSummary(summary, NEXT);
    const frame = lines(await view.frame());
    const shared = lines(summaryText(summary, plainStyle, NEXT));
    expect(frame.slice(-shared.length)).toEqual(shared);
  });
});

describe('a step whose outcome is unknown, as each reporter says it', () => {
  const events = stamp([...RUNNING, ...UNKNOWN]);
  const summary = summarizeRun(replay(events));
  it('the summary calls it unknown, not failed, measures no RTO, and never offers a rollback', () => {
    const text = summaryText(summary, plainStyle, SCENARIOS[1]!.next);
    expect(text).toMatch(/orders\s+unknown/);
    expect(text).toContain('outcome unknown, elapsed 15m12s of RTO 5m: not measured (outcome unknown)');
    expect(text).toContain('[engine.outcome-unknown]');
    expect(text).toContain('Read the state with `drctl status runbooks/shop-region-failover.yaml`');
    expect(text).not.toMatch(/rollback|FAILED/);
  });
});
