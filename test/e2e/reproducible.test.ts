// The rule of simulated time: a figure depends only on the world, the seed, the runbook and the inputs.
// The shop drill (failover and failback) through plain lines, JSON lines and the live view in a real
// terminal, at two --max-parallel settings, reports the same RTO and RPO per resource, to the ms, and the
// same timeline. (The suite is also run with CPU hogs beside it; nothing here reads real time.)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFacts } from '../../src/report/facts-types';
import { hasTmux, Pane } from '../status/e2e-helpers';
import { drctl, ROOT } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drctl-repro-'));
  dirs.push(dir);
  return dir;
}

/** What a drill's reports say, with the instants made relative to each run's start (the start is today's date). */
function figures(dir: string) {
  const drills = path.join(dir, '.drctl', 'drills');
  const [drill] = readdirSync(drills);
  return ['failover', 'failback'].map((role) => {
    const facts = JSON.parse(readFileSync(path.join(drills, drill ?? '', `${role}.json`), 'utf8')) as ReportFacts;
    const since = (at: number | undefined) => (at === undefined ? undefined : at - (facts.run.startedAt ?? 0));
    return {
      role,
      simulated: facts.run.simulated,
      outcome: facts.run.outcome,
      rto: facts.rto.valueMs,
      rpo: facts.rpo.valueMs,
      resources: facts.resources.map((resource) => ({
        resource: resource.resource,
        rtoMs: resource.rtoMs,
        rpoMs: resource.rpo?.valueMs,
        rpoSource: resource.rpo?.source,
        accepted: since(resource.acceptedAt),
        available: since(resource.availableAt),
      })),
      timeline: facts.steps.map((step) => [step.id, step.state, step.startOffsetMs, step.endOffsetMs]),
    };
  });
}

async function drill(...args: string[]) {
  const dir = freshDir();
  const result = await drctl(['drill', RUNBOOK, '--sim', '--failback', '--yes', ...args], { cwd: dir, timeoutMs: 120_000 });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return figures(dir);
}

describe('a simulated drill replays exactly', () => {
  it('plain and JSON output, --max-parallel 50 and 3: the same RTO and RPO per resource, to the ms', async () => {
    const plain = await drill();
    const json = await drill('--output', 'json', '--max-parallel', '3');
    expect(json).toEqual(plain);
    expect(plain[0]).toMatchObject({ simulated: true, outcome: 'succeeded' });
    expect(plain[0]?.resources.map((resource) => resource.resource)).toEqual(expect.arrayContaining(['orders-db', 'catalog-db', 'sessions']));
    const stores = plain.flatMap((run) => run.resources.filter((resource) => ['orders-db', 'catalog-db', 'sessions'].includes(resource.resource)));
    expect(stores).toHaveLength(6);
    for (const store of stores) expect(store.rtoMs).toBeGreaterThan(0);
  }, 240_000);

  it.skipIf(!hasTmux)(`the live view in a real terminal gives the same figures${hasTmux ? '' : ' (SKIPPED: tmux is not installed)'}`, async () => {
    const plain = await drill();
    const dir = freshDir();
    const pane = new Pane(['drill', RUNBOOK, '--sim', '--failback', '--yes'], dir, { columns: 120, rows: 50 });
    try {
      const screen = await pane.waitFor(/\[drctl exited \d+\]/, 120_000);
      expect(pane.exitCode(screen), screen).toBe(0);
    } finally {
      pane.close();
    }
    expect(figures(dir)).toEqual(plain);
  }, 240_000);
});
