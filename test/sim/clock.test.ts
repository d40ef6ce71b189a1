// The manual clock tests move by hand (the virtual clock of --sim has its own tests).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/sim/clock';

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
      await clock.advance(1_000);
      await sleeping;
    }
    expect(listeners).toBe(0);
    expect(clock.now()).toBe(20_000);
    expect(clock.pendingSleeps).toBe(0);
  });
});
