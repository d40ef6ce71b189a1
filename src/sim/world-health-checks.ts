// Route 53 health checks. Sixteen checkers (two in each of the eight checker regions) look at the watched
// region's endpoint every RequestInterval, each with its own seeded phase; a checker reports a change
// only once FailureThreshold consecutive checks agree, so a region outage turns a check red after about
// RequestInterval x FailureThreshold. The check is healthy while more than 18% of checkers say so.
// Everything is computed from simulated time and the history of settings: nothing needs to tick.
import { seededUnit } from './random';
import { faults } from './sim-fault';
import type { WorldCore } from './world-core';
import type { HealthCheckSpec } from './world-spec';
import type { HealthCheck, HealthCheckSettings } from './world-state';

export const CHECKER_REGIONS = [
  'us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1',
];
const CHECKER_SUBNETS: Record<string, string> = {
  'us-east-1': '15.177.2', 'us-west-1': '15.177.6', 'us-west-2': '15.177.10', 'eu-west-1': '15.177.62',
  'ap-southeast-1': '15.177.42', 'ap-southeast-2': '15.177.50', 'ap-northeast-1': '15.177.34', 'sa-east-1': '15.177.58',
};
const CHECKERS_PER_REGION = 2;
/** "If more than 18% of health checkers report that an endpoint is healthy, Route 53 considers it healthy." */
const HEALTHY_FRACTION = 0.18;

const TIMEOUT_TEXT =
  'Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall. ' +
  'See https://docs.aws.amazon.com/console/route53/health-checks-failing-connection-timeout';

export interface Observation {
  region: string;
  ipAddress: string;
  status: string;
  healthy: boolean;
  checkedAt: number;
}

export interface HealthCheckUpdate {
  version?: number;
  inverted?: boolean;
  disabled?: boolean;
  failureThreshold?: number;
  fqdn?: string;
  port?: number;
  resourcePath?: string;
  checkerRegions?: string[];
}

export class HealthChecks {
  readonly checks = new Map<string, HealthCheck>();

  constructor(
    private readonly core: WorldCore,
    /** A routing control's state at a time (ARC): what a RECOVERY_CONTROL check reports. */
    private readonly routingControlState: (arn: string, time: number) => 'On' | 'Off' | undefined = () => undefined,
  ) {}

  add(spec: HealthCheckSpec): void {
    this.checks.set(spec.id, {
      id: spec.id,
      callerReference: `drctl-sim-${spec.id}`,
      version: 1,
      type: spec.type,
      fqdn: spec.fqdn,
      port: spec.port ?? (spec.type.startsWith('HTTPS') ? 443 : 80),
      resourcePath: spec.resourcePath,
      watchedRegion: spec.region,
      ...(spec.routingControlArn ? { routingControlArn: spec.routingControlArn } : {}),
      requestIntervalSeconds: spec.requestInterval === '10s' ? 10 : 30,
      failureThreshold: spec.failureThreshold,
      checkerRegions: [...CHECKER_REGIONS],
      settings: [{ at: -Infinity, inverted: spec.inverted, disabled: spec.disabled }],
    });
  }

  check(id: string): HealthCheck {
    const check = this.checks.get(id);
    if (!check) throw faults.noSuchHealthCheck(id);
    return check;
  }

  /** UpdateHealthCheck, guarded by HealthCheckVersion like Route 53 (409 on a stale version). */
  update(id: string, update: HealthCheckUpdate): HealthCheck {
    const check = this.check(id);
    if (update.version !== undefined && update.version !== check.version) throw faults.healthCheckVersionMismatch();
    const current = settingsAt(check, Infinity);
    const next = { inverted: update.inverted ?? current.inverted, disabled: update.disabled ?? current.disabled };
    if (next.inverted !== current.inverted || next.disabled !== current.disabled) check.settings.push({ at: this.core.now(), ...next });
    if (update.failureThreshold !== undefined) check.failureThreshold = update.failureThreshold;
    if (update.fqdn !== undefined) check.fqdn = update.fqdn;
    if (update.port !== undefined) check.port = update.port;
    if (update.resourcePath !== undefined) check.resourcePath = update.resourcePath;
    if (update.checkerRegions !== undefined) check.checkerRegions = update.checkerRegions;
    check.version += 1;
    return check;
  }

  /** What each checker reports now (GetHealthCheckStatus). */
  observations(id: string, now = this.core.now()): Observation[] {
    const check = this.check(id);
    const interval = this.core.span(check.requestIntervalSeconds * 1000);
    return check.checkerRegions.flatMap((region) =>
      Array.from({ length: CHECKERS_PER_REGION }, (_, index) => {
        const phase = seededUnit(this.core.seed, 'checker', check.id, region, index) * interval;
        const checkedAt = Math.floor((now - phase) / interval) * interval + phase;
        // The report changes only after FailureThreshold consecutive checks agree.
        const judged = this.judge(check, checkedAt - (check.failureThreshold - 1) * interval);
        const subnet = CHECKER_SUBNETS[region] ?? '15.177.90';
        return { region, ipAddress: `${subnet}.${10 + index}`, ...judged, checkedAt };
      }),
    );
  }

  /**
   * Route 53's aggregate verdict now. Checkers report what they see of the endpoint; Inverted and
   * Disabled apply here, to the verdict ("Route 53 considers the health check unhealthy when the health
   * checkers mark the health check as healthy, and vice versa").
   */
  isHealthy(id: string, now = this.core.now()): boolean {
    const check = this.check(id);
    // A change of settings reaches the verdict as the checkers' next FailureThreshold rounds come in.
    const settings = settingsAt(check, now - (check.failureThreshold - 1) * this.core.span(check.requestIntervalSeconds * 1000));
    if (settings.disabled) return true;
    const observations = this.observations(id, now);
    const checkersSayHealthy = observations.filter((observation) => observation.healthy).length > observations.length * HEALTHY_FRACTION;
    return settings.inverted ? !checkersSayHealthy : checkersSayHealthy;
  }

  /** Fraction (0..100) of checkers that report healthy (the HealthCheckPercentageHealthy metric). */
  percentageHealthy(id: string, now = this.core.now()): number {
    const observations = this.observations(id, now);
    return (100 * observations.filter((observation) => observation.healthy).length) / Math.max(1, observations.length);
  }

  /** One check of the endpoint at that time, as a checker reports it (Inverted does not change reports). */
  private judge(check: HealthCheck, time: number): { healthy: boolean; status: string } {
    const settings = settingsAt(check, time);
    if (check.routingControlArn) {
      // "If the routing control state is ON, the health check is considered healthy" (the status text is the simulator's).
      const on = this.routingControlState(check.routingControlArn, time) === 'On';
      return { healthy: on, status: `${on ? 'Success' : 'Failure'}: The routing control state is ${on ? 'On' : 'Off'}.` };
    }
    const up = !this.core.faults.endpointsDown(check.watchedRegion, time);
    const detail = up ? (check.type === 'TCP' ? 'TCP connection established.' : 'HTTP Status Code 200, OK') : TIMEOUT_TEXT;
    if (settings.disabled) {
      return { healthy: true, status: 'Success: Health checking is disabled; Route 53 considers the endpoint healthy.' };
    }
    return { healthy: up, status: `${up ? 'Success' : 'Failure'}: ${detail}` };
  }
}

function settingsAt(check: HealthCheck, time: number): HealthCheckSettings {
  let current = check.settings[0] as HealthCheckSettings;
  for (const settings of check.settings) if (settings.at <= time) current = settings;
  return current;
}
