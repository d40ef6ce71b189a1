// A journal file system that behaves like a disk with little room left: writes succeed until `budget`
// bytes are spent, the write that crosses it is cut short (as write(2) does), and later writes fail with
// ENOSPC. Other failures (EIO on fsync, an unwritable directory) are switched on by name.
import { nodeJournalFs, type JournalFs } from '../../src/journal/journal-fs';

export interface FailingFs extends JournalFs {
  /** Bytes that may still be written; Infinity for a disk with room. */
  budget: number;
  failFsync?: boolean;
  failMkdir?: NodeJS.ErrnoException['code'];
}

export function errno(code: string, syscall: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'i/o error'}, ${syscall}`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  return error;
}

export function failingFs(budget = Number.POSITIVE_INFINITY, real: JournalFs = nodeJournalFs): FailingFs {
  const fs: FailingFs = {
    ...real,
    budget,
    write(fd, bytes, offset, length) {
      if (fs.budget <= 0) throw errno('ENOSPC', 'write');
      const written = real.write(fd, bytes, offset, Math.min(length, fs.budget));
      fs.budget -= written;
      return written;
    },
    async writeFileSynced(file, text) {
      const size = Buffer.byteLength(text);
      if (size > fs.budget) {
        // A partial file is left behind, as a real full disk leaves it.
        await real.writeFile(file, text.slice(0, Math.max(0, fs.budget)));
        fs.budget = 0;
        throw errno('ENOSPC', 'write');
      }
      fs.budget -= size;
      await real.writeFileSynced(file, text);
    },
    fsync(fd) {
      if (fs.failFsync) throw errno('EIO', 'fsync');
      real.fsync(fd);
    },
    async fsyncAsync(fd) {
      if (fs.failFsync) throw errno('EIO', 'fsync');
      await real.fsyncAsync(fd);
    },
    mkdirSync(dir) {
      if (fs.failMkdir) throw errno(fs.failMkdir, 'mkdir');
      real.mkdirSync(dir);
    },
    async mkdir(dir) {
      if (fs.failMkdir) throw errno(fs.failMkdir, 'mkdir');
      await real.mkdir(dir);
    },
    freeBytes: () => (Number.isFinite(fs.budget) ? fs.budget : real.freeBytes('/')),
  };
  return fs;
}
