// The small decisions behind `drctl report` and `drctl drill`: the incident start, which journal a
// target names, which failback inputs to use, and what end state to read back.
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
import { verificationPlan } from '../../src/report/verify';
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

describe('end-state verification plan', () => {
  it('checks every writer the run moved and the health checks of the target region', () => {
    const facts = reportFacts(cleanPlannedRun().events);
    const resources = {
      'api-east': { type: 'route53-health-check' as const, healthCheckId: 'e', region: 'us-east-1' },
      'api-west': { type: 'route53-health-check' as const, healthCheckId: 'w', region: 'us-west-2' },
    };
    expect(verificationPlan(facts, resources)).toEqual([
      { subject: 'orders-db', check: 'writer-in', params: { resource: 'orders-db', region: 'us-west-2' } },
      { subject: 'catalog-db', check: 'writer-in', params: { resource: 'catalog-db', region: 'us-west-2' } },
      { subject: 'sessions', check: 'writer-in', params: { resource: 'sessions', region: 'us-west-2' } },
      { subject: 'api-west', check: 'healthy', params: { resource: 'api-west' } },
    ]);
  });

  it('falls back to the health checks the run waited for when none names its region', () => {
    const facts = reportFacts(cleanPlannedRun().events);
    expect(verificationPlan(facts, {}).filter((planned) => planned.check === 'healthy')).toEqual([{ subject: 'api-west', check: 'healthy', params: { resource: 'api-west' } }]);
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
