// How long things take in the simulated AWS, by default. Figures follow AWS-API.md section 7: Aurora
// "in under a minute" to a few minutes, DocumentDB switchover "approximately three minutes" and failover
// "approximately one minute", ElastiCache about a minute, Route 53 changes "generally within 60 seconds".
// Each operation draws its own duration from the range with the world's seed.
import { parseDuration } from '../core/duration';

export const DURATION_KEYS = [
  'auroraSwitchover',
  'auroraFailover',
  'docdbSwitchover',
  'docdbFailover',
  'detach',
  'resync',
  'elasticacheFailover',
  'elasticacheDisassociate',
  'dnsChange',
] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];

export const DEFAULT_DURATIONS: Record<DurationKey, string> = {
  auroraSwitchover: '60s..90s',
  auroraFailover: '45s..60s',
  docdbSwitchover: '150s..210s',
  docdbFailover: '50s..70s',
  /** RemoveFromGlobalCluster: replication stops at once, promotion takes a little while. */
  detach: '30s..60s',
  /** The old primary stays pending-resync this long after a failover (once its region answers again). */
  resync: '3m..6m',
  elasticacheFailover: '45s..60s',
  elasticacheDisassociate: '30s..50s',
  /** Route 53 change PENDING -> INSYNC. */
  dnsChange: '20s..40s',
};

/** [min, max] in ms for a duration key, honouring the world file's overrides. */
export function durationRange(key: DurationKey, overrides: Partial<Record<DurationKey, string>>): [number, number] {
  const text = overrides[key] ?? DEFAULT_DURATIONS[key];
  const range = parseDurationRange(text) ?? parseDurationRange(DEFAULT_DURATIONS[key]);
  if (!range) throw new Error(`bug: default duration ${key} does not parse`);
  return range;
}

/** "75s" -> [75000, 75000]; "60s..90s" -> [60000, 90000]; undefined when malformed. */
export function parseDurationRange(text: string): [number, number] | undefined {
  const [low, high, extra] = text.split('..').map((part) => part.trim());
  if (extra !== undefined || low === undefined) return undefined;
  const min = parseDuration(low);
  const max = high === undefined ? min : parseDuration(high);
  if (min === undefined || max === undefined || max < min) return undefined;
  return [min, max];
}
