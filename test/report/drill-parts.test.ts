// The small decisions behind `drctl report` and `drctl drill`: the incident start, which journal a
// target names, which failback inputs to use, and which end states a drill reads back and how it judges them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failbackInputs, movedRegions } from '../../commands/drill-failback';
import { parseFormats } from '../../src/report/drill-output';
import { reportFacts } from '../../src/report/facts';
import { parseIncidentStart } from '../../src/report/incident-start';
import { loadJournal } from '../../src/report/load';
import { redactText } from '../../src/report/redact';
import { actionCatalogue } from '../../src/actions/catalogue';
import { expectations, planEndStates } from '../../src/report/end-state';
import { failbackShortfalls, verifyExpected, verifyReturned } from '../../src/report/verify';
import { loadRunbookFile } from '../../src/runbook/load';
import { RunbookDocument } from '../../src/runbook/schema';
import { cleanPlannedRun, T0 } from './journal';

describe('--incident-start', () => {
  it('takes an ISO time with a zone or a duration before now', () => {
    expect(parseIncidentStart('2026-01-05T08:55:00Z', T0)).toBe(T0 - 300_000);
    expect(parseIncidentStart('2026-01-05T10:55:00+02:00', T0)).toBe(T0 - 300_000);
    expect(parseIncidentStart('10m ago', T0)).toBe(T0 - 600_000);
    expect(parseIncidentStart('1h30m ago', T0)).toBe(T0 - 5_400_000);
  });

  it('refuses what it would have to guess, and the future', () => {
    expect(() => parseIncidentStart('2026-01-05 08:55', T0)).toThrow(/neither an ISO time with a zone/);
    expect(() => parseIncidentStart('ten minutes ago', T0)).toThrow(/is not a duration before now/);
    expect(() => parseIncidentStart('2026-01-05T09:10:00Z', T0)).toThrow(/is in the future/);
  });
});

describe('report target', () => {
  let dir: string;
  const runId = '20260105-090000-shop-region-failover-1a2b';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drctl-load-'));
    await mkdir(path.join(dir, '.drctl/runs', runId), { recursive: true });
    const text = cleanPlannedRun().events.map((event) => JSON.stringify(event)).join('\n');
    await writeFile(path.join(dir, '.drctl/runs', runId, 'journal.jsonl'), `${text}\n{"type":"run.fini`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is a run id, a run directory, a journal file, or the newest run', async () => {
    const journalDir = path.join(dir, '.drctl');
    const byId = await loadJournal(runId, journalDir, dir);
    const byDir = await loadJournal(`.drctl/runs/${runId}`, journalDir, dir);
    const byFile = await loadJournal(`.drctl/runs/${runId}/journal.jsonl`, journalDir, dir);
    const newest = await loadJournal(undefined, journalDir, dir);
    for (const loaded of [byId, byDir, byFile, newest]) expect(loaded.events).toHaveLength(cleanPlannedRun().events.length);
    expect(byId.tornTail).toBe(true);
  });

  it('names what is wrong when the target is not there', async () => {
    await expect(loadJournal('missing/journal.jsonl', path.join(dir, '.drctl'), dir)).rejects.toThrow(/is not a journal file or a run directory/);
    await expect(loadJournal('20990101-000000-nope-0000', path.join(dir, '.drctl'), dir)).rejects.toThrow(/no run 20990101-000000-nope-0000/);
    await expect(loadJournal(undefined, path.join(dir, 'elsewhere'), dir)).rejects.toThrow(/no runs in/);
  });
});

const runbook = (inputs: Record<string, unknown>) =>
  RunbookDocument.parse({ apiVersion: 'drctl/v1', kind: 'Runbook', metadata: { name: 'x' }, spec: { inputs, steps: [{ id: 'a', uses: 'wait', with: { duration: '1s' } }] } });

describe('failback inputs', () => {
  const facts = reportFacts(cleanPlannedRun().events);
  const failover = { file: 'f.yaml', document: runbook({}), inputs: { from: 'us-east-1', to: 'us-west-2', mode: 'unplanned', 'max-lag': '5s' } };

  it('sends the same runbook back the other way, as a planned move, keeping its other inputs', () => {
    const same = runbook({ from: { type: 'region' }, to: { type: 'region' }, mode: { type: 'string', enum: ['planned', 'unplanned'] }, 'max-lag': { type: 'string' } });
    const inputs = failbackInputs({ how: 'swapped', file: 'f.yaml', document: same }, { ...failover, document: same }, movedRegions(facts), []);
    expect(inputs).toEqual({ from: 'us-west-2', to: 'us-east-1', mode: 'planned', 'max-lag': '5s' });
  });

  it('gives a failback runbook the regions, and lets --failback-input win', () => {
    const back = runbook({ from: { type: 'region', default: 'eu-west-1' }, to: { type: 'region', default: 'eu-west-2' } });
    expect(failbackInputs({ how: 'given', file: 'b.yaml', document: back }, failover, undefined, [])).toEqual({ from: 'us-west-2', to: 'us-east-1' });
    expect(failbackInputs({ how: 'given', file: 'b.yaml', document: back }, failover, undefined, ['to=us-east-2'])).toEqual({ from: 'us-west-2', to: 'us-east-2' });
  });

  it('finds the home region in what the failover moved when its inputs do not say', () => {
    const onlyTo = runbook({ to: { type: 'region' } });
    const inputs = failbackInputs({ how: 'swapped', file: 'f.yaml', document: onlyTo }, { ...failover, document: onlyTo, inputs: { to: 'us-west-2' } }, movedRegions(facts), []);
    expect(inputs).toEqual({ to: 'us-east-1' });
  });
});

describe('end states a drill reads back', () => {
  const shop = async () => (await loadRunbookFile(path.resolve('runbooks/shop-region-failover.yaml'), actionCatalogue)).document;
  const subject = (key: string, value: string, changes = true) => ({ key, resource: key.split(':')[1] ?? key, label: key, changes, value });

  it('are planned from the runbook and its inputs: every step that changes or watches something, those whose if: holds', async () => {
    const document = await shop();
    const plan = planEndStates(document, { inputs: { from: 'us-east-1', to: 'us-west-2', mode: 'planned' }, resources: document.spec.resources ?? {}, steps: {} }, actionCatalogue);
    expect(plan.unresolved).toEqual([]);
    expect(expectations(plan).map((expected) => [expected.key, expected.value, expected.changes])).toEqual([
      ['global-cluster:shop-orders', 'writer in us-west-2', true],
      ['global-cluster:shop-catalog', 'writer in us-west-2', true],
      ['datastore:ldgnf-shop-sessions', 'primary in us-west-2', true],
      ['record:Z0SHOPINTERNAL/catalog.shop.internal./CNAME/', '-> the catalog-db member in us-west-2', true],
      ['record:Z0SHOPINTERNAL/sessions.shop.internal./CNAME/', '-> the sessions member in us-west-2', true],
      ['health-check:5f1c8e0a-east-4a3b-9d2e-api000000001/inverted', 'Inverted=true', true],
      ['health-check:5f1c8e0a-east-4a3b-9d2e-api000000001/verdict', 'unhealthy', false],
      ['health-check:0b1e7c42-west-4f6a-8c1d-api000000002/verdict', 'healthy', false],
      ['alarm:us-west-2/shop-healthy-usw2', 'OK', false],
      ['endpoint:https://api.shop.example.com/health', 'answers 200 matching /"region":"us-west-2"/', false],
    ]);
  });

  it('say which steps cannot be planned before the run (parameters that read outputs)', async () => {
    const document = RunbookDocument.parse({
      apiVersion: 'drctl/v1', kind: 'Runbook', metadata: { name: 'x' },
      spec: { resources: { 'orders-db': { type: 'aurora-global', globalClusterId: 'o' } }, steps: [{ id: 'a', uses: 'wait', with: { duration: '1s' } }, { id: 'b', uses: 'aurora.switchover', with: { resource: 'orders-db', to: '${{ steps.a.outputs.region }}' } }] },
    });
    const plan = planEndStates(document, { inputs: {}, resources: document.spec.resources ?? {}, steps: {} }, actionCatalogue);
    expect(plan.steps).toEqual([]);
    expect(plan.unresolved).toHaveLength(1);
    expect(plan.unresolved[0]).toMatch(/^b: /);
  });

  it('after a run, name what differs from what the steps expect', () => {
    const readings = new Map([['global-cluster:o', { value: 'writer in us-east-1' }], ['alarm:us-west-2/a', { error: 'access denied' }]]);
    expect(verifyExpected([subject('global-cluster:o', 'writer in us-west-2'), subject('alarm:us-west-2/a', 'OK', false)], readings)).toEqual([
      { subject: 'o', ok: false, message: 'global-cluster:o is writer in us-east-1, expected writer in us-west-2', expected: 'writer in us-west-2', observed: 'writer in us-east-1' },
      { subject: 'us-west-2/a', ok: false, message: 'alarm:us-west-2/a is unreadable (access denied), expected OK', expected: 'OK' },
    ]);
  });

  it('after the failback, name every change not returned to what it was before the failover', () => {
    const before = new Map([['record:r', { value: '-> 192.0.2.10' }], ['global-cluster:o', { value: 'writer in us-east-1' }]]);
    const now = new Map([['record:r', { value: '-> 198.51.100.10' }], ['global-cluster:o', { value: 'writer in us-east-1' }]]);
    expect(verifyReturned([subject('record:r', '-> 198.51.100.10'), subject('global-cluster:o', 'writer in us-west-2')], before, now).map((fact) => [fact.ok, fact.message])).toEqual([
      [false, 'record:r is -> 198.51.100.10 after the failback; before the failover it was -> 192.0.2.10'],
      [true, 'global-cluster:o: writer in us-east-1 again, as before the failover'],
    ]);
  });

  it('before a failback, say what it would leave changed: a value it keeps, or a subject it does not touch', () => {
    const before = new Map([['record:r', { value: '-> 192.0.2.10' }], ['health-check:e/inverted', { value: 'Inverted=false' }], ['global-cluster:o', { value: 'writer in us-east-1' }]]);
    const changed = [subject('record:r', '-> 198.51.100.10'), subject('health-check:e/inverted', 'Inverted=true'), subject('global-cluster:o', 'writer in us-west-2')];
    const failback = [subject('record:r', '-> 198.51.100.10'), subject('global-cluster:o', 'writer in us-east-1')];
    expect(failbackShortfalls(changed, before, failback)).toEqual([
      'record:r would stay -> 198.51.100.10; before the failover it was -> 192.0.2.10',
      'health-check:e/inverted would stay Inverted=true (the failback does not touch it); before the failover it was Inverted=false',
    ]);
    expect(failbackShortfalls(changed, before, [...failback.slice(1), subject('record:r', '-> 192.0.2.10'), subject('health-check:e/inverted', 'Inverted=false')])).toEqual([]);
  });
});

describe('small parsers', () => {
  it('reads --formats', () => {
    expect(parseFormats(undefined)).toEqual(['text', 'md', 'json', 'junit', 'html']);
    expect(parseFormats('md, html')).toEqual(['md', 'html']);
    expect(parseFormats('md,pdf')).toEqual({ unknown: ['pdf'] });
  });

  it('scrubs credentials out of free text', () => {
    expect(redactText('key AKIAIOSFODNN7EXAMPLE, password=hunter2 and token: "abc"')).toBe('key [redacted], password=[redacted] and token: "[redacted]"');
  });
});
