// What every fake service shares: the call log (with the region each call went to), injected faults and
// unreachable regions. Answers are deep copies, so an action can never change the fake's state by
// mutating what it was given.
import { AwsError, type AwsErrorKind } from '../../../src/aws/aws-error';
import { isMutatingOperation, type Service } from '../../../src/core/services/catalogue';

export interface FakeCall {
  service: Service;
  region: string;
  operation: string;
  params: Record<string, unknown>;
  mutating: boolean;
}

export interface FaultSpec {
  kind: AwsErrorKind;
  /** e.g. SwitchoverGlobalCluster; any operation when absent. */
  operation?: string;
  service?: Service;
  region?: string;
  /** The wire code; a typical one for the kind when absent. */
  awsCode?: string;
  /** How many matching calls fail; 1 when absent, Infinity for always. */
  times?: number;
  /**
   * The request reached AWS and took effect, but the answer was lost (a connection reset after the
   * request was sent): the change happens, the caller gets the error. Unreachable faults and outages
   * are "maybe sent" (the outcome is unknown to the caller) unless `sent: false` says it never left.
   */
  tookEffect?: boolean;
  sent?: false;
}

const TYPICAL_CODE: Partial<Record<AwsErrorKind, string>> = {
  'not-found': 'GlobalClusterNotFoundFault',
  'invalid-state': 'InvalidGlobalClusterStateFault',
  'version-mismatch': 'HealthCheckVersionMismatch',
  'access-denied': 'AccessDenied',
  throttled: 'Throttling',
  service: 'InternalFailure',
  'invalid-request': 'InvalidParameterValue',
};

export function fakeAwsError(kind: AwsErrorKind, site: { service: Service; region: string; operation: string }, awsCode?: string, text?: string, sent?: false): AwsError {
  const code = kind === 'unreachable' ? undefined : (awsCode ?? TYPICAL_CODE[kind]);
  const maybeSent = (kind === 'unreachable' || kind === 'service') && sent !== false && isMutatingOperation(site.service, site.operation);
  const message = `${site.service} ${site.operation} in ${site.region} failed: ${text ?? code ?? (maybeSent ? 'read ECONNRESET' : 'connect ECONNREFUSED')}`;
  return new AwsError({ kind, ...site, awsCode: code, ...(maybeSent ? { maybeSent } : {}) }, message, `(fake) hint for ${kind}`);
}

export class FakeCore {
  readonly calls: FakeCall[] = [];
  private readonly faults: Array<FaultSpec & { remaining: number }> = [];
  private readonly unreachable = new Set<string>();

  constructor(readonly now: () => number) {}

  /** Every call to `region` fails as a network error (kind unreachable), as in a regional outage. */
  setUnreachable(region: string, unreachable = true): void {
    if (unreachable) this.unreachable.add(region);
    else this.unreachable.delete(region);
  }

  fail(fault: FaultSpec): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Records the call, raises an outage or a planned fault, then answers with a copy of `run()`. */
  async call<T>(service: Service, region: string, operation: string, params: Record<string, unknown>, run: () => T): Promise<T> {
    this.calls.push({ service, region, operation, params, mutating: isMutatingOperation(service, operation) });
    const site = { service, region, operation };
    if (this.unreachable.has(region)) throw fakeAwsError('unreachable', site);
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (!f.operation || f.operation === operation) && (!f.service || f.service === service) && (!f.region || f.region === region),
    );
    if (fault) {
      fault.remaining -= 1;
      if (fault.tookEffect) run();
      throw fakeAwsError(fault.kind, site, fault.awsCode, undefined, fault.sent);
    }
    return structuredClone(run());
  }
}
