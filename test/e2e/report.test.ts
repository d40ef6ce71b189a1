// drctl report, run as a user would: on a journal written by hand, in every format, to stdout and files.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPlannedRun } from '../report/journal';
import { drctl } from './drctl';

const RUN_ID = '20260105-090000-shop-region-failover-1a2b';

describe('drctl report', () => {
  let dir: string;
  const report = (...args: string[]) => drctl(['report', ...args], { cwd: dir });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-e2e-report-'));
    await mkdir(path.join(dir, '.drctl/runs', RUN_ID), { recursive: true });
    const journal = cleanPlannedRun().events.map((event) => JSON.stringify(event)).join('\n');
    await writeFile(path.join(dir, '.drctl/runs', RUN_ID, 'journal.jsonl'), `${journal}\n`);
    // Every run saves the runbook it started with; a run directory without it reports as INCOMPLETE.
    await writeFile(path.join(dir, '.drctl/runs', RUN_ID, 'runbook.json'), `${JSON.stringify({ file: 'runbooks/shop-region-failover.yaml', document: {}, inputs: {} })}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the text report of the newest run by default', async () => {
    const result = await report();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Report shop-region-failover · run ${RUN_ID} · succeeded`);
    expect(result.stdout).toMatch(/RTO\s+3m5s\s+objective 5m\s+met/);
    expect(result.stdout).toMatch(/RPO\s+400ms\s+objective 1\.0s\s+met/);
  });

  it('writes each format to --out', async () => {
    for (const [format, file] of [['md', 'out/report.md'], ['html', 'out/report.html'], ['json', 'out/report.json'], ['junit', 'out/report.xml']] as const) {
      const result = await report(RUN_ID, '-o', format, '--out-file', file);
      expect(result.code).toBe(0);
      // --format json asks for JSON: the notice is a JSON line on stderr too (docs/output.md).
      const notice = format === 'json' ? `${JSON.stringify({ type: 'notice', code: 'report.written', message: `Report written to ${file}` })}\n` : `Report written to ${file}\n`;
      expect(result.stderr).toBe(notice);
    }
    expect(await readFile(path.join(dir, 'out/report.md'), 'utf8')).toContain('# DR run: shop-region-failover');
    expect(await readFile(path.join(dir, 'out/report.html'), 'utf8')).toContain('<svg id="timeline"');
    expect(JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8'))).toMatchObject({ schema: 'drctl.report/v1', rto: { valueMs: 185_000 } });
    expect(await readFile(path.join(dir, 'out/report.xml'), 'utf8')).toContain('<testsuites name="drctl report"');
  });

  it('reads a journal file by path and restarts the RTO clock at --incident-start', async () => {
    const result = await report(`.drctl/runs/${RUN_ID}/journal.jsonl`, '--incident-start', '2026-01-05T08:56:00Z');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/RTO\s+7m5s\s+objective 5m\s+MISSED\s+7m5s, from the incident start to api-west healthy/);
    expect(result.stdout).toContain('✗ RTO 7m5s missed the 5m objective by 2m5s');
  });

  it('refuses a format it does not have, an unknown run, and a bad incident start, with exit 2', async () => {
    const format = await report('-o', 'pdf');
    expect(format.code).toBe(2);
    const run = await report('20990101-000000-nope-0000');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no run 20990101-000000-nope-0000');
    const incident = await report('--incident-start', 'yesterday');
    expect(incident.code).toBe(2);
    expect(incident.stderr).toContain('--incident-start "yesterday"');
  });

  it('shows an empty drill history as a hint, not an error', async () => {
    const result = await report('--history');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No drills recorded yet');
  });
});

