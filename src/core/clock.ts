// Time is injected into the engine and actions so tests run on a fake clock and never sleep for real,
// and so --sim runs on the simulator's virtual clock (src/sim/virtual-clock.ts).
export interface Clock {
  /** Milliseconds since the epoch, in the run's time (simulated time under --sim). */
  now(): number;
  /** Resolves after ms of the clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Only on simulated clocks: the real time (ms since the epoch). Journals of simulated runs keep both
   * clocks, never one mistaken for the other.
   */
  wallNow?(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Work in flight that a virtual clock must wait for before time may move: an AWS call over loopback to the
 * simulator, a journal fsync. hold() returns the release; src/aws and the journal take it through their
 * options, so the engine never knows which clock it runs on.
 */
export interface ClockHold {
  hold(): () => void;
}
