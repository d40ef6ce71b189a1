import { describe, expect, it } from 'vitest';
import { humanPaced } from '../../commands/human-pace';
import { VirtualClock } from '../../src/sim/virtual-clock';
import type { OperatorPort } from '../../src/core/operator';

describe('questions to a person under --sim', () => {
  it('count the real seconds the person takes, 1:1, and nothing else', async () => {
    let real = 0;
    const clock = new VirtualClock({ start: 0, realNow: () => real });
    let answer: (() => void) | undefined;
    const person: OperatorPort = {
      approve: () => new Promise((resolve) => (answer = () => resolve({ approved: true, by: 'oncall' }))),
      confirmStep: async () => 'run',
    };
    real += 1_000; // drctl's own work: no simulated time
    expect(clock.now()).toBe(0);
    const asked = humanPaced(person, () => clock.atHumanPace()).approve({ stepId: 'approve', message: 'go?' }, new AbortController().signal);
    real += 10_000; // ten real seconds of thinking are ten seconds of outage
    expect(clock.now()).toBe(10_000);
    answer?.();
    await expect(asked).resolves.toEqual({ approved: true, by: 'oncall' });
    real += 1_000;
    expect(clock.now()).toBe(10_000);
  });

  it('releases the pace even when the question fails', async () => {
    let real = 0;
    const clock = new VirtualClock({ start: 0, realNow: () => real });
    const person: OperatorPort = { approve: async () => Promise.reject(new Error('no tty')), confirmStep: async () => 'run' };
    await expect(humanPaced(person, () => clock.atHumanPace()).approve({ stepId: 'a', message: 'm' }, new AbortController().signal)).rejects.toThrow('no tty');
    real += 1_000;
    expect(clock.now()).toBe(0);
  });

  it('leaves the operator alone against real AWS', () => {
    const person: OperatorPort = { approve: async () => ({ approved: false, by: 'x' }), confirmStep: async () => 'run' };
    expect(humanPaced(person, undefined)).toBe(person);
  });
});
