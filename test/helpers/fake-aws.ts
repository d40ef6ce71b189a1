// A stateful fake of drctl's AWS ports, in the spirit of the AWS CDK's fake CloudFormation: tests arrange
// a world (global clusters, datastores, health checks, record sets, metric series), run an action
// against it, advance operations with tick(), and assert on the calls made and the REGION each went to.
// fake-aws.md beside this file describes the API.
import type { AwsPorts } from '../../src/core/services/catalogue';
import { FakeArc } from './fake-aws/arc';
import { FakeArcConfig } from './fake-aws/arc-config';
import { FakeCore, type FakeCall, type FaultSpec } from './fake-aws/core';
import { FakeDatastores } from './fake-aws/datastores';
import { FakeGlobalClusters } from './fake-aws/global-clusters';
import { FakeMetrics } from './fake-aws/metrics';
import { FakeRoute53 } from './fake-aws/route53';

export type { FakeCall, FaultSpec } from './fake-aws/core';
export type { FakeGlobalClusterSpec, FakeMemberSpec } from './fake-aws/global-clusters';
export type { FakeDatastoreSpec } from './fake-aws/datastores';

export class FakeAws implements AwsPorts {
  private readonly core: FakeCore;
  readonly rds: FakeGlobalClusters;
  readonly docdb: FakeGlobalClusters;
  readonly elasticache: FakeDatastores;
  readonly route53: FakeRoute53;
  readonly cloudwatch: FakeMetrics;
  readonly arc: FakeArc;
  readonly 'arc-config': FakeArcConfig;

  /** `now` is the test's clock, so metric points and change times line up with the action's. */
  constructor(now: () => number = () => Date.UTC(2026, 10, 22, 3, 0, 0)) {
    this.core = new FakeCore(now);
    this.rds = new FakeGlobalClusters('rds', this.core);
    this.docdb = new FakeGlobalClusters('docdb', this.core);
    this.elasticache = new FakeDatastores(this.core);
    this.route53 = new FakeRoute53(this.core);
    this.cloudwatch = new FakeMetrics(this.core);
    this.arc = new FakeArc(this.core);
    this['arc-config'] = new FakeArcConfig(this.core);
  }

  /** Every call, in order, with its service, region, operation and parameters. */
  get calls(): readonly FakeCall[] {
    return this.core.calls;
  }

  mutatingCalls(): FakeCall[] {
    return this.core.calls.filter((call) => call.mutating);
  }

  callsTo(operation: string): FakeCall[] {
    return this.core.calls.filter((call) => call.operation === operation);
  }

  /** Every call to the region fails as unreachable (a regional outage), until set back. */
  setUnreachable(region: string, unreachable = true): void {
    this.core.setUnreachable(region, unreachable);
  }

  /** The next matching call(s) fail with an AwsError of this kind. */
  fail(fault: FaultSpec): void {
    this.core.fail(fault);
  }

  /** Moves every operation under way one stage on, in every service. */
  tick(): void {
    this.rds.tick();
    this.docdb.tick();
    this.elasticache.tick();
    this.route53.tick();
  }
}
