// The file system as the journal and the lock see it. Production uses node:fs; tests hand in a wrapper
// that fails a write (a full disk, an unwritable directory) or holds an operation back to force one
// interleaving of racing processes, so every failure the journal must survive can be reproduced exactly.
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';

export interface JournalFsAsync {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string): Promise<string>;
  /** Creates or replaces the file with this text. */
  writeFile(file: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
  /** Fails with EEXIST when `to` exists: unlike rename, it never replaces anything. */
  link(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mtimeMs(file: string): Promise<number>;
}

export const nodeJournalFs: JournalFsAsync = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  readdir: (dir) => readdir(dir),
  readFile: (file) => readFile(file, 'utf8'),
  writeFile: (file, text, options) => writeFile(file, text, { flag: options?.exclusive ? 'wx' : 'w' }),
  link: (from, to) => link(from, to),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
  mtimeMs: async (file) => (await stat(file)).mtimeMs,
};
