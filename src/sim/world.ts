// The live simulated AWS: every model wired to one clock, one seed and one set of faults, plus the handle
// a game-day host or the benchmark inspects (who is the writer where, what completed when, who asked what).
import type { SimClock } from './clock';
import { type SimWorldParts, WORLD_PARTS } from './catalogue';
import { WorldCore, requestKey } from './world-core';
import { GlobalDatastores } from './world-datastores';
import { HostedZones } from './world-dns';
import { FaultSpec, type FaultSpecInput } from './world-faults-spec';
import { GlobalClusters } from './world-global-clusters';
import { GlobalClusterTransitions } from './world-global-transitions';
import { HealthChecks } from './world-health-checks';
import { Metrics } from './world-metrics';
import { Applications } from './world-apps';
import { Resolver } from './world-resolution';
import type { WorldSpec } from './world-spec';
import type { OperationRecord, RequestRecord } from './world-state';

export interface RequestCount {
  service: string;
  region: string;
  operation: string;
  resource: string;
  count: number;
}

export interface WorldSummary {
  now: number;
  globalClusters: Array<{ id: string; service: string; status: string; writerRegion?: string; failoverState?: string; members: number }>;
  datastores: Array<{ id: string; status: string; primaryRegion?: string; members: number }>;
  healthChecks: Array<{ id: string; watchedRegion: string; healthy: boolean }>;
  operationsInProgress: number;
}

export class SimWorld {
  readonly core: WorldCore;
  readonly globalClusters: GlobalClusters;
  readonly transitions: GlobalClusterTransitions;
  readonly datastores: GlobalDatastores;
  readonly healthChecks: HealthChecks;
  readonly dns: HostedZones;
  readonly metrics: Metrics;
  /** Each world part's model, by key (src/sim/catalogue.ts): world.parts.arc... */
  readonly parts: SimWorldParts;
  /** Where clients resolving a name are sent (Route 53's answers, then resolvers' caches). */
  readonly resolver: Resolver;
  /** The application: healthy where its writers and its traffic are; its alarms and regional endpoints. */
  readonly apps: Applications;

  constructor(
    readonly spec: WorldSpec,
    readonly clock: SimClock,
    timeScale = 1,
  ) {
    const body = spec.spec;
    this.core = new WorldCore(clock, body.seed, body.durations, body.faults, timeScale);
    this.globalClusters = new GlobalClusters(this.core);
    this.transitions = new GlobalClusterTransitions(this.core, this.globalClusters);
    this.datastores = new GlobalDatastores(this.core);
    this.parts = Object.fromEntries(WORLD_PARTS.map((part) => [part.key, part.create(this.core)])) as SimWorldParts;
    // A RECOVERY_CONTROL health check judges by its ARC routing control (Route 53's data plane).
    this.healthChecks = new HealthChecks(this.core, (arn, time) => this.parts.arc.stateAt(arn, time));
    this.dns = new HostedZones(this.core, this.healthChecks);
    this.metrics = new Metrics(this.core, this.globalClusters, this.datastores, this.healthChecks, body.metrics);
    this.resolver = new Resolver(this.core, this.dns, this.healthChecks);
    for (const global of body.aurora) this.globalClusters.add('aurora', global);
    for (const global of body.docdb) this.globalClusters.add('docdb', global);
    for (const datastore of body.elasticache) this.datastores.add(datastore);
    for (const part of WORLD_PARTS) for (const entry of body[part.key]) part.add(this.parts[part.key], entry);
    for (const check of body.healthChecks) this.healthChecks.add(check);
    for (const zone of body.hostedZones) this.dns.add(zone);
    for (const fault of body.faults) this.globalClusters.applyStaticFault(fault);
    this.apps = new Applications(this.core, body.applications, this.globalClusters, this.datastores, this.resolver);
  }

  /** The regions of the world: where its data stores, health checks and application live. */
  regions(): string[] {
    const regions = [
      ...[...this.globalClusters.clusters.values()].map((cluster) => cluster.region),
      ...[...this.datastores.datastores.values()].flatMap((datastore) => datastore.members.map((member) => member.region)),
      ...[...this.healthChecks.checks.values()].map((check) => check.watchedRegion),
      ...this.spec.spec.applications.flatMap((app) => [...app.alarms.map((alarm) => alarm.region), ...app.endpoints.flatMap((endpoint) => endpoint.region ?? [])]),
    ];
    return [...new Set(regions)].sort();
  }

  /** Simulated now. */
  now(): number {
    return this.core.now();
  }

  /** When the simulation started, in simulated time (fault offsets count from here). */
  get startedAt(): number {
    return this.core.startedAt;
  }

  /** Brings the world up to simulated now (runs due transitions). Every read below does it first. */
  settle(): void {
    this.core.settle();
  }

  /** The current writer of an Aurora or DocumentDB global cluster. */
  writerOf(globalClusterId: string): { clusterId: string; region: string; arn: string } | undefined {
    this.settle();
    const writer = this.globalClusters.writerOf(this.globalClusters.global(globalClusterId));
    return writer && { clusterId: writer.id, region: writer.region, arn: writer.arn };
  }

  /** The current primary of an ElastiCache global datastore. */
  primaryOf(globalReplicationGroupId: string): { replicationGroupId: string; region: string } | undefined {
    this.settle();
    const primary = this.datastores.primaryOf(this.datastores.datastore(globalReplicationGroupId));
    return primary && { replicationGroupId: primary.replicationGroupId, region: primary.region };
  }

  /** Route 53's verdict on a health check now. */
  isHealthy(healthCheckId: string): boolean {
    this.settle();
    return this.healthChecks.isHealthy(healthCheckId);
  }

  /** Who is primary where, and what is under way: one line of data per resource (for `drctl sim serve`). */
  summary(): WorldSummary {
    this.settle();
    return {
      now: this.now(),
      globalClusters: [...this.globalClusters.globals.values()].map((global) => ({
        id: global.id,
        service: global.family === 'aurora' ? 'rds' : 'docdb',
        status: global.status,
        writerRegion: this.globalClusters.writerOf(global)?.region,
        failoverState: global.failoverState?.status,
        members: global.members.length,
      })),
      datastores: [...this.datastores.datastores.values()].map((datastore) => ({
        id: datastore.id,
        status: datastore.status,
        primaryRegion: this.datastores.primaryOf(datastore)?.region,
        members: datastore.members.length,
      })),
      healthChecks: [...this.healthChecks.checks.values()].map((check) => ({
        id: check.id,
        watchedRegion: check.watchedRegion,
        healthy: this.healthChecks.isHealthy(check.id),
      })),
      operationsInProgress: this.core.operations.filter((operation) => operation.outcome === 'in-progress').length,
    };
  }

  /** Every mutating operation the world accepted, with its milestones and completion time (simulated). */
  get operations(): readonly OperationRecord[] {
    this.settle();
    return this.core.operations;
  }

  /** Every request received, in order (bounded), with its simulated time and outcome. */
  get requests(): readonly RequestRecord[] {
    return this.core.requests;
  }

  /** Requests per (service, region, operation, resource). */
  requestCounts(): RequestCount[] {
    return [...this.core.requestCounts.entries()].map(([key, count]) => {
      const [service = '', region = '', operation = '', resource = ''] = key.split('|');
      return { service, region, operation, resource, count };
    });
  }

  requestCount(service: string, region: string, operation: string, resource: string): number {
    return this.core.requestCounts.get(requestKey(service, region, operation, resource)) ?? 0;
  }

  /**
   * Adds a fault while the world runs (a game-day host pulling the plug). Offsets count from the start of
   * the simulation; a timed fault given without `at` starts now, not retroactively.
   */
  injectFault(input: FaultSpecInput): void {
    this.settle();
    // A kind with a window (`at`) that is not given starts now: whatever kinds the catalogue's services add.
    const timed = FaultSpec.options.some((kind) => kind.shape.type.value === input.type && 'at' in kind.shape);
    const startsNow = timed && !('at' in input && input.at !== undefined);
    // Offsets are declared in world time: now, on a served world, is (wall elapsed) x timeScale in.
    const fault = FaultSpec.parse(startsNow ? { ...input, at: `${Math.round((this.now() - this.startedAt) * this.core.timeScale)}ms` } : input);
    this.core.faults.add(fault);
    this.globalClusters.applyStaticFault(fault);
  }

  /** Calls the listener whenever an operation reaches a milestone (for live output); returns an unsubscribe. */
  onRequest(listener: (request: RequestRecord) => void): () => void {
    return this.core.onRequest(listener);
  }

  onMilestone(listener: (operation: OperationRecord, what: string) => void): () => void {
    return this.core.onMilestone(listener);
  }
}

export function createWorld(spec: WorldSpec, clock: SimClock, timeScale = 1): SimWorld {
  return new SimWorld(spec, clock, timeScale);
}
