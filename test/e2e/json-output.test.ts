// Every JSON shape docs/output.md promises, through the real binary: JSON lines for what runs over time
// (its result last), one document for a one-shot answer, and under -o json errors and notices as JSON
// lines on stderr. validate, status, health, run, failover and report --format json have their own
// tests beside these (validate.test.ts, status.test.ts, ...); this file covers the rest and the rule.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shopWorldFile } from '../helpers/shop-world';
import { start } from '../status/e2e-helpers';
import { drctl, ROOT } from './drctl';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-json-'));
cpSync(path.join(ROOT, 'runbooks'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TIMEOUT = 60_000;

type Json = Record<string, unknown> & { type?: string };
/** Every line is one JSON value (the rule for streams). */
const lines = (text: string): Json[] => text.trim().split('\n').map((line) => JSON.parse(line) as Json);
/** One JSON document (the rule for one-shot answers): pretty-printed, parsed whole. */
const document = (text: string): Json => JSON.parse(text) as Json;

describe('answers over time: JSON lines, the result last', () => {
  it('plan: each event as journaled, then plan.result', async () => {
    const result = await drctl(['plan', 'shop-region-failover.yaml', '--sim', '-o', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out[0]?.type).toBe('run.started');
    expect(out.some((line) => line.type === 'preflight.passed')).toBe(true);
    expect(out.at(-1)).toMatchObject({ type: 'plan.result', ok: true, runbook: 'shop-region-failover' });
    expect(result.stderr).toBe('');
  }, TIMEOUT);

  it('failover --dry-run: the plan shape', async () => {
    const result = await drctl(['failover', 'aurora', 'shop-orders', '--to', 'us-west-2', '--dry-run', '--sim', '-o', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout).at(-1)).toMatchObject({ type: 'plan.result', ok: true });
  }, TIMEOUT);

  it('run, then rollback of that run: events, then run.summary with the next step', async () => {
    const journal = path.join(dir, 'rollback-journal');
    const run = await drctl(['run', 'shop-region-failover.yaml', '--sim', '--yes', '-o', 'json', '--journal-dir', journal], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const runId = lines(run.stdout)[0]?.runId as string;
    const back = await drctl(['rollback', runId, '--sim', '--yes', '-o', 'json', '--journal-dir', journal], { cwd: dir });
    expect(back.code, back.stderr).toBe(0);
    const out = lines(back.stdout);
    expect(out[0]).toMatchObject({ type: 'run.started', session: 'rollback', runId });
    expect(out.at(-1)).toMatchObject({ type: 'run.summary', runId });
  }, TIMEOUT);

  it('resume: the same shape; "nothing to do" is a notice line on stderr', async () => {
    const journal = path.join(dir, 'resume-journal');
    const run = await drctl(['run', 'aurora-global-failover.yaml', '--sim', '--yes', '-o', 'json', '--journal-dir', journal], { cwd: dir });
    const runId = lines(run.stdout)[0]?.runId as string;
    const again = await drctl(['resume', runId, '--sim', '--yes', '-o', 'json', '--journal-dir', journal], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(lines(again.stdout).at(-1)).toMatchObject({ type: 'run.summary', runId, outcome: 'succeeded' });
    expect(lines(again.stderr)).toEqual([{ type: 'notice', code: 'engine.nothing-to-do', message: expect.stringContaining('Nothing to do') }]);
  }, TIMEOUT);

  it('drill: the events of each run, then drill.result; the wait before failing back is a notice', async () => {
    const result = await drctl(['drill', 'shop-region-failover.yaml', '--sim', '--yes', '--failback', '--formats', 'json', '-o', 'json', '--journal-dir', path.join(dir, 'drill-journal')], { cwd: dir, timeoutMs: 90_000 });
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out.filter((line) => line.type === 'run.summary')).toHaveLength(2);
    expect(out.at(-1)).toMatchObject({ type: 'drill.result', schema: 'drctl.drill/v1', result: 'passed', runs: [{ role: 'failover' }, { role: 'failback' }] });
    expect(lines(result.stderr)).toEqual([{ type: 'notice', code: 'drill.failback-wait', message: expect.stringMatching(/^Waiting 2m \(simulated\)/) }]);
  }, 120_000);

  it('health --watch: one health line per reading', async () => {
    const world = path.join(dir, 'health-world.yaml');
    writeFileSync(world, shopWorldFile([]));
    const watch = start(['health', 'hc-east', '--watch', '--sim', world, '-o', 'json', '--pace', '300'], { cwd: dir });
    await watch.waitFor(/"type":"health"[^\n]*\n[^\n]*"type":"health"/);
    watch.interrupt();
    expect(await watch.exit).toBe(0);
    const readings = lines(watch.stdout());
    expect(readings.length).toBeGreaterThanOrEqual(2);
    for (const reading of readings) expect(reading).toMatchObject({ type: 'health', healthy: true, checks: [{ id: 'hc-east' }] });
    expect(watch.stderr()).toBe('');
  }, TIMEOUT);
});

describe('one-shot answers: one JSON document', () => {
  it('explain: the code, its level, meaning and what to do; --list: every code', async () => {
    const one = await drctl(['explain', 'engine.locked', '-o', 'json']);
    expect(document(one.stdout)).toEqual({ type: 'explain', code: 'engine.locked', level: 'error', meaning: expect.any(String), action: expect.any(String) });
    const all = document((await drctl(['explain', '--list', '-o', 'json'])).stdout) as { type: string; codes: Array<{ code: string }> };
    expect(all.type).toBe('explain.list');
    expect(all.codes.map((entry) => entry.code)).toContain('headless');
  });

  it('report --format json: the facts of a run', async () => {
    const journal = path.join(dir, 'report-journal');
    await drctl(['run', 'aurora-global-failover.yaml', '--sim', '--yes', '--journal-dir', journal], { cwd: dir });
    const result = await drctl(['report', '-o', 'json', '--journal-dir', journal], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(document(result.stdout)).toMatchObject({ schema: 'drctl.report/v1', run: { runbook: 'aurora-global-failover', outcome: 'succeeded' }, rto: { verdict: 'met' }, objectivesMet: true });
  }, TIMEOUT);

  it('report --history --format json: the drill history', async () => {
    const result = await drctl(['report', '--history', '-o', 'json', '--journal-dir', path.join(dir, 'no-drills')], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(document(result.stdout)).toMatchObject({ schema: 'drctl.drill-history/v1', drills: [] });
  });
});

describe('errors and notices under -o json: JSON lines on stderr', () => {
  it('a usage error from the parser', async () => {
    const result = await drctl(['validate', '-o', 'json', '--bogus', 'x']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([{ type: 'error', code: 'cli.unknown-option', message: "unknown option '--bogus'", hint: 'Run `drctl validate --help` for usage.', exitCode: 2 }]);
  });

  it('a bad option value, naming the flag', async () => {
    const result = await drctl(['run', 'shop-region-failover.yaml', '--sim', '--yes', '--max-parallel', '0', '-o', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([{ type: 'error', code: 'cli.bad-option', message: '--max-parallel 0 is not a positive whole number', hint: 'Pass it like --max-parallel 10.', exitCode: 2 }]);
  });

  it('a runbook with problems: each with file:line:col', async () => {
    writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: drctl/v1\nkind: Runbook\nmetadata: { name: broken }\nspec:\n  steps:\n    - { id: a, uses: wait, with: { duration: soon } }\n');
    const result = await drctl(['plan', 'broken.yaml', '--sim', '-o', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    const [error] = lines(result.stderr);
    expect(error).toMatchObject({ type: 'error', code: 'runbook.bad-duration', location: { file: expect.stringContaining('broken.yaml'), line: 6, column: expect.any(Number) }, exitCode: 2 });
    expect(error?.problems).toEqual([expect.objectContaining({ code: 'runbook.bad-duration', hint: expect.any(String) })]);
  });

  it('a renamed flag still works and says its new name, as a notice', async () => {
    const result = await drctl(['status', '-r', 'aurora:shop-orders', '--sim', '--time-scale', '60', '-o', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(document(result.stdout).type).toBe('status');
    expect(lines(result.stderr)).toEqual([{ type: 'notice', code: 'cli.deprecated-option', message: expect.stringMatching(/^--time-scale is now --pace \(/) }]);
  }, TIMEOUT);
});
