// The application the world's data stores and DNS serve. It is healthy in a region while every writer it
// needs is there and every client resolving its name reaches that region (world-resolution.ts); its
// regional HTTP endpoints answer by that rule at the instant asked, and its alarms evaluate it once a
// minute (of world time), as a CloudWatch alarm with one one-minute period would. An alarm's state at the
// start is taken to have held for an hour, so "OK for N seconds" holds at the start of a healthy world.
import type { WorldCore } from './world-core';
import { normalizeName } from './world-dns';
import type { GlobalDatastores } from './world-datastores';
import type { GlobalClusters } from './world-global-clusters';
import { MINUTE } from './world-metrics';
import type { Resolver } from './world-resolution';
import type { ApplicationSpec } from './world-spec';

export interface AlarmStatus {
  name: string;
  region: string;
  composite: boolean;
  application: string;
  state: 'OK' | 'ALARM';
  reason: string;
  /** The last evaluation, and when the state last changed (StateUpdated / StateTransitionedTimestamp). */
  updatedAt: number;
  transitionedAt: number;
}

const PRE_START_HISTORY_MS = 60 * MINUTE;

export class Applications {
  private readonly alarms = new Map<string, AlarmStatus>();

  constructor(
    private readonly core: WorldCore,
    readonly specs: readonly ApplicationSpec[],
    private readonly globalClusters: GlobalClusters,
    private readonly datastores: GlobalDatastores,
    private readonly resolver: Resolver,
  ) {
    if (specs.some((spec) => spec.alarms.length > 0)) this.core.schedule(core.startedAt, () => this.evaluate());
  }

  /** Why the application is not healthy in `region` now; undefined when it is. */
  problem(app: ApplicationSpec, region: string): string | undefined {
    const away: string[] = [];
    for (const id of app.needs ?? this.allStores()) {
      const writer = this.writerRegion(id);
      if (writer !== region) away.push(`${id} writes in ${writer ?? 'no region'}`);
    }
    if (away.length > 0) return `not every writer is here: ${away.join(', ')}`;
    if (app.dnsName === undefined) return undefined;
    const serving = this.resolver.servingRegion(app.dnsName, this.core.now());
    if (serving !== region) return `clients resolving ${normalizeName(app.dnsName)} reach ${serving ?? 'more than one region, or none yet'}`;
    return undefined;
  }

  /** The application and region a probe of this host reaches now; undefined for a host the world does not know. */
  route(host: string): { app: ApplicationSpec; region: string | undefined } | undefined {
    const name = normalizeName(host);
    for (const app of this.specs) {
      const endpoint = app.endpoints.find((candidate) => normalizeName(candidate.host) === name);
      const global = app.dnsName !== undefined && normalizeName(app.dnsName) === name;
      if (!endpoint && !global) continue;
      if (endpoint?.region) return { app, region: endpoint.region };
      const answer = app.dnsName === undefined ? undefined : this.resolver.clientAnswer(app.dnsName, this.core.now());
      return { app, region: answer?.regions[0] };
    }
    return undefined;
  }

  /** Every alarm of every application, as last evaluated. */
  alarmStatuses(): AlarmStatus[] {
    return [...this.alarms.values()];
  }

  private evaluate(): void {
    const now = this.core.now();
    for (const app of this.specs) {
      for (const alarm of app.alarms) {
        const problem = this.problem(app, alarm.region);
        const state = problem ? 'ALARM' : 'OK';
        const key = `${alarm.region}|${alarm.name}`;
        const before = this.alarms.get(key);
        const reason = problem ? `${app.name} is not healthy in ${alarm.region}: ${problem}` : `${app.name} is healthy in ${alarm.region}`;
        const transitionedAt = before === undefined ? now - this.core.span(PRE_START_HISTORY_MS) : before.state === state ? before.transitionedAt : now;
        this.alarms.set(key, { name: alarm.name, region: alarm.region, composite: alarm.composite, application: app.name, state, reason, updatedAt: now, transitionedAt });
      }
    }
    this.core.schedule(now + this.core.span(MINUTE), () => this.evaluate());
  }

  private allStores(): string[] {
    return [...this.globalClusters.globals.keys(), ...this.datastores.datastores.keys()];
  }

  private writerRegion(id: string): string | undefined {
    const global = this.globalClusters.globals.get(id);
    if (global) return this.globalClusters.writerOf(global)?.region;
    const datastore = this.datastores.datastores.get(id);
    return datastore ? this.datastores.primaryOf(datastore)?.region : undefined;
  }
}
