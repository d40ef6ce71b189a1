// One run per runbook at a time. The lock is a file created with O_EXCL holding who holds it (run id,
// pid, hostname) and a heartbeat the holder refreshes. It is stale when its holder is gone: same host
// and the pid is dead, or the heartbeat is older than staleAfterMs (a crashed host, a reused pid).
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import path from 'node:path';
import { DrctlError, ExitCode } from '../core/errors';
import { formatDuration } from '../core/duration';
import { lockPath } from './layout';

export interface LockHolder {
  runId: string;
  runbook: string;
  pid: number;
  hostname: string;
  acquiredAt: number;
  heartbeatAt: number;
}

export interface LockOptions {
  now?: () => number;
  pid?: number;
  hostname?: string;
  isAlive?: (pid: number) => boolean;
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Called if another process took the lock over (this one looked dead to it). */
  onLost?: (by: LockHolder | undefined) => void;
}

export const DEFAULT_STALE_AFTER_MS = 60_000;
export const DEFAULT_HEARTBEAT_MS = 10_000;

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
    readonly file: string,
    readonly holder: LockHolder,
    private readonly options: Required<Pick<LockOptions, 'now' | 'heartbeatMs'>> & Pick<LockOptions, 'onLost'>,
  ) {}

  startHeartbeat(): void {
    this.timer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    this.timer.unref();
  }

  /** Refreshes the heartbeat, unless someone else holds the lock now. */
  async heartbeat(): Promise<boolean> {
    const current = await readHolder(this.file);
    if (!current || current.runId !== this.holder.runId || current.pid !== this.holder.pid) {
      this.stopHeartbeat();
      this.options.onLost?.(current);
      return false;
    }
    this.holder.heartbeatAt = this.options.now();
    const temporary = `${this.file}.${this.holder.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.holder));
    await rename(temporary, this.file);
    return true;
  }

  async release(): Promise<void> {
    this.stopHeartbeat();
    const current = await readHolder(this.file);
    if (current?.runId === this.holder.runId && current.pid === this.holder.pid) await unlink(this.file).catch(() => undefined);
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export async function acquireRunLock(journalDir: string, runbook: string, runId: string, options: LockOptions = {}): Promise<RunLock> {
  const now = options.now ?? Date.now;
  const file = lockPath(journalDir, runbook);
  await mkdir(path.dirname(file), { recursive: true });
  const holder: LockHolder = {
    runId,
    runbook,
    pid: options.pid ?? process.pid,
    hostname: options.hostname ?? osHostname(),
    acquiredAt: now(),
    heartbeatAt: now(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, JSON.stringify(holder), { flag: 'wx' });
      const lock = new RunLock(file, holder, { now, heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, onLost: options.onLost });
      lock.startHeartbeat();
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readHolder(file);
    if (!(await isStale(file, current, holder.hostname, now(), options))) throw locked(file, current, now());
    await takeOver(file, current);
  }
  throw locked(file, await readHolder(file), now());
}

async function isStale(file: string, current: LockHolder | undefined, hostname: string, now: number, options: LockOptions): Promise<boolean> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  if (!current) {
    // Unreadable: being written right now, or left half-written by a crash. Age decides.
    const modified = await stat(file).then((info) => info.mtimeMs, () => 0);
    return now - modified > staleAfterMs;
  }
  const isAlive = options.isAlive ?? processIsAlive;
  if (current.hostname === hostname && !isAlive(current.pid)) return true;
  return now - current.heartbeatAt > staleAfterMs;
}

/**
 * Moves the stale lock aside and checks that what was moved is the lock judged stale. If another process
 * replaced it in between (it took over first), that fresh lock is put back and the next attempt sees it.
 */
async function takeOver(file: string, judged: LockHolder | undefined): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch {
    return; // gone already: someone released or took it; try again
  }
  const moved = await readHolder(aside);
  const same = judged === undefined ? moved === undefined : moved?.runId === judged.runId && moved.pid === judged.pid && moved.heartbeatAt === judged.heartbeatAt;
  if (same) await unlink(aside).catch(() => undefined);
  else await rename(aside, file).catch(() => undefined);
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.runId !== 'string' || typeof value.pid !== 'number' || typeof value.heartbeatAt !== 'number') return undefined;
    return value as LockHolder;
  } catch {
    return undefined;
  }
}

function locked(file: string, holder: LockHolder | undefined, now: number): DrctlError {
  const who = holder
    ? `run ${holder.runId} (pid ${holder.pid} on ${holder.hostname}, heartbeat ${formatDuration(now - holder.heartbeatAt)} ago)`
    : 'another drctl process';
  return new DrctlError(
    'engine.locked',
    `runbook "${holder?.runbook ?? path.basename(file, '.lock')}" is already being run by ${who}`,
    `Wait for that run to finish, or stop it with Ctrl-C. A lock whose process is gone is taken over automatically once its heartbeat is ${formatDuration(DEFAULT_STALE_AFTER_MS)} old; delete ${file} only if you are sure.`,
    { exitCode: ExitCode.runFailed },
  );
}
