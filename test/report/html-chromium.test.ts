// The HTML report opened in a real browser: the page as shipped (its CSP allows no script and no fetch),
// and a probed copy whose script measures the laid-out timeline, so bars and lines are checked where
// they are drawn, not only where the markup says.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { renderReport } from '../../src/report/render';
import { dumpDom, hasChromium, NO_CHROMIUM } from './chromium';
import { cleanPlannedRun } from './journal';

// Runs in the page: where each bar and marker line ended up, and what the figures read.
const PROBE = `<script>
const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, width: r.width, height: r.height }; };
const probe = {
  bars: [...document.querySelectorAll('#timeline rect.bar')].map((el) => ({ step: el.dataset.step, state: el.dataset.state, fill: getComputedStyle(el).fill, ...box(el) })),
  objective: box(document.querySelector('#rto-objective line')),
  measured: box(document.querySelector('#rto-measured line')),
  objectiveStroke: getComputedStyle(document.querySelector('#rto-objective line')).stroke,
  rto: document.querySelector('#rto-value').textContent,
  rpo: document.querySelector('#rpo-value').textContent,
  timelineWidth: box(document.querySelector('#timeline')).width,
};
document.body.insertAdjacentHTML('beforeend', '<pre id="probe-' + 'result">' + JSON.stringify(probe) + '</pre>');
</script>`;

interface Probe {
  bars: Array<{ step: string; state: string; fill: string; x: number; width: number; height: number }>;
  objective: { x: number; height: number };
  measured: { x: number; height: number };
  objectiveStroke: string;
  rto: string;
  rpo: string;
  timelineWidth: number;
}

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let dir: string;
  let shipped: string;
  let probe: Probe;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-html-'));
    const html = renderReport(reportFacts(cleanPlannedRun().events), 'html');
    const page = path.join(dir, 'report.html');
    const probed = path.join(dir, 'probed.html');
    await writeFile(page, html);
    await writeFile(probed, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${PROBE}</body>`));
    const [dom, probedDom] = await Promise.all([dumpDom(page), dumpDom(probed)]);
    shipped = dom;
    const json = /<pre id="probe-result">(.*?)<\/pre>/s.exec(probedDom)?.[1];
    if (!json) throw new Error(`the probe did not run; Chromium returned:\n${probedDom.slice(0, 2000)}`);
    probe = JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) as Probe;
  }, 90_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens offline as shipped, with the timeline, the RTO line and the figures', () => {
    expect(shipped).toContain('<svg id="timeline"');
    expect(shipped.match(/<rect class="bar /g)).toHaveLength(6);
    expect(shipped).toContain('id="rto-objective"');
    expect(shipped).toMatch(/<div class="value" id="rto-value">3m5s<\/div>/);
    expect(shipped).toMatch(/<div class="value" id="rpo-value">400ms<\/div>/);
  });

  it('lays out one visible bar per step that ran, coloured by state', () => {
    expect(probe.bars.map((bar) => bar.step)).toEqual(['approve', 'orders-switchover', 'catalog-switchover', 'sessions', 'drain-east', 'west-serving']);
    for (const bar of probe.bars) {
      expect(bar.width).toBeGreaterThan(0);
      expect(bar.height).toBeGreaterThan(0);
      expect(bar.fill).toBe('rgb(45, 164, 78)');
    }
    // catalog-switchover (2m24s) is drawn longer than sessions (54s).
    const width = (step: string) => probe.bars.find((bar) => bar.step === step)?.width ?? 0;
    expect(width('catalog-switchover')).toBeGreaterThan(2 * width('sessions'));
  });

  it('draws the RTO objective as a red line to the right of the measured RTO, after the last bar ends', () => {
    expect(probe.objectiveStroke).toBe('rgb(207, 34, 46)');
    expect(probe.objective.height).toBeGreaterThan(100);
    expect(probe.objective.x).toBeGreaterThan(probe.measured.x);
    const lastEnd = Math.max(...probe.bars.map((bar) => bar.x + bar.width));
    expect(Math.abs(probe.measured.x - lastEnd)).toBeLessThan(3);
    expect(probe.timelineWidth).toBeGreaterThan(600);
  });

  it('reads the figures as rendered', () => {
    expect(probe.rto).toBe('3m5s');
    expect(probe.rpo).toBe('400ms');
  });
});

describe.skipIf(hasChromium)('html report in headless Chromium', () => {
  it.skip(NO_CHROMIUM, () => undefined);
});
