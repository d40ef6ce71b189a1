import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/state';
import { levelOf, rtoBar, rtoClock } from '../../src/ui/live/rto-clock';
import { stepWaves } from '../../src/ui/live/step-order';
import { stepRow } from '../../src/ui/live/step-lines';
import { fitText, firstFitting, visibleLength, wrapText } from '../../src/ui/live/text';
import { plainStyle, styleFor } from '../../src/core/style';
import { runStarted, stamp, T0 } from './scenario';

const colour = styleFor({ isTTY: true }, {});

describe('fitting text to the terminal', () => {
  it('cuts to the width with an ellipsis, counting no colour codes', () => {
    expect(fitText('switch over shop-orders', 10)).toBe('switch ov…');
    expect(fitText('short', 10)).toBe('short');
    const red = colour.red('switch over shop-orders');
    expect(visibleLength(red)).toBe(23);
    const cut = fitText(red, 10);
    expect(visibleLength(cut)).toBe(10);
    // the colour is closed again, so it cannot bleed into the next row
    expect(cut.endsWith('\u001b[0m')).toBe(true);
  });

  it('picks the first candidate that fits, else cuts the last', () => {
    expect(firstFitting(['a long line here', 'short'], 10)).toBe('short');
    expect(firstFitting(['a long line here', 'still too long'], 6)).toBe('still…');
  });

  it('wraps errors at word boundaries, indenting continuation lines', () => {
    expect(wrapText('    error this message is long [code.x]', 24)).toEqual(['    error this message', '      is long [code.x]']);
  });

  it('lays a step row out to exactly the width, the time at the right edge', () => {
    const row = stepRow('✓', 'orders', 'switch over shop-orders us-east-1 -> us-west-2', '42s', { width: 40, idWidth: 8, style: plainStyle });
    expect(row).toBe('✓ orders    switch over shop-orders… 42s');
    expect(row.length).toBe(40);
  });
});

describe('the RTO clock', () => {
  it('is green up to 75% of the objective, yellow after, red once missed', () => {
    expect([levelOf(0.5), levelOf(0.75), levelOf(0.76), levelOf(1), levelOf(1.01), levelOf(undefined)]).toEqual(['ok', 'ok', 'warn', 'warn', 'over', 'none']);
  });

  it('counts from the incident start when one was given, and stops at the end of the run', () => {
    const state = replay(stamp([[0, runStarted({ incidentStart: T0 - 60_000 })]]));
    expect(rtoClock(state, T0 + 30_000)).toMatchObject({ elapsedMs: 90_000, runElapsedMs: 30_000, ratio: 0.3, sinceIncident: true, level: 'ok' });
    const finished = replay(stamp([[0, runStarted()], [400, { type: 'run.finished', outcome: 'succeeded', durationMs: 400_000 }]]));
    expect(rtoClock(finished, T0 + 999_000)).toMatchObject({ elapsedMs: 400_000, level: 'over' });
    expect(rtoClock(replay([]), T0)).toBeUndefined();
  });

  it('draws a bar that fills with the ratio', () => {
    expect(rtoBar(0.5, 10)).toBe('█████░░░░░');
    expect(rtoBar(3, 4)).toBe('████');
  });
});

describe('dependency order', () => {
  it('groups the steps the engine runs side by side into one wave', () => {
    const waves = stepWaves(replay(stamp([[0, runStarted()]])));
    expect(waves.map((wave) => wave.steps.map((step) => step.id))).toEqual([['approve'], ['orders', 'catalog', 'sessions'], ['traffic']]);
  });
});
