import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/journal/layout';
import { acquireRunLock, type LockHolder, type LockOptions } from '../../src/journal/lock';

let dir: string;
let now = 1_000_000;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-lock-'));
  now = 1_000_000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const alive = new Set<number>([101, 202]);
const base = (pid: number, extra: LockOptions = {}): LockOptions => ({ now: () => now, pid, hostname: 'host-a', isAlive: (p) => alive.has(p), heartbeatMs: 3_600_000, ...extra });

function plant(holder: Partial<LockHolder>): void {
  const file = lockPath(dir, 'shop');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ runId: 'old', runbook: 'shop', pid: 101, hostname: 'host-a', acquiredAt: now, heartbeatAt: now, ...holder }));
}

describe('run lock', () => {
  it('lets one run of a runbook in and stops a second with who holds it', async () => {
    const lock = await acquireRunLock(dir, 'shop', 'run-1', base(101));
    const second = acquireRunLock(dir, 'shop', 'run-2', base(202));
    await expect(second).rejects.toMatchObject({ code: 'engine.locked', exitCode: 1 });
    await expect(second).rejects.toThrowError(/run run-1 \(pid 101 on host-a/);
    // another runbook is not blocked
    const other = await acquireRunLock(dir, 'catalog', 'run-3', base(202));
    await other.release();
    await lock.release();
    expect(existsSync(lockPath(dir, 'shop'))).toBe(false);
    const third = await acquireRunLock(dir, 'shop', 'run-4', base(202));
    await third.release();
  });

  it('takes over a lock whose process died on this host', async () => {
    plant({ pid: 999 });
    const lock = await acquireRunLock(dir, 'shop', 'run-new', base(202));
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ runId: 'run-new', pid: 202 });
    await lock.release();
  });

  it('takes over a lock from another host only once its heartbeat is stale', async () => {
    plant({ pid: 5, hostname: 'host-b', heartbeatAt: now - 30_000 });
    await expect(acquireRunLock(dir, 'shop', 'run-new', base(202))).rejects.toMatchObject({ code: 'engine.locked' });
    now += 40_000; // heartbeat now 70 s old, past the 60 s limit
    const lock = await acquireRunLock(dir, 'shop', 'run-new', base(202));
    await lock.release();
  });

  it('treats a live pid with an ancient heartbeat as stale (pid reused after a crash)', async () => {
    plant({ pid: 101, heartbeatAt: now - 10 * 60_000 });
    const lock = await acquireRunLock(dir, 'shop', 'run-new', base(202));
    await lock.release();
  });

  it('refreshes its heartbeat, notices when it was taken over, and never releases a lock it lost', async () => {
    let lost = false;
    const lock = await acquireRunLock(dir, 'shop', 'run-1', base(101, { onLost: () => (lost = true) }));
    now += 5_000;
    expect(await lock.heartbeat()).toBe(true);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).heartbeatAt).toBe(now);
    // someone decided this holder was dead and took over
    plant({ runId: 'thief', pid: 202 });
    expect(await lock.heartbeat()).toBe(false);
    expect(lost).toBe(true);
    await lock.release();
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).runId).toBe('thief');
  });

  it('a half-written lock is respected while fresh and taken over once old', async () => {
    const file = lockPath(dir, 'shop');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"runId":');
    await expect(acquireRunLock(dir, 'shop', 'run-1', base(202, { now: () => Date.now() }))).rejects.toMatchObject({ code: 'engine.locked' });
    const lock = await acquireRunLock(dir, 'shop', 'run-1', base(202, { now: () => Date.now() + 120_000 }));
    await lock.release();
  });

  it('lets exactly one of many simultaneous runs in, also when they race to take over a stale lock', async () => {
    for (const stale of [false, true]) {
      if (stale) plant({ pid: 999 });
      const contenders = [301, 302, 303, 304, 305].map((pid) => {
        alive.add(pid);
        return acquireRunLock(dir, 'shop', `run-${pid}`, base(pid));
      });
      const results = await Promise.allSettled(contenders);
      const winners = results.filter((result) => result.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'engine.locked' });
      await (winners[0] as PromiseFulfilledResult<Awaited<(typeof contenders)[number]>>).value.release();
    }
  });
});
