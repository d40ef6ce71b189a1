// A run whose outcome is unknown, in every report format: said at the top, the step marked, CI sees a
// failure of its own kind (outcome-unknown), and no format calls it failed or succeeded.
import { describe, expect, it } from 'vitest';
import { reportFacts } from '../../src/report/facts';
import { renderReport } from '../../src/report/render';
import { plainStyle } from '../../src/core/style';
import { RUNNING, stamp, UNKNOWN } from '../ui/scenario';

const facts = reportFacts(stamp([...RUNNING, ...UNKNOWN]));

describe('a report of a run whose outcome is unknown', () => {
  it('facts: the outcome, the step, and what reads the state', () => {
    expect(facts.run.outcome).toBe('unknown');
    expect(facts.run.unknownSteps).toEqual(['orders']);
    expect(facts.steps.find((step) => step.id === 'orders')).toMatchObject({ state: 'unknown', note: expect.stringContaining('could not be read to the end') });
  });

  it.each(['text', 'md', 'html'] as const)('%s says OUTCOME UNKNOWN at the top and names drctl status', (format) => {
    const text = renderReport(facts, format, plainStyle);
    expect(text).toContain('OUTCOME UNKNOWN');
    expect(text).toContain('drctl status runbooks/shop-region-failover.yaml');
    expect(text).not.toMatch(/\bFAILED\b|: failed\b/);
  });

  it.each(['text', 'md', 'html'] as const)('%s gives the step its reason once: the error it carries is not repeated beside it', (format) => {
    const text = renderReport(facts, format, plainStyle);
    expect(text).toContain('could not be read to the end');
    expect(text).not.toMatch(/ECONNRESET\); step (&quot;|")orders\1 did not finish within 15m/);
  });

  it('junit: the run and the step fail as outcome-unknown, not as an ordinary failure', () => {
    const xml = renderReport(facts, 'junit', plainStyle);
    expect(xml).toContain('<testcase classname="drctl.shop-region-failover" name="run outcome"');
    expect(xml.match(/type="outcome-unknown"/g)).toHaveLength(2);
  });

  it('json: the outcome and the unknown steps are fields', () => {
    const json = JSON.parse(renderReport(facts, 'json', plainStyle)) as { run: { outcome: string; unknownSteps: string[] } };
    expect(json.run).toMatchObject({ outcome: 'unknown', unknownSteps: ['orders'] });
  });
});
