import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/core/duration';

describe('durations', () => {
  it('parses the forms runbooks use', () => {
    expect([parseDuration('90s'), parseDuration('5m'), parseDuration('1m30s'), parseDuration('250ms'), parseDuration('2h')]).toEqual([90_000, 300_000, 90_000, 250, 7_200_000]);
    expect([parseDuration('5'), parseDuration('5 m'), parseDuration('m5'), parseDuration('')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('formats for people without ever showing 60 seconds', () => {
    expect(formatDuration(119_600)).toBe('2m');
    expect(formatDuration(179_999)).toBe('3m');
    expect(formatDuration(3_599_700)).toBe('1h0m');
    expect(formatDuration(61_000)).toBe('1m1s');
    expect(formatDuration(9_950)).toBe('9.9s');
    expect(formatDuration(450)).toBe('450ms');
  });
});
