// Simulated time. The world and drctl share one clock: under a time scale of 30, a 90 s Aurora switchover
// takes 3 real seconds and drctl's own 5 s polling sleeps take 167 ms, so every figure drctl reports stays
// in simulated time. Tests use the manual clock and move time by hand, never sleeping for real.
import type { Clock } from '../core/clock';

/** A clock the simulator can run on. timeScale is simulated ms per real ms (undefined for a manual clock). */
export interface SimClock extends Clock {
  readonly timeScale?: number;
  /**
   * Runs at real time until the returned release is called. A person answering a prompt thinks in real
   * seconds: compressing their thinking 30x would charge a 10 s approval as 5 minutes of outage.
   */
  atHumanPace?(): () => void;
  /** Virtual clocks only: hold time still while work is in flight (see ClockHold). */
  hold?(): () => void;
  /** Stops waking sleepers (the simulator is closing). */
  close?(): void;
}

/** Minutes become seconds: a shop failover rehearsal finishes in seconds, not minutes. */
export const DEFAULT_SIM_TIME_SCALE = 30;

/** Longest real wait between checks of a sleeper's deadline, so a change of pace takes effect quickly. */
const SLEEP_SLICE_MS = 100;

function abortable(realMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, realMs));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Simulated time = anchor + realElapsedSinceAnchor x pace, where pace is the time scale, or 1 while a
 * person is being asked something. sleep(ms) waits until the simulated deadline, in real slices.
 */
export function createScaledClock(options: { timeScale?: number; start?: number; realNow?: () => number } = {}): SimClock {
  const realNow = options.realNow ?? (() => performance.now());
  const timeScale = options.timeScale ?? DEFAULT_SIM_TIME_SCALE;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError(`time scale must be a positive number, got ${timeScale}`);
  let simAnchor = options.start ?? Date.now();
  let realAnchor = realNow();
  let humans = 0;
  const pace = () => (humans > 0 ? 1 : timeScale);
  const now = () => Math.floor(simAnchor + (realNow() - realAnchor) * pace());
  const repace = (change: () => void) => {
    simAnchor = simAnchor + (realNow() - realAnchor) * pace();
    realAnchor = realNow();
    change();
  };
  return {
    timeScale,
    now,
    async sleep(ms, signal) {
      const until = now() + Math.max(0, ms);
      for (let left = until - now(); left > 0; left = until - now()) {
        await abortable(Math.min(Math.ceil(left / pace()), SLEEP_SLICE_MS), signal);
      }
      if (signal?.aborted) throw signal.reason;
    },
    atHumanPace() {
      repace(() => humans++);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        repace(() => humans--);
      };
    },
  };
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

  /**
   * Jumps to the earliest sleeper's deadline, waking everyone due then; false when nobody sleeps. The
   * benchmark drives runs with it, so only drctl's orchestration counts, never its CPU time.
   */
  async advanceToNextWake(): Promise<boolean> {
    const next = this.sleepers.reduce<Sleeper | undefined>((a, b) => (!a || b.until < a.until ? b : a), undefined);
    if (!next) return false;
    await this.advance(Math.max(0, next.until - this.current));
    return true;
  }

  /** Jumps time without waking anyone in between (for state-machine tests that poll by hand). */
  set(time: number): void {
    this.current = time;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
