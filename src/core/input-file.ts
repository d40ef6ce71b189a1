// Reading a file the user named (a runbook, a world file). Anything that is not a regular file is refused
// before a byte is read: `drctl validate /dev/zero` used to read forever, a FIFO blocks until someone
// writes to it, a socket or a directory cannot be a runbook. So is a file over the size limit.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type InputFileProblem =
  | { kind: 'missing' | 'unreadable'; errno?: string }
  | { kind: 'directory' }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'too-large'; bytes: number; maxBytes: number };

function kindOf(info: Stats): string {
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The file's bytes, or why it cannot be read. It is opened without blocking (a FIFO with no writer
 * would otherwise hang the open) and checked on the open descriptor, so what is checked is what is read.
 */
export async function readInputFile(file: string, maxBytes: number): Promise<{ bytes: Buffer } | { problem: InputFileProblem }> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // A socket cannot even be opened (ENXIO): say what it is rather than why open failed.
    const info = await stat(file).catch(() => undefined);
    if (info && !info.isFile() && !info.isDirectory()) return { problem: { kind: 'not-a-file', what: kindOf(info) } };
    return { problem: openProblem(error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { problem: { kind: 'directory' } };
    if (!info.isFile()) return { problem: { kind: 'not-a-file', what: kindOf(info) } };
    if (info.size > maxBytes) return { problem: { kind: 'too-large', bytes: info.size, maxBytes } };
    return { bytes: await handle.readFile() };
  } catch (error) {
    return { problem: openProblem(error) };
  } finally {
    await handle.close();
  }
}

function openProblem(error: unknown): InputFileProblem {
  const errno = (error as NodeJS.ErrnoException).code;
  if (errno === 'ENOENT') return { kind: 'missing' };
  if (errno === 'EISDIR') return { kind: 'directory' };
  return { kind: 'unreadable', errno };
}

/** One line for people: "is a named pipe (FIFO)", "is 3.2 MB; at most 1 MB". */
export function describeInputFileProblem(problem: InputFileProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'does not exist';
    case 'directory':
      return 'is a directory';
    case 'not-a-file':
      return `is ${problem.what}, not a file`;
    case 'too-large':
      return `is ${(problem.bytes / 1024 / 1024).toFixed(1)} MB; at most ${(problem.maxBytes / 1024 / 1024).toFixed(0)} MB is read`;
    case 'unreadable':
      return `cannot be read (${problem.errno === 'EACCES' || problem.errno === 'EPERM' ? 'permission denied' : (problem.errno ?? 'unknown error')})`;
  }
}
