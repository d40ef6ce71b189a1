// The file system as the journal and the lock see it. Production uses node:fs; tests hand in a wrapper
// that fails a write (a full disk, an unwritable directory) or holds an operation back to force one
// interleaving of racing processes, so every failure the journal must survive can be reproduced exactly.
import { closeSync, fstatSync, fsync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, statfsSync, truncateSync, writeSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

export interface JournalFsAsync {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string): Promise<string>;
  /** Creates or replaces the file with this text. */
  writeFile(file: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
  /** Writes the whole text and fsyncs it before resolving. */
  writeFileSynced(file: string, text: string): Promise<void>;
  /** Fails with EEXIST when `to` exists: unlike rename, it never replaces anything. */
  link(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Removes an empty directory. */
  rmdir(dir: string): Promise<void>;
  mtimeMs(file: string): Promise<number>;
}

/** What the journal writer does synchronously: an event reaches the OS before the engine goes on. */
export interface JournalFsSync {
  mkdirSync(dir: string): void;
  /** Opens for appending; returns the descriptor. */
  openAppend(file: string): number;
  size(fd: number): number;
  /** Like write(2): may write fewer bytes than asked (a full disk), and says how many. */
  write(fd: number, bytes: Uint8Array, offset: number, length: number): number;
  fsync(fd: number): void;
  fsyncAsync(fd: number): Promise<void>;
  truncate(fd: number, length: number): void;
  close(fd: number): void;
  /** The file's bytes, or undefined when it does not exist. */
  readBytes(file: string): Buffer | undefined;
  truncateFile(file: string, length: number): void;
  /** Bytes free for this user on the file system holding `dir`; undefined when it cannot be told. */
  freeBytes(dir: string): number | undefined;
}

export type JournalFs = JournalFsAsync & JournalFsSync;

const fsyncPromise = promisify(fsync);

export const nodeJournalFs: JournalFs = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  readdir: (dir) => readdir(dir),
  readFile: (file) => readFile(file, 'utf8'),
  writeFile: (file, text, options) => writeFile(file, text, { flag: options?.exclusive ? 'wx' : 'w' }),
  writeFileSynced: async (file, text) => {
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  link: (from, to) => link(from, to),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
  rmdir: (dir) => rmdir(dir),
  mtimeMs: async (file) => (await stat(file)).mtimeMs,

  mkdirSync: (dir) => {
    mkdirSync(dir, { recursive: true });
  },
  openAppend: (file) => openSync(file, 'a'),
  size: (fd) => fstatSync(fd).size,
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
  fsync: (fd) => fsyncSync(fd),
  fsyncAsync: (fd) => fsyncPromise(fd),
  truncate: (fd, length) => ftruncateSync(fd, length),
  close: (fd) => closeSync(fd),
  readBytes: (file) => {
    try {
      return readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  truncateFile: (file, length) => truncateSync(file, length),
  freeBytes: (dir) => {
    try {
      const info = statfsSync(dir);
      return info.bavail * info.bsize;
    } catch {
      return undefined;
    }
  },
};
