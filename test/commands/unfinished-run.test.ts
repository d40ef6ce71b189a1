// A new run of a runbook whose last run did not finish: asked on a terminal (type "new"), refused
// without one unless --ignore-unfinished; finished or rolled-back runs are not asked about.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLastRunFinished } from '../../commands/unfinished-run';
import type { CliIO } from '../../src/core/io';
import type { ApprovalRequest } from '../../src/core/operator';
import type { RunEvent } from '../../src/core/events';
import { FileJournal } from '../../src/journal/writer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-unfinished-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Run ids as newRunId makes them: they name their runbook.
const OLD_RUN = '20261127-000000-shop-0001';

function journal(runId: string, outcome?: 'succeeded' | 'aborted' | 'unknown' | 'failed', runbook = 'shop'): void {
  const file = FileJournal.open(dir, runId);
  const started = { type: 'run.started', runId, runbook, file: 'shop.yaml', mode: 'run', inputs: {}, objectives: {}, steps: [], seq: 1, at: 1_000, realAt: 1_000 };
  file.emit(started as unknown as RunEvent);
  if (outcome) file.emit({ type: 'run.finished', outcome, durationMs: 1, seq: 2, at: 2_000 } as RunEvent);
  file.close();
}

const terminal = { stdout: Object.assign(new PassThrough(), { isTTY: true }), stderr: new PassThrough(), stdin: Object.assign(new PassThrough(), { isTTY: true }), env: {}, cwd: '/' } as CliIO;
const pipe = { ...terminal, stdout: new PassThrough(), stdin: new PassThrough() } as CliIO;

function asking(typed: 'new' | 'no') {
  const asked: ApprovalRequest[] = [];
  return { asked, operator: { approve: async (request: ApprovalRequest) => (asked.push(request), { approved: typed === 'new', by: 'alice' }), confirmStep: async () => 'run' as const } };
}

const check = (io: CliIO, operator: ReturnType<typeof asking>['operator'], ignore = false) =>
  checkLastRunFinished({ interactive: io === terminal, journalDir: dir, runbook: 'shop', runId: '20261127-010000-shop-0002', ignore, operator, signal: new AbortController().signal });

describe('a new run after an unfinished one', () => {
  it.each([
    ['cut off by a crash', undefined, /cut off \(a crash, or kill -9\)/],
    ['stopped with Ctrl-C', 'aborted', /stopped before the end/],
    ['with an unknown outcome', 'unknown', /outcome of a step is unknown/],
  ] as const)('asks on a terminal when the last run was %s, and goes on only when the operator types "new"', async (_what, outcome, why) => {
    journal(OLD_RUN, outcome);
    const yes = asking('new');
    await check(terminal, yes.operator);
    expect(yes.asked[0]).toMatchObject({ confirmText: 'new', message: expect.stringMatching(why) });
    expect(yes.asked[0]?.message).toContain(`\`drctl resume ${OLD_RUN}\``);
    await expect(check(terminal, asking('no').operator)).rejects.toMatchObject({ code: 'engine.unfinished-run' });
  });

  it('refuses without a terminal unless --ignore-unfinished, naming the run and drctl resume', async () => {
    journal(OLD_RUN, 'aborted');
    const nobody = asking('new');
    await expect(check(pipe, nobody.operator)).rejects.toMatchObject({ code: 'engine.unfinished-run', exitCode: 2, hint: expect.stringContaining(`drctl resume ${OLD_RUN}`) });
    await check(pipe, nobody.operator, true);
    expect(nobody.asked).toEqual([]);
  });

  it('says nothing about an unfinished run of another runbook, even one whose name starts the same', async () => {
    journal('20261127-000000-shop-eu-0003', 'aborted', 'shop-eu');
    const nobody = asking('no');
    await check(pipe, nobody.operator);
    expect(nobody.asked).toEqual([]);
  });

  it('says nothing after a run that finished (succeeded, failed, or rolled back)', async () => {
    journal(OLD_RUN, 'failed');
    const nobody = asking('no');
    await check(pipe, nobody.operator);
    expect(nobody.asked).toEqual([]);
  });
});
