import { describe, expect, it } from 'vitest';
import { forwardAbort } from '../../src/engine/signals';

describe('forwarding a stop to many steps', () => {
  it('aborts every target with the source reason, using one listener on the source', () => {
    const source = new AbortController();
    let added = 0;
    const add = source.signal.addEventListener.bind(source.signal);
    source.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added++;
      return add(...args);
    }) as typeof source.signal.addEventListener;
    const targets = Array.from({ length: 60 }, () => new AbortController());
    const unsubscribe = targets.map((target) => forwardAbort(source.signal, target));
    unsubscribe[0]?.();
    source.abort(new Error('Ctrl-C'));
    expect(added).toBe(1);
    expect(targets[0]?.signal.aborted).toBe(false);
    expect(targets.slice(1).every((target) => (target.signal.reason as Error).message === 'Ctrl-C')).toBe(true);
  });
});
