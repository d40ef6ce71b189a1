// What `drctl status` is asked about: a runbook's resources, or `--resource type:id` flags turned into
// the same runbook resources (named after their ids), so both go through the actions' own readers and,
// under --sim, into the same generated world.
import { DrctlError, ExitCode } from '../core/errors';
import { globalResource } from '../runbook/inline';
import type { Resource } from '../core/resources';
import { didYouMean } from '../runbook/suggest';

const TYPES = ['aurora', 'docdb', 'elasticache', 'health-check'] as const;
type ShortType = (typeof TYPES)[number];

// The runbook's own type names are accepted too: people copy them from runbooks.
const ALIASES: Record<string, ShortType> = {
  'aurora-global': 'aurora',
  'docdb-global': 'docdb',
  'elasticache-global': 'elasticache',
  'route53-health-check': 'health-check',
};

const EXAMPLE = 'aurora:shop-orders, docdb:shop-catalog, elasticache:ldgnf-shop-sessions or health-check:<id>';

function badFlag(flag: string, why: string, hint: string): DrctlError {
  return new DrctlError('status.bad-resource', `--resource ${flag}: ${why}`, hint, { exitCode: ExitCode.invalidInput });
}

function parseOne(flag: string): { type: ShortType; id: string } {
  const colon = flag.indexOf(':');
  if (colon <= 0 || colon === flag.length - 1) throw badFlag(flag, 'expected type:id', `Pass it like ${EXAMPLE}.`);
  const written = flag.slice(0, colon).toLowerCase();
  const id = flag.slice(colon + 1).trim();
  const type = (TYPES as readonly string[]).includes(written) ? (written as ShortType) : ALIASES[written];
  if (!type) {
    const suggestion = didYouMean(written, [...TYPES, ...Object.keys(ALIASES)]);
    throw badFlag(flag, `"${written}" is not a resource type`, `${suggestion ? `${suggestion} ` : ''}Types: ${TYPES.join(', ')}.`);
  }
  return { type, id };
}

function resourceOf(type: ShortType, id: string): Resource {
  return type === 'health-check' ? { type: 'route53-health-check', healthCheckId: id } : globalResource(type, id);
}

/** `--resource` flags as runbook resources, named after their ids (`type:id` when two share an id). */
export function resourcesFromFlags(flags: readonly string[]): Record<string, Resource> {
  const parsed = flags.map(parseOne);
  const resources: Record<string, Resource> = {};
  for (const { type, id } of parsed) {
    const shared = parsed.filter((other) => other.id === id && other.type !== type).length > 0;
    resources[shared ? `${type}:${id}` : id] = resourceOf(type, id);
  }
  return resources;
}

/** Health check ids as runbook resources, for `drctl health` (and its --sim world). */
export function healthCheckResources(ids: readonly string[]): Record<string, Resource> {
  return Object.fromEntries(ids.map((id) => [id, resourceOf('health-check', id)]));
}
