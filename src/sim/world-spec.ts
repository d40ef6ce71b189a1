// The world file: what a game-day author writes (or `generateWorld` derives from a runbook). This zod
// definition is the single source of the WorldSpec type. Durations are strings ("90s"); a duration that
// varies is a range ("60s..90s") from which the world draws with its seed. Faults live in their own section.
import * as z from 'zod';
import { DURATION_KEYS } from './world-durations';
import { SimDuration, SimDurationRange, SimRegion } from './world-spec-primitives';
import { FaultSpec } from './world-faults-spec';
import { WORLD_PARTS, type RegisteredWorldPart } from './catalogue';

export const DbClusterSpec = z.strictObject({
  id: z.string().min(1),
  region: SimRegion,
  writer: z.boolean().default(false),
  /** DB instances in the cluster; 0 makes it headless. */
  instances: z.number().int().min(0).max(16).default(1),
  /** Defaults to the global cluster's engine version. */
  engineVersion: z.string().optional(),
  /** Typical replication lag while this cluster is a secondary. */
  lag: SimDuration.optional(),
});

export const GlobalClusterSpec = z.strictObject({
  globalClusterId: z.string().min(1),
  engine: z.string().optional(),
  engineVersion: z.string().optional(),
  clusters: z.array(DbClusterSpec).min(1),
});

export const ReplicationGroupSpec = z.strictObject({
  id: z.string().min(1),
  region: SimRegion,
  primary: z.boolean().default(false),
  /** Cache nodes, each its own member cache cluster <id>-001, <id>-002, ... */
  nodes: z.number().int().min(1).max(6).default(2),
  lag: SimDuration.optional(),
});

export const GlobalDatastoreSpec = z.strictObject({
  globalReplicationGroupId: z.string().min(1),
  engine: z.enum(['redis', 'valkey']).default('redis'),
  engineVersion: z.string().default('7.1'),
  cacheNodeType: z.string().default('cache.r7g.large'),
  replicationGroups: z.array(ReplicationGroupSpec).min(1),
});

export const HealthCheckSpec = z.strictObject({
  id: z.string().min(1),
  /** The region whose endpoint this health check watches: it turns red when that region is out. */
  region: SimRegion,
  /** What the checkers look at; a RECOVERY_CONTROL check looks at its routing control instead. */
  fqdn: z.string().min(1).optional(),
  type: z.enum(['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH', 'TCP', 'RECOVERY_CONTROL']).default('HTTPS'),
  /** RECOVERY_CONTROL: healthy while this routing control is On (ARC, spec.arc). */
  routingControlArn: z.string().min(1).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  resourcePath: z.string().default('/health'),
  requestInterval: z.enum(['10s', '30s']).default('30s'),
  failureThreshold: z.number().int().min(1).max(10).default(3),
  inverted: z.boolean().default(false),
  disabled: z.boolean().default(false),
});

export const RecordSpec = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'SRV', 'NS', 'PTR', 'CAA']).default('A'),
  setIdentifier: z.string().optional(),
  failover: z.enum(['PRIMARY', 'SECONDARY']).optional(),
  weight: z.number().int().min(0).max(255).optional(),
  region: SimRegion.optional(),
  ttl: z.number().int().min(0).default(60),
  values: z.array(z.string()).min(1),
  healthCheckId: z.string().optional(),
});

export const HostedZoneSpec = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  records: z.array(RecordSpec).default([]),
});

/**
 * The application the data stores and the DNS serve: healthy in a region only while the writers it needs
 * are there and clients resolving its name reach that region (docs/simulator.md, "Traffic"). Its alarms
 * and its HTTP endpoints (one loopback endpoint per region) follow that rule.
 */
export const ApplicationSpec = z.strictObject({
  name: z.string().min(1),
  /** The name clients resolve (a record of the world's hosted zones): traffic goes where it answers. Without one, only the writers count. */
  dnsName: z.string().min(1).optional(),
  /** Global cluster and datastore ids whose writers it needs; default: every one in the world. */
  needs: z.array(z.string().min(1)).optional(),
  /** Hostnames probes may ask for: without a region, the name DNS routes; with one, that region directly. */
  endpoints: z.array(z.strictObject({ host: z.string().min(1), region: SimRegion.optional() })).default([]),
  /** Alarms in DescribeAlarms: OK while the application is healthy in their region. */
  alarms: z
    .array(z.strictObject({ name: z.string().min(1), region: SimRegion, composite: z.boolean().default(true) }))
    .default([]),
});

/**
 * How CloudWatch publishes replication lag. AWS does not document the dimension sets (AWS-API-2.md 4.3),
 * so a world can publish them the way drctl assumed (exact), under extra dimensions only (extra), or both.
 */
export const MetricsSpec = z.strictObject({
  lagDimensions: z
    .enum(['exact', 'extra', 'both'])
    .default('exact')
    .meta({
      description:
        'exact: {DBClusterIdentifier} (Aurora, DocumentDB), {CacheClusterId} and {CacheClusterId, CacheNodeId} (ElastiCache); ' +
        'extra: only {DBClusterIdentifier, SourceRegion} and {CacheClusterId, CacheNodeId}; both: all of them.',
    }),
});

export const DurationsSpec = z.strictObject(
  Object.fromEntries(DURATION_KEYS.map((key) => [key, SimDurationRange.optional()])) as Record<
    (typeof DURATION_KEYS)[number],
    z.ZodOptional<typeof SimDurationRange>
  >,
);

/** Each world part's section (src/sim/catalogue.ts): a list of its entries, empty by default. */
function worldPartSections() {
  return Object.fromEntries(WORLD_PARTS.map((part) => [part.key, z.array(part.entry).default([])])) as {
    [W in RegisteredWorldPart as W['key']]: z.ZodDefault<z.ZodArray<W['entry']>>;
  };
}

export const WorldSpecBody = z.strictObject({
  seed: z.number().int().default(1),
  /** --sim's simulated start (ISO-8601); default: the last whole minute. A served world lives on the wall clock. */
  start: z.iso.datetime({ offset: true }).optional(),
  aurora: z.array(GlobalClusterSpec).default([]),
  docdb: z.array(GlobalClusterSpec).default([]),
  elasticache: z.array(GlobalDatastoreSpec).default([]),
  healthChecks: z.array(HealthCheckSpec).default([]),
  hostedZones: z.array(HostedZoneSpec).default([]),
  ...worldPartSections(),
  metrics: MetricsSpec.default({ lagDimensions: 'exact' }),
  applications: z.array(ApplicationSpec).default([]),
  durations: DurationsSpec.default({}),
  faults: z.array(FaultSpec).default([]),
});

export const WorldDocument = z.strictObject({
  apiVersion: z.literal('drctl/v1', { error: 'must be "drctl/v1"' }),
  kind: z.literal('SimWorld', { error: 'must be "SimWorld"' }),
  metadata: z.strictObject({ name: z.string().min(1), description: z.string().optional() }),
  spec: WorldSpecBody,
});

export type WorldSpec = z.output<typeof WorldDocument>;
export type WorldSpecInput = z.input<typeof WorldDocument>;
export type GlobalClusterSpec = z.output<typeof GlobalClusterSpec>;
export type DbClusterSpec = z.output<typeof DbClusterSpec>;
export type GlobalDatastoreSpec = z.output<typeof GlobalDatastoreSpec>;
export type ReplicationGroupSpec = z.output<typeof ReplicationGroupSpec>;
export type HealthCheckSpec = z.output<typeof HealthCheckSpec>;
export type HostedZoneSpec = z.output<typeof HostedZoneSpec>;
export type RecordSpec = z.output<typeof RecordSpec>;
export type MetricsSpec = z.output<typeof MetricsSpec>;
export type ApplicationSpec = z.output<typeof ApplicationSpec>;
