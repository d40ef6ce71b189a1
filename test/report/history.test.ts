import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { drillsDir, readDrillHistory, runRecord, writeDrillRecord, type DrillRecord } from '../../src/report/history';
import { barChart, renderHistory } from '../../src/report/history-render';
import { historyRows } from '../../src/report/history-rows';
import { cleanPlannedRun, T0 } from './journal';

const DAY = 86_400_000;

/** A drill of the clean run whose RTO and RPO are overridden, `day` days after T0. */
function drill(day: number, rtoMs: number, rpoMs: number | undefined, failback = false): DrillRecord {
  const facts = reportFacts(cleanPlannedRun().events);
  const failover = { ...runRecord('failover', facts, { md: 'failover.md' }), rtoMs, rtoVerdict: rtoMs <= 300_000 ? ('met' as const) : ('missed' as const) };
  const run = rpoMs === undefined ? { ...failover, rpoMs: undefined, rpoStatus: 'unknown' as const, rpoVerdict: 'unknown' as const, objectivesMet: false } : { ...failover, rpoMs };
  run.objectivesMet = run.rtoVerdict === 'met' && run.rpoVerdict === 'met';
  const runs = failback ? [run, { ...run, role: 'failback' as const, runbook: 'shop-region-failback', rtoMs: 240_000 }] : [run];
  return { schema: 'drctl.drill/v1', drillId: `d${day}`, runbook: 'shop-region-failover', file: 'runbooks/shop-region-failover.yaml', simulated: true, startedAt: T0 + day * DAY, finishedAt: T0 + day * DAY + 20_000, result: 'passed', exitCode: 0, runs };
}

describe('drill history on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-history-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every drill back oldest first and lists damaged records instead of failing', async () => {
    await writeDrillRecord(dir, drill(2, 200_000, 300));
    await writeDrillRecord(dir, drill(1, 180_000, 250));
    await mkdir(path.join(drillsDir(dir), 'broken'), { recursive: true });
    await writeFile(path.join(drillsDir(dir), 'broken', 'drill.json'), '{ not json');
    const history = await readDrillHistory(dir);
    expect(history.records.map((record) => record.drillId)).toEqual(['d1', 'd2']);
    expect(history.unreadable).toEqual(['broken']);
    expect(renderHistory(history, 'text')).toContain('Unreadable drill records (left out): broken');
  });

  it('is empty, not an error, before the first drill', async () => {
    const history = await readDrillHistory(dir);
    expect(history).toEqual({ records: [], unreadable: [] });
    expect(renderHistory(history, 'text')).toMatch(/^No drills recorded yet\. Run `drctl drill <runbook> --sim`/);
  });
});

describe('drill history rows', () => {
  const records = [drill(0, 180_000, 250, true), drill(1, 200_000, 300, true), drill(2, 330_000, undefined, true)];

  it('gives each run the change since the previous drill of the same runbook and role', () => {
    const rows = historyRows(records);
    expect(rows.map((row) => row.series)).toEqual([
      'shop-region-failover (failover)',
      'shop-region-failback (failback)',
      'shop-region-failover (failover)',
      'shop-region-failback (failback)',
      'shop-region-failover (failover)',
      'shop-region-failback (failback)',
    ]);
    expect(rows.filter((row) => row.run.role === 'failover').map((row) => [row.rtoDeltaMs, row.rpoDeltaMs])).toEqual([
      [undefined, undefined],
      [20_000, 50],
      [130_000, undefined],
    ]);
  });

  it('filters by runbook', () => {
    expect(historyRows(records, 'shop-region-failback')).toHaveLength(3);
  });
});

describe('drill history rendering', () => {
  const history = { records: [drill(0, 180_000, 250), drill(1, 200_000, 300), drill(2, 330_000, undefined)], unreadable: [] };

  it('shows a section per runbook and role: the trend in a table within 100 columns, and a chart per figure', () => {
    const text = renderHistory(history, 'text');
    expect(text).toContain('Drill history · shop-region-failover (failover) · objectives RTO 5m, RPO 1.0s');
    expect(text).toMatch(/^ {2}2026-01-06 09:00\s+d1\s+sim\s+3m20s\s+\+20s\s+300ms\s+\+50ms\s+met$/m);
    expect(text).toMatch(/^ {2}2026-01-07 09:00\s+d2\s+sim\s+5m30s\s+\+2m10s\s+unknown\s+MISSED$/m);
    expect(text).toContain('  RTO · objective 5m at |');
    expect(text).toMatch(/2026-01-07 09:00\s+█+\|█+\s+5m30s\s+MISSED/);
    expect(text.split('\n').filter((line) => [...line].length > 100)).toEqual([]);
  });

  it('writes Markdown with the chart in a code block', () => {
    const md = renderHistory(history, 'md');
    expect(md).toContain('# DR drill history');
    expect(md).toContain('| when (UTC) | drill |');
    expect(md).toContain('```text\nRTO · shop-region-failover (failover)');
  });

  it('writes JSON with every record', () => {
    const json = JSON.parse(renderHistory(history, 'json')) as { schema: string; drills: DrillRecord[] };
    expect(json.schema).toBe('drctl.drill-history/v1');
    expect(json.drills).toHaveLength(3);
  });

  it('draws the HTML charts as inline SVG with the objective line and missed points', () => {
    const html = renderHistory(history, 'html');
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=/i);
    expect(html).toContain('<svg id="history-rto-1" class="chart"');
    expect(html).toContain('<svg id="history-rpo-1" class="chart"');
    expect(html.match(/<circle class="point/g)).toHaveLength(5);
    expect(html.match(/<circle class="point missed"/g)).toHaveLength(1);
    expect(html).toContain('objective 5m</text>');
  });
});

describe('text bar chart', () => {
  it('scales bars to the largest value and marks the objective', () => {
    const lines = barChart('RTO', [{ label: 'a', valueMs: 100, missed: false }, { label: 'b', valueMs: 200, missed: true }, { label: 'c', missed: false }], 150);
    expect(lines[0]).toBe('RTO · objective 150ms at |');
    expect(lines[1]).toBe(`  a  ${'█'.repeat(20)}${' '.repeat(10)}|${' '.repeat(10)}  100ms`);
    expect(lines[2]).toBe(`  b  ${'█'.repeat(30)}|${'█'.repeat(9)}   200ms  MISSED`);
    expect(lines[3]).toContain('unknown');
  });
});
