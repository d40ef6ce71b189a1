// The clocks a world runs on: the virtual clock of --sim (virtual-clock.ts), the wall clock of a served
// world, and the manual clock tests move by hand, never sleeping for real.
import { systemClock, type Clock } from '../core/clock';

/** A clock the simulator can run on. */
export interface SimClock extends Clock {
  /**
   * Runs at real time until the returned release is called. A person answering a prompt thinks in real
   * seconds; nothing else a simulated run does costs simulated time.
   */
  atHumanPace?(): () => void;
  /** Virtual clocks only: hold time still while work is in flight (see ClockHold). */
  hold?(): () => void;
  /** Stops waking sleepers (the simulator is closing). */
  close?(): void;
}

/** `drctl sim serve`'s default: the served world's spans are 30 times shorter (a 90 s switchover takes 3 s). */
export const DEFAULT_SIM_TIME_SCALE = 30;

/**
 * The wall clock, for a served world: its clients (the AWS CLI, drctl without --sim) live on wall time, so
 * every time the world states is a wall-clock time. The world runs faster by shortening its spans instead.
 */
export function createWallClock(): SimClock {
  return { now: () => Date.now(), sleep: systemClock.sleep };
}

interface Sleeper {
  until: number;
  resolve: () => void;
}

/** Time moves only when a test says so. Sleepers wake, in deadline order, as advance() passes them. */
export class ManualClock implements SimClock {
  private current: number;
  private sleepers: Sleeper[] = [];

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
        this.sleepers = this.sleepers.filter((other) => other !== sleeper);
        reject(signal?.reason);
      };
      // The listener goes when the sleeper wakes: a run's signal outlives thousands of sleeps.
      const sleeper: Sleeper = {
        until: this.current + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Number of sleep() calls still waiting. */
  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  /**
   * Moves time forward by ms, waking sleepers one deadline at a time and letting promise chains run in
   * between, so a loop of "poll, sleep, poll" advances exactly as it would in real time.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flushMicrotasks();
      const next = this.sleepers.reduce<Sleeper | undefined>((a, b) => (!a || b.until < a.until ? b : a), undefined);
      if (!next || next.until > target) break;
      this.current = Math.max(this.current, next.until);
      this.sleepers = this.sleepers.filter((other) => other !== next);
      next.resolve();
    }
    this.current = target;
    await flushMicrotasks();
  }

  /** Jumps time without waking anyone in between (for state-machine tests that poll by hand). */
  set(time: number): void {
    this.current = time;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
