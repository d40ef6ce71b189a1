// drctl health's reading: the same verdict as the `healthy` check (judgeHealth), the checker regions, and
// the last change; unknown ids name themselves.
import { describe, expect, it } from 'vitest';
import { judgeHealth } from '../../src/actions/route53/health';
import type { HealthObservationView } from '../../src/core/services/route53';
import { carryLastChange, checkerRegions, lastChangeOf, readHealthChecks } from '../../src/status/health';
import { InstantClock } from '../helpers/action-context';
import { FakeAws } from '../helpers/fake-aws';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 3, 0, seconds));
const seen = (region: string, healthy: boolean, seconds: number): HealthObservationView => ({
  region, healthy, status: healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: Connection timed out.', checkedAt: at(seconds),
});

function setup() {
  const clock = new InstantClock();
  const aws = new FakeAws(() => clock.now());
  return { aws, deps: { ports: aws, clock } };
}

describe('drctl health: verdict', () => {
  it.each([
    [{ healthy: 3 }, true], // 3/16 = 18.75%: more than 18%
    [{ healthy: 2 }, false], // 12.5%
    [{ healthy: 16, inverted: true }, false],
    [{ healthy: 0, disabled: true }, true],
  ])('%j is judged exactly as the healthy check judges it (%s)', async (spec, healthy) => {
    const { aws, deps } = setup();
    aws.route53.addHealthCheck({ id: 'hc', ...spec });
    const [report] = await readHealthChecks(deps, ['hc']);
    const expected = judgeHealth(aws.route53.healthCheck('hc'), await aws.route53.getHealthCheckStatus('hc'));
    expect(report?.judgement).toEqual(expected);
    expect(report?.judgement.healthy).toBe(healthy);
  });

  it('reads each check with one GetHealthCheck and one GetHealthCheckStatus', async () => {
    const { aws, deps } = setup();
    aws.route53.addHealthCheck({ id: 'a' });
    aws.route53.addHealthCheck({ id: 'b' });
    await readHealthChecks(deps, ['a', 'b']);
    expect(aws.calls.map((call) => call.operation).sort()).toEqual(['GetHealthCheck', 'GetHealthCheck', 'GetHealthCheckStatus', 'GetHealthCheckStatus']);
  });

  it('says an unknown id with health.not-found and lists the checks there are', async () => {
    const { aws, deps } = setup();
    aws.route53.addHealthCheck({ id: 'hc-east' });
    const error = await readHealthChecks(deps, ['nope']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'health.not-found', exitCode: 2, message: 'Route 53 health check nope was not found. Route 53 health checks in this account: hc-east (hc-east.example.com)' });
  });

  it('refuses a CALCULATED check: Route 53 has no checker status for it', async () => {
    const { aws, deps } = setup();
    aws.route53.addHealthCheck({ id: 'calc', type: 'CALCULATED' });
    await expect(readHealthChecks(deps, ['calc'])).rejects.toMatchObject({ code: 'health.calculated' });
  });
});

describe('drctl health: regions and last change', () => {
  it('groups the checkers by region with the newest report of each', () => {
    const regions = checkerRegions([seen('us-east-1', true, 10), seen('us-east-1', false, 20), seen('eu-west-1', true, 5)]);
    expect(regions).toEqual([
      { region: 'us-east-1', healthy: 1, total: 2, status: 'Failure: Connection timed out.', checkedAt: at(20).getTime() },
      { region: 'eu-west-1', healthy: 1, total: 1, status: 'Success: HTTP Status Code 200, OK', checkedAt: at(5).getTime() },
    ]);
  });

  it('is the newest report that disagrees with the rest while checkers disagree', () => {
    const observations = [seen('a', true, 50), seen('b', true, 40), seen('c', false, 30), seen('d', false, 20)].concat([seen('e', true, 45)]);
    expect(lastChangeOf(observations)).toEqual({ at: at(30).getTime(), basis: 'disagreeing' });
  });

  it('is the newest report when every checker agrees, and unknown with no reports', () => {
    expect(lastChangeOf([seen('a', true, 10), seen('b', true, 25)])).toEqual({ at: at(25).getTime(), basis: 'newest-check' });
    expect(lastChangeOf([])).toBeUndefined();
  });

  it('under --watch, is when drctl saw the verdict flip, from then on', async () => {
    const { aws, deps } = setup();
    aws.route53.addHealthCheck({ id: 'hc' });
    const flips = new Map<string, number>();
    const first = await readHealthChecks(deps, ['hc']);
    aws.route53.setCheckers('hc', 0);
    const second = carryLastChange(first, await readHealthChecks(deps, ['hc']), 1_000, flips);
    expect(second[0]?.lastChange).toEqual({ at: 1_000, basis: 'seen' });
    const third = carryLastChange(second, await readHealthChecks(deps, ['hc']), 2_000, flips);
    expect(third[0]?.lastChange).toEqual({ at: 1_000, basis: 'seen' });
  });
});
