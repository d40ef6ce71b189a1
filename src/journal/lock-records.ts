// The records a run lock is made of. The lock of a runbook is a directory of numbered records; the
// highest number says who holds it (or that it was released). A record is written in full to a
// temporary file and then link()ed to its number: link never replaces a file, so of the processes that
// try to write the same number exactly one succeeds, and no reader ever sees half a record. Taking over
// a stale holder is writing the next number, a compare-and-swap that rename-based schemes cannot give
// (rename replaces whatever a third process put there in between).
import path from 'node:path';
import type { JournalFsAsync } from './journal-fs';

export interface LockHolder {
  runId: string;
  runbook: string;
  pid: number;
  hostname: string;
  acquiredAt: number;
  heartbeatAt: number;
}

export interface LockRecord {
  number: number;
  /** undefined when the record cannot be read (damaged): its age decides whether it is stale. */
  holder?: LockHolder;
  released: boolean;
}

const RECORD = /^(\d{10})\.json$/;

export function recordPath(dir: string, number: number): string {
  return path.join(dir, `${String(number).padStart(10, '0')}.json`);
}

async function numbers(fs: JournalFsAsync, dir: string): Promise<number[]> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.flatMap((name) => {
    const match = RECORD.exec(name);
    return match ? [Number(match[1])] : [];
  });
}

/** The highest record: the lock's current state. */
export async function latestRecord(fs: JournalFsAsync, dir: string): Promise<LockRecord | undefined> {
  const top = Math.max(0, ...(await numbers(fs, dir)));
  if (top === 0) return undefined;
  const value = await fs.readFile(recordPath(dir, top)).then(
    (text) => JSON.parse(text) as Partial<LockHolder> & { released?: unknown },
    () => undefined,
  ).catch(() => undefined);
  if (value?.released === true) return { number: top, released: true };
  const readable = value && typeof value.runId === 'string' && typeof value.pid === 'number' && typeof value.heartbeatAt === 'number';
  return { number: top, holder: readable ? (value as LockHolder) : undefined, released: false };
}

/** Writes record `number` unless it exists; true when this call wrote it. */
export async function createRecord(fs: JournalFsAsync, dir: string, number: number, content: object, tag: string): Promise<boolean> {
  const temporary = path.join(dir, `.${number}-${tag}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(content));
  try {
    await fs.link(temporary, recordPath(dir, number));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.unlink(temporary).catch(() => undefined);
  }
}

/** Rewrites this holder's own record (its heartbeat); never touches another number. */
export async function rewriteRecord(fs: JournalFsAsync, dir: string, number: number, holder: LockHolder, tag: string): Promise<void> {
  const temporary = path.join(dir, `.${number}-${tag}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(holder));
  await fs.rename(temporary, recordPath(dir, number));
}

/**
 * Removes the records below `number`. The highest record is never removed, so the highest number only
 * grows: a slow process that recreates a removed lower number finds a higher one when it looks again.
 */
export async function removeBelow(fs: JournalFsAsync, dir: string, number: number): Promise<void> {
  for (const old of await numbers(fs, dir).catch(() => [])) {
    if (old < number) await fs.unlink(recordPath(dir, old)).catch(() => undefined);
  }
}

/** The age of a record, for one that cannot be read. */
export function recordAge(fs: JournalFsAsync, dir: string, number: number, now: number): Promise<number> {
  return fs.mtimeMs(recordPath(dir, number)).then((modified) => now - modified, () => Number.POSITIVE_INFINITY);
}
