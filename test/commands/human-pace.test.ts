import { describe, expect, it } from 'vitest';
import { humanPaced } from '../../commands/human-pace';
import { createScaledClock } from '../../src/sim/clock';
import type { OperatorPort } from '../../src/core/operator';

describe('questions to a person under --sim', () => {
  it('run the simulated clock at real time while the person answers, then speed up again', async () => {
    let real = 0;
    const clock = createScaledClock({ timeScale: 30, start: 0, realNow: () => real });
    let answer: (() => void) | undefined;
    const person: OperatorPort = {
      approve: () => new Promise((resolve) => (answer = () => resolve({ approved: true, by: 'oncall' }))),
      confirmStep: async () => 'run',
    };
    real += 1_000;
    expect(clock.now()).toBe(30_000);
    const asked = humanPaced(person, clock.atHumanPace).approve({ stepId: 'approve', message: 'go?' }, new AbortController().signal);
    real += 10_000; // ten real seconds of thinking are ten seconds of outage, not five minutes
    expect(clock.now()).toBe(40_000);
    answer?.();
    await expect(asked).resolves.toEqual({ approved: true, by: 'oncall' });
    real += 1_000;
    expect(clock.now()).toBe(70_000);
  });

  it('releases the pace even when the question fails', async () => {
    let real = 0;
    const clock = createScaledClock({ timeScale: 30, start: 0, realNow: () => real });
    const person: OperatorPort = { approve: async () => Promise.reject(new Error('no tty')), confirmStep: async () => 'run' };
    await expect(humanPaced(person, clock.atHumanPace).approve({ stepId: 'a', message: 'm' }, new AbortController().signal)).rejects.toThrow('no tty');
    real += 1_000;
    expect(clock.now()).toBe(30_000);
  });

  it('leaves the operator alone against real AWS', () => {
    const person: OperatorPort = { approve: async () => ({ approved: false, by: 'x' }), confirmStep: async () => 'run' };
    expect(humanPaced(person, undefined)).toBe(person);
  });
});
