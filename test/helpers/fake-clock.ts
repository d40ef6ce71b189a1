// A virtual clock for tests. Time moves only when every task is waiting on it: once the event loop has
// settled (no more promise jobs or immediates to run), the earliest sleep fires and time jumps to it.
// A 15-minute failover therefore runs in milliseconds, and runs are deterministic.
import type { Clock } from '../../src/core/clock';

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

export const FAKE_EPOCH = Date.UTC(2025, 2, 1, 3, 0, 0);

// Real I/O still in flight (a journal fsync, a lock file) means a task is not waiting on the clock yet.
const REAL_IO = /^(FSReq|FileHandle|CloseReq|GetAddrInfoReqWrap|TCPConnectWrap|WriteWrap|ShutdownWrap)/;

function realIoPending(): boolean {
  return process.getActiveResourcesInfo().some((resource) => REAL_IO.test(resource));
}

/** Lets every pending promise job, immediate and real I/O run, until nothing but clock sleeps is left. */
export async function settle(rounds = 4): Promise<void> {
  do {
    for (let round = 0; round < rounds; round++) await new Promise<void>((resolve) => setImmediate(resolve));
    if (!realIoPending()) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  } while (true);
}

export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private order = 0;
  private advancing = false;
  /** Total sleeps requested, for tests that count polls. */
  sleeps = 0;

  constructor(start = FAKE_EPOCH) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Milliseconds of virtual time since the clock was made at FAKE_EPOCH. */
  elapsed(since = FAKE_EPOCH): number {
    return this.time - since;
  }

  pending(): number {
    return this.timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps += 1;
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        order: this.order++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((candidate) => candidate !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      void this.advanceWhenIdle();
    });
  }

  /** Runs `callback` at a virtual time from now (e.g. to press Ctrl-C in the middle of a run). */
  at(delayMs: number, callback: () => void): void {
    void this.sleep(delayMs).then(callback);
  }

  private async advanceWhenIdle(): Promise<void> {
    if (this.advancing) return;
    this.advancing = true;
    try {
      for (;;) {
        await settle();
        const next = this.timers.reduce<Timer | undefined>((earliest, timer) => (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.order < earliest.order) ? timer : earliest), undefined);
        if (!next) return;
        this.timers = this.timers.filter((timer) => timer !== next);
        this.time = Math.max(this.time, next.at);
        next.fire();
      }
    } finally {
      this.advancing = false;
    }
  }
}
