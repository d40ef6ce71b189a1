// A journal that cannot be trusted is said to be so (the real binary): damage is journal.corrupt naming
// the file and line, a torn last line is tolerated with a warning, a report of a damaged run refuses or
// marks itself INCOMPLETE, and a journal directory drctl cannot write stops a run before it starts.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drctl, ROOT } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/aurora-global-failover.yaml');
let dir: string;
let runId: string;

/** A copy of the finished run's journal directory, damaged by `damage(journal file, run dir)`. */
function damaged(name: string, damage: (journal: string, runDirectory: string) => void): string {
  const journalDir = path.join(dir, name);
  cpSync(path.join(dir, 'good'), journalDir, { recursive: true });
  const runDirectory = path.join(journalDir, 'runs', runId);
  damage(path.join(runDirectory, 'journal.jsonl'), runDirectory);
  return journalDir;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-damage-'));
  const ran = await drctl(['run', RUNBOOK, '--sim', '--yes', '--journal-dir', path.join(dir, 'good')], { cwd: dir });
  expect(ran.code).toBe(0);
  [runId] = readdirSync(path.join(dir, 'good', 'runs')) as [string];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const half = (journal: string) => truncateSync(journal, Math.floor(readFileSync(journal).length / 2));
const DAMAGE: Record<string, (journal: string, runDirectory: string) => void> = {
  empty: (journal) => writeFileSync(journal, ''),
  binary: (journal) => writeFileSync(journal, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x0a, 0x00, 0xff, 0x0a, 0x13])),
  'without runbook.json': (_journal, runDirectory) => unlinkSync(path.join(runDirectory, 'runbook.json')),
};

describe('damaged journals', () => {
  it.each([
    ['empty', /journal\.jsonl:1 is empty/],
    ['binary', /journal\.jsonl:1 is not a journal event/],
    ['without runbook.json', /runbook\.json is missing/],
  ])('resume of a journal that is %s: journal.corrupt, exit 1, nothing run', async (name, message) => {
    const journalDir = damaged(`resume-${name}`, DAMAGE[name]!);
    const result = await drctl(['resume', runId, '--sim', '--yes', '--journal-dir', journalDir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[journal.corrupt]');
    expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toContain('intent journaled');
  });

  it('resume of a journal cut in half warns that its last line was cut short, then finishes from live state', async () => {
    const journalDir = damaged('resume-half', half);
    const result = await drctl(['resume', runId, '--sim', '--yes', '--journal-dir', journalDir], { cwd: dir });
    expect(result.stderr).toContain('warning: the last line of');
    expect(result.stderr).toContain('was cut short');
    expect(result.code).toBe(0);
  });

  it.each(['empty', 'binary'])('report of a journal that is %s refuses (journal.corrupt, exit 1)', async (name) => {
    const result = await drctl(['report', runId, '--journal-dir', damaged(`report-${name}`, DAMAGE[name]!)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[journal.corrupt]');
    expect(result.stdout).toBe('');
  });

  it.each([
    ['cut in half', half, /INCOMPLETE: the last line of the journal was cut short/],
    ['without runbook.json', DAMAGE['without runbook.json']!, /INCOMPLETE: the run directory has no runbook\.json/],
  ])('report of a run %s marks itself INCOMPLETE in every format and judges no objective', async (name, damage, notice) => {
    const journalDir = damaged(`report-${name.replace(/\W+/g, '-')}`, damage);
    const text = await drctl(['report', runId, '--journal-dir', journalDir], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(notice);
    expect(text.stdout).toMatch(/· (succeeded|did not finish) \(INCOMPLETE record\)/);
    expect(text.stdout).toContain('no objective is judged');
    expect(text.stdout).not.toMatch(/\s met\s/);
    for (const format of ['md', 'html', 'junit']) expect((await drctl(['report', runId, '-f', format, '--journal-dir', journalDir], { cwd: dir })).stdout).toMatch(notice);
    const json = JSON.parse((await drctl(['report', runId, '-f', 'json', '--journal-dir', journalDir], { cwd: dir })).stdout) as { run: { incomplete?: string[] }; objectivesMet: boolean };
    expect(json.run.incomplete?.length).toBeGreaterThan(0);
    expect(json.objectivesMet).toBe(false);
  });
});

describe('a journal directory drctl cannot write', () => {
  it('stops the run before it starts: journal.unwritable with a hint, exit 1, no stack trace', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes', '--journal-dir', path.join(file, 'x')], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[journal.unwritable]');
    expect(result.stderr).toContain('a part of the path is a file, not a directory (ENOTDIR)');
    expect(result.stderr).toContain('--journal-dir');
    expect(result.stderr).not.toMatch(/hit a bug|\n\s+at /);
    expect(result.stdout).not.toContain('intent journaled');
  });
});
