// Simulated time: the manual clock used by tests and the scaled clock shared by the world and drctl.
import { describe, expect, it } from 'vitest';
import { createScaledClock, DEFAULT_SIM_TIME_SCALE, ManualClock } from '../../src/sim/clock';

describe('ManualClock', () => {
  it('wakes sleepers in deadline order as time is advanced, letting poll loops run in between', async () => {
    const clock = new ManualClock(0);
    const woke: Array<[string, number]> = [];
    const poll = async (name: string, every: number, times: number) => {
      for (let i = 0; i < times; i++) {
        await clock.sleep(every);
        woke.push([name, clock.now()]);
      }
    };
    const loops = Promise.all([poll('fast', 5_000, 3), poll('slow', 12_000, 1)]);
    await clock.advance(20_000);
    await loops;
    expect(woke).toEqual([['fast', 5_000], ['fast', 10_000], ['slow', 12_000], ['fast', 15_000]]);
    expect(clock.now()).toBe(20_000);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('rejects an aborted sleep with the signal reason', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingSleeps).toBe(0);
  });
});

describe('scaled clock', () => {
  it('runs simulated time timeScale times faster and compresses sleeps by the same factor', async () => {
    const clock = createScaledClock({ timeScale: 1000, start: 0 });
    const realBefore = performance.now();
    await clock.sleep(30_000);
    const realElapsed = performance.now() - realBefore;
    expect(realElapsed).toBeLessThan(1_000);
    expect(clock.now()).toBeGreaterThanOrEqual(30_000);
    expect(clock.timeScale).toBe(1000);
  });

  it('defaults to the --sim time scale and refuses nonsense', () => {
    expect(createScaledClock().timeScale).toBe(DEFAULT_SIM_TIME_SCALE);
    expect(() => createScaledClock({ timeScale: 0 })).toThrow(RangeError);
  });
});

describe('ManualClock and abort signals', () => {
  it('lets go of the abort listener when a sleeper wakes, so a long run does not pile them up', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => (listeners++, add(...args))) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => (listeners--, remove(...args))) as typeof remove;
    for (let i = 0; i < 20; i++) {
      const sleeping = clock.sleep(1_000, controller.signal);
      await clock.advanceToNextWake();
      await sleeping;
    }
    expect(listeners).toBe(0);
    expect(clock.now()).toBe(20_000);
    expect(await clock.advanceToNextWake()).toBe(false);
  });
});
