import { describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { REPORT_FORMATS } from '../../src/report/formats';
import { renderReport } from '../../src/report/render';
import { plainStyle } from '../../src/core/style';
import { cleanPlannedRun, Journal, started } from './journal';

const clean = reportFacts(cleanPlannedRun().events);

/** The clean run, but with orders-db's lag unreadable before a failover (RPO unknown). */
function unknownLag() {
  const journal = started(new Journal(), 0, 'unplanned');
  journal.cutover('orders-failover', { start: 1, accepted: 2, done: 50 }, { resource: 'orders-db', operation: 'failover', lagMs: 'missing', apiOperation: 'FailoverGlobalCluster' });
  journal.at(51, { type: 'run.finished', outcome: 'succeeded', durationMs: 51_000 });
  return reportFacts(journal.events);
}

describe('text report', () => {
  const text = renderReport(clean, 'text', plainStyle);

  it('leads with both figures and their verdicts', () => {
    expect(text).toMatch(/RTO\s+3m5s\s+objective 5m\s+met\s+3m5s, from the run start to api-west healthy/);
    expect(text).toMatch(/RPO\s+400ms\s+objective 1\.0s\s+met/);
  });

  it('lists each resource with its operation, regions, times, RTO and RPO', () => {
    expect(text).toMatch(/orders-db\s+switchover\s+us-east-1 -> us-west-2\s+\+8\.0s\s+\+1m38s\s+in sync\s+1m30s\s+0 \(switchover; lag 120ms at the cutover, not lost\)/);
    expect(text).toMatch(/sessions\s+failover .* 400ms \(AuroraGlobalDBRPOLag in us-west-2\)/);
  });

  it('shows approvals with who answered, and the mutating calls', () => {
    expect(text).toContain('approve [approval] approved by alice at 2026-01-05 09:00:06Z (after 4.0s)');
    expect(text).toContain('API calls: 6 (4 mutating, 1 failed)');
    expect(text).toContain('rds us-east-1 SwitchoverGlobalCluster ok (request req-orders-switchover)');
  });

  it('leaves rollback steps that never ran off the timeline', () => {
    expect(text).not.toContain('restore-east-traffic');
  });

  it('says plainly when the RPO could not be measured', () => {
    const unknown = renderReport(unknownLag(), 'text', plainStyle);
    expect(unknown).toMatch(/RPO\s+unknown\s+objective 1\.0s\s+not measured\s+unknown: the replication lag of orders-db could not be read before the cutover/);
    expect(unknown).toContain('unknown: no lag data in us-west-2');
    expect(unknown).toContain('✗ RPO unknown for orders-db');
  });
});

describe('markdown report', () => {
  const md = renderReport(clean, 'md');

  it('reads as a game-day record: summary, objectives, evidence, follow-ups', () => {
    expect(md.startsWith('# DR run: shop-region-failover\n')).toBe(true);
    expect(md).toContain('| **RTO** | 3m5s | 5m | ✅ met |');
    expect(md).toContain('**Every objective was met.**');
    for (const heading of ['## Objectives', '## Resources', '## Timeline', '## Approvals', '## API calls', '## What went well', '## Actions']) expect(md).toContain(heading);
  });

  it('keeps table cells on one line and escapes pipes', () => {
    const facts = { ...clean, approvals: [{ ...clean.approvals[0]!, message: 'a | b\nc' }] };
    expect(renderReport(facts, 'md')).toContain('| a \\| b c |');
  });
});

describe('junit report', () => {
  it('has a test case per objective and per step that ran, failing the missed ones', () => {
    const missed = reportFacts(cleanPlannedRun().events, { incidentStart: clean.rto.clockStart! - 240_000 });
    const xml = renderReport(missed, 'junit');
    expect(xml).toContain('<testsuites name="drctl report" tests="11" failures="1" skipped="2"');
    expect(xml).toMatch(/<testcase classname="drctl.shop-region-failover" name="RTO objective 5m" time="0.000">\s*<failure type="objective-missed" message="RTO 7m5s, from the incident start to api-west healthy \(step west-serving, the last to restore\)"\/>/);
    expect(xml).toContain('<testcase classname="drctl.shop-region-failover" name="RPO objective 1.0s" time="0.000"/>');
  });

  it('marks an unmeasured objective as a failure of its own kind', () => {
    expect(renderReport(unknownLag(), 'junit')).toContain('<failure type="not-measured" message="RPO unknown: the replication lag of orders-db');
  });
});

describe('json report', () => {
  it('is the facts, versioned', () => {
    const json = JSON.parse(renderReport(clean, 'json')) as typeof clean;
    expect(json.schema).toBe('drctl.report/v1');
    expect(json.rto.valueMs).toBe(185_000);
    expect(json.resources).toHaveLength(5);
  });
});

describe('html report', () => {
  const html = renderReport(clean, 'html');

  it('is one self-contained page: no scripts and nothing fetched', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('draws a bar per step that ran and the RTO objective and measured RTO as lines', () => {
    const bars = html.match(/<rect class="bar [^"]*" data-step="([^"]+)"/g) ?? [];
    expect(bars).toHaveLength(6);
    expect(html).toContain('<g id="rto-objective" class="marker rto-objective">');
    expect(html).toContain('RTO objective 5m</text>');
    expect(html).toContain('<g id="rto-measured" class="marker rto-measured">');
  });

  it('marks where the run started when the clock starts at the incident', () => {
    const late = renderReport(reportFacts(cleanPlannedRun().events, { incidentStart: clean.rto.clockStart! - 240_000 }), 'html');
    expect(late).toContain('<g id="run-start" class="marker run-start">');
    expect(late).toContain('time since the incident start');
    expect(html).not.toContain('id="run-start"');
  });

  it('shows the figures with stable ids', () => {
    expect(html).toContain('<div class="value" id="rto-value">3m5s</div>');
    expect(html).toContain('<div class="value" id="rpo-value">400ms</div>');
    expect(html).toContain('<span id="rto-verdict" class="verdict met">met</span>');
  });

  it('escapes what the journal says', () => {
    const facts = { ...clean, run: { ...clean.run, runbook: '<img src=x onerror=alert(1)>' } };
    const page = renderReport(facts, 'html');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('every format', () => {
  it.each(REPORT_FORMATS)('renders %s for a run that never finished', (format) => {
    const journal = started(new Journal(), 0, 'planned');
    const text = renderReport(reportFacts(journal.events), format);
    expect(text.length).toBeGreaterThan(100);
  });
});
