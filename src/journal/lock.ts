// One run per runbook at a time. The lock is a directory of numbered records (lock-records.ts): the
// highest says who holds it (run id, pid, hostname, a heartbeat the holder refreshes) or that it was
// released. A holder is stale when it is gone: same host and the pid is dead, or the heartbeat is older
// than staleAfterMs (a crashed host, a reused pid). Acquiring, taking over and releasing are each the
// creation of the next record, which exactly one process can win.
import { hostname as osHostname } from 'node:os';
import { DrctlError, ExitCode, isDrctlError } from '../core/errors';
import { journalUnwritable } from './errors';
import { formatDuration } from '../core/duration';
import { nodeJournalFs, type JournalFsAsync } from './journal-fs';
import { lockPath } from './layout';
import { createRecord, latestRecord, recordAge, removeBelow, rewriteRecord, type LockHolder, type LockRecord } from './lock-records';

export type { LockHolder } from './lock-records';

export interface LockOptions {
  now?: () => number;
  pid?: number;
  hostname?: string;
  isAlive?: (pid: number) => boolean;
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Called if another process took the lock over (this one looked dead to it). */
  onLost?: (by: LockHolder | undefined) => void;
  /** The file system (tests inject failures and interleavings). */
  fs?: JournalFsAsync;
}

export const DEFAULT_STALE_AFTER_MS = 60_000;
export const DEFAULT_HEARTBEAT_MS = 10_000;
const ATTEMPTS = 5;

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class RunLock {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    private readonly number: number,
    readonly holder: LockHolder,
    /** The stale holder this lock was taken over from: a run that did not end cleanly. */
    readonly takenOverFrom: LockHolder | undefined,
    private readonly options: Required<Pick<LockOptions, 'now' | 'heartbeatMs' | 'fs'>> & Pick<LockOptions, 'onLost'>,
  ) {}

  startHeartbeat(): void {
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), this.options.heartbeatMs);
    this.timer.unref();
  }

  /** Refreshes the heartbeat, unless someone else holds the lock now. */
  async heartbeat(): Promise<boolean> {
    const latest = await latestRecord(this.options.fs, this.dir);
    if (latest?.number !== this.number) {
      this.stopHeartbeat();
      this.options.onLost?.(latest?.holder);
      return false;
    }
    this.holder.heartbeatAt = this.options.now();
    await rewriteRecord(this.options.fs, this.dir, this.number, this.holder, tagOf(this.holder));
    return true;
  }

  /** Records the release, unless the lock was taken over meanwhile (then it is not ours to release). */
  async release(): Promise<void> {
    this.stopHeartbeat();
    const { fs } = this.options;
    const released = { released: true, runId: this.holder.runId, pid: this.holder.pid, at: this.options.now() };
    if (await createRecord(fs, this.dir, this.number + 1, released, tagOf(this.holder)).catch(() => false)) await removeBelow(fs, this.dir, this.number + 1);
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export async function acquireRunLock(journalDir: string, runbook: string, runId: string, options: LockOptions = {}): Promise<RunLock> {
  const dir = lockPath(journalDir, runbook);
  try {
    return await acquire(dir, runbook, runId, options);
  } catch (error) {
    // engine.locked passes; a directory drctl cannot write (ENOTDIR, EACCES, ENOSPC) is said plainly.
    throw isDrctlError(error) ? error : journalUnwritable(dir, error);
  }
}

async function acquire(dir: string, runbook: string, runId: string, options: LockOptions): Promise<RunLock> {
  const now = options.now ?? Date.now;
  const fs = options.fs ?? nodeJournalFs;
  await fs.mkdir(dir);
  const holder: LockHolder = { runId, runbook, pid: options.pid ?? process.pid, hostname: options.hostname ?? osHostname(), acquiredAt: now(), heartbeatAt: now() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const latest = await latestRecord(fs, dir);
    const held = latest && !latest.released ? latest : undefined;
    if (held && !(await isStale(fs, dir, held, holder.hostname, now(), options))) throw locked(dir, runbook, held.holder, now());
    const number = (latest?.number ?? 0) + 1;
    if (!(await createRecord(fs, dir, number, holder, tagOf(holder)))) continue; // another process wrote it first
    // A number below the highest can be written again after clean-up removed it: it loses to the highest.
    if ((await latestRecord(fs, dir))?.number !== number) continue;
    await removeBelow(fs, dir, number);
    const lock = new RunLock(dir, number, holder, held?.holder, { now, fs, heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, onLost: options.onLost });
    lock.startHeartbeat();
    return lock;
  }
  throw locked(dir, runbook, (await latestRecord(fs, dir))?.holder, now());
}

/** Who holds the lock of this runbook now, if anyone. */
export async function readLockHolder(journalDir: string, runbook: string, fs: JournalFsAsync = nodeJournalFs): Promise<LockHolder | undefined> {
  const latest = await latestRecord(fs, lockPath(journalDir, runbook));
  return latest?.released === false ? latest.holder : undefined;
}

async function isStale(fs: JournalFsAsync, dir: string, record: LockRecord, hostname: string, now: number, options: LockOptions): Promise<boolean> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const { holder } = record;
  // Unreadable: damaged. Its age decides, as for a holder whose heartbeat stopped.
  if (!holder) return (await recordAge(fs, dir, record.number, now)) > staleAfterMs;
  const isAlive = options.isAlive ?? processIsAlive;
  if (holder.hostname === hostname && !isAlive(holder.pid)) return true;
  return now - holder.heartbeatAt > staleAfterMs;
}

/** Temporary files of different processes (and of different runs in one test process) never collide. */
function tagOf(holder: LockHolder): string {
  return `${holder.hostname}-${holder.pid}-${holder.runId}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function locked(dir: string, runbook: string, holder: LockHolder | undefined, now: number): DrctlError {
  const who = holder
    ? `run ${holder.runId} (pid ${holder.pid} on ${holder.hostname}, heartbeat ${formatDuration(now - holder.heartbeatAt)} ago)`
    : 'another drctl process';
  return new DrctlError(
    'engine.locked',
    `runbook "${holder?.runbook ?? runbook}" is already being run by ${who}`,
    `Wait for that run to finish, or stop it with Ctrl-C. A lock whose process is gone is taken over automatically once its heartbeat is ${formatDuration(DEFAULT_STALE_AFTER_MS)} old; delete ${dir} only if you are sure.`,
    { exitCode: ExitCode.runFailed },
  );
}
