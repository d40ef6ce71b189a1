import { actionCatalogue } from '../../src/actions/catalogue';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkRunbookFile, loadRunbookFile } from '../../src/runbook/load';
import { discoverRunbooks } from '../../src/runbook/discover';
import { ProblemsError } from '../../src/core/errors';
import { VALID_RUNBOOK } from '../helpers/runbook-text';

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-files-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const codes = async (file: string) => (await checkRunbookFile(file, actionCatalogue)).problems.map((p) => p.code);

// ESM namespaces cannot be spied on, and root can read a chmod 000 file: fail one open on demand instead.
const failNextRead = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: (...args: Parameters<typeof real.open>) => {
      const code = failNextRead.code;
      failNextRead.code = undefined;
      return code ? Promise.reject(Object.assign(new Error(code), { code })) : real.open(...args);
    },
  };
});

describe('reading runbook files', () => {
  it('names a missing file', async () => {
    const result = await checkRunbookFile(path.join(dir, 'nope.yaml'), actionCatalogue, 'nope.yaml');
    expect(result.problems).toEqual([expect.objectContaining({ code: 'runbook.not-found', message: 'nope.yaml does not exist' })]);
  });

  it('refuses binary garbage and non-UTF-8 text', async () => {
    expect(await codes(write('garbage.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3])))).toEqual(['runbook.not-text']);
    expect(await codes(write('latin1.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0xff])))).toEqual(['runbook.not-text']);
  });

  it('refuses a 10 MB file without parsing it', async () => {
    const result = await checkRunbookFile(write('huge.yaml', 'a: b\n'.repeat(2 * 1024 * 1024)), actionCatalogue);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'runbook.too-large' })]);
    expect(result.problems[0]?.message).toMatch(/10\.0 MB; a runbook is at most 1 MB/);
  });

  it('reports an unreadable file', async () => {
    const file = write('locked.yaml', VALID_RUNBOOK);
    failNextRead.code = 'EACCES';
    const result = await checkRunbookFile(file, actionCatalogue, 'locked.yaml');
    expect(result.problems).toEqual([expect.objectContaining({ code: 'runbook.unreadable', message: 'locked.yaml cannot be read (permission denied)' })]);
  });

  it('throws one ProblemsError listing every problem when loading an invalid runbook', async () => {
    const file = write('broken.yaml', VALID_RUNBOOK.replace('rto: 5m', 'rto: later').replace('needs: [orders]', 'needs: [nobody]'));
    const error = await loadRunbookFile(file, actionCatalogue).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemsError);
    expect((error as ProblemsError).problems.map((p) => p.code)).toEqual(['runbook.bad-duration', 'runbook.unknown-need']);
  });
});

describe('discovering runbooks', () => {
  it('expands directories recursively and reports one without runbooks', async () => {
    mkdirSync(path.join(dir, 'books/nested'), { recursive: true });
    mkdirSync(path.join(dir, 'empty'), { recursive: true });
    writeFileSync(path.join(dir, 'books/a.yaml'), VALID_RUNBOOK);
    writeFileSync(path.join(dir, 'books/nested/b.yml'), VALID_RUNBOOK);
    writeFileSync(path.join(dir, 'books/notes.txt'), 'x');
    const found = await discoverRunbooks(['books', 'empty'], dir);
    expect(found.files).toEqual(['books/a.yaml', 'books/nested/b.yml']);
    expect(found.problems).toEqual([expect.objectContaining({ file: 'empty', problem: expect.objectContaining({ code: 'validate.no-runbooks' }) })]);
  });

  it('skips hidden entries and node_modules, follows symbolic links and survives a loop of them', async () => {
    const root = path.join(dir, 'tree');
    for (const sub of ['.git', '.drctl/runs', 'node_modules/pkg', 'team/deep', 'elsewhere']) mkdirSync(path.join(root, sub), { recursive: true });
    for (const file of ['.git/x.yaml', '.drctl/runs/y.yaml', 'node_modules/pkg/z.yaml', '.hidden.yaml', 'team/deep/c.yaml', 'team/UPPER.YAML', 'elsewhere/linked.yml', 'top.yaml']) {
      writeFileSync(path.join(root, file), VALID_RUNBOOK);
    }
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'team/link'));
    symlinkSync(root, path.join(root, 'team/deep/loop'));
    const found = await discoverRunbooks(['tree'], dir);
    expect(found.files.filter((file) => !file.includes('loop'))).toEqual(['tree/elsewhere/linked.yml', 'tree/team/deep/c.yaml', 'tree/team/link/linked.yml', 'tree/top.yaml']);
    expect(found.problems).toEqual([]);
  });

  it('expands globs and reports one that matches nothing', async () => {
    const found = await discoverRunbooks(['books/**/*.yml', 'nothing/*.yaml'], dir);
    expect(found.files).toEqual(['books/nested/b.yml']);
    expect(found.problems.map((p) => p.problem.code)).toEqual(['validate.no-match']);
  });
});
