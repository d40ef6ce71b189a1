// The virtual clock of --sim: time moves only when every task waits on it, so drctl's own work, work in
// flight and the machine's load never reach simulated time. No assertion here reads real time.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/virtual-clock';

/** Burns real CPU, as drctl's renderer or a busy machine would. */
function busy(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

/** Real work that is not on the clock: a loopback call takes real milliseconds. */
const realWork = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('VirtualClock', () => {
  it('jumps to the next deadline only, waking pollers in deadline order', async () => {
    const clock = new VirtualClock({ start: 0 });
    const woke: Array<[string, number]> = [];
    const poll = async (name: string, every: number, times: number) => {
      for (let i = 0; i < times; i++) {
        await clock.sleep(every);
        woke.push([name, clock.now()]);
      }
    };
    await Promise.all([poll('fast', 5_000, 3), poll('slow', 12_000, 1)]);
    expect(woke).toEqual([['fast', 5_000], ['fast', 10_000], ['slow', 12_000], ['fast', 15_000]]);
    expect(clock.pendingSleeps).toBe(0);
  });

  it("charges no simulated time for drctl's own computation", async () => {
    const clock = new VirtualClock({ start: 0 });
    for (let i = 0; i < 5; i++) {
      busy(2_000_000);
      await clock.sleep(2_000);
    }
    expect(clock.now()).toBe(10_000);
  });

  it('stands still while work is held in flight, then moves to exactly the deadline', async () => {
    const clock = new VirtualClock({ start: 0 });
    const seen: number[] = [];
    const sleeper = clock.sleep(1_000).then(() => seen.push(clock.now()));
    const call = (async () => {
      const release = clock.hold();
      try {
        await realWork(30);
        seen.push(clock.now());
      } finally {
        release();
      }
    })();
    await Promise.all([sleeper, call]);
    expect(seen).toEqual([0, 1_000]);
  });

  it('does not move while real file I/O that nobody declared is pending', async () => {
    const clock = new VirtualClock({ start: 0 });
    const order: string[] = [];
    const reading = (async () => {
      // Many reads in a row: each is pending I/O the clock must wait out.
      for (let i = 0; i < 20; i++) await readFile(new URL(import.meta.url));
      order.push(`read done at ${clock.now()}`);
    })();
    const sleeping = clock.sleep(60_000).then(() => order.push(`woke at ${clock.now()}`));
    await Promise.all([reading, sleeping]);
    expect(order).toEqual(['read done at 0', 'woke at 60000']);
  });

  it('wakes sleepers with the same deadline in the order they slept', async () => {
    const clock = new VirtualClock({ start: 0 });
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => clock.sleep(5_000).then(() => order.push(name))));
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('forgets an aborted sleeper and rejects it with the reason', async () => {
    const clock = new VirtualClock({ start: 0 });
    const controller = new AbortController();
    const long = clock.sleep(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(long).rejects.toThrow('stop');
    await clock.sleep(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('runs at real time while a person answers, then jumps again', async () => {
    let real = 0;
    const clock = new VirtualClock({ start: 0, realNow: () => real });
    await clock.sleep(30_000);
    const release = clock.atHumanPace();
    real += 10_000; // ten real seconds of thinking are ten simulated seconds
    expect(clock.now()).toBe(40_000);
    release();
    real += 5_000; // no one is asked: real time no longer counts
    expect(clock.now()).toBe(40_000);
    await clock.sleep(20_000);
    expect(clock.now()).toBe(60_000);
  });

  it('gives the same instants under --pace, only spread over real time', async () => {
    const instants = async (clock: VirtualClock) => {
      const seen: number[] = [];
      for (const ms of [400, 1_200, 2_000]) {
        await clock.sleep(ms);
        busy(200_000);
        seen.push(clock.now());
      }
      return seen;
    };
    expect(await instants(new VirtualClock({ start: 0, pace: 100_000 }))).toEqual(await instants(new VirtualClock({ start: 0 })));
  });

  it('refuses a pace that is not a positive number', () => {
    expect(() => new VirtualClock({ pace: 0 })).toThrow(RangeError);
    expect(() => new VirtualClock({ pace: Number.NaN })).toThrow(RangeError);
  });
});
