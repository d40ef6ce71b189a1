// Simulated time that moves only when drctl has nothing left to do but wait. The benchmark jumps it to the
// next sleeper's deadline once every AWS call has answered, so a 30-minute failover runs in seconds and
// drctl's own CPU time and loopback latency count as zero: what remains between the simulator's
// completion and drctl's notice is exactly the orchestration (scheduling, poll cadence), nothing else.
// Like the project's ManualClock, but it can say when the next sleeper is due.
import type { SimClock } from '../src/sim/index';

interface Sleeper {
  until: number;
  wake: () => void;
}

export class VirtualClock implements SimClock {
  private current: number;
  private readonly sleepers = new Set<Sleeper>();

  constructor(start: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.sleepers.delete(sleeper);
        reject(signal?.reason);
      };
      const sleeper: Sleeper = {
        until: this.current + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.add(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Jumps to the earliest deadline and wakes everyone due then; false when nobody is sleeping. */
  advanceToNextWake(): boolean {
    let next: number | undefined;
    for (const sleeper of this.sleepers) if (next === undefined || sleeper.until < next) next = sleeper.until;
    if (next === undefined) return false;
    this.current = Math.max(this.current, next);
    for (const sleeper of [...this.sleepers]) {
      if (sleeper.until > this.current) continue;
      this.sleepers.delete(sleeper);
      sleeper.wake();
    }
    return true;
  }
}
