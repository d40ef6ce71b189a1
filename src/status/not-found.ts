// A resource the operator named does not exist where drctl asked. The error says where it asked and what
// does exist there (ids with their regions, or health checks with what they look at), with a "did you
// mean"; only when AWS would not list them (access denied, a region down) does it fall back to the AWS
// CLI command that lists them.
import type { AwsError } from '../aws/aws-error';
import type { AwsPorts } from '../core/services/catalogue';
import { DrctlError, ExitCode } from '../core/errors';
import type { Resource } from '../core/resources';
import { resourceInfoOf } from '../core/services/catalogue';
import { didYouMean, levenshtein } from '../runbook/suggest';
import { type ExistingResource, listExisting, type Listing } from './existing';
import { idOf } from './model';

/** Beyond this many, the list stops being read; the closest ids come first, so they are the ones shown. */
const MAX_LISTED = 10;

function described(entry: ExistingResource): string {
  const detail = entry.regions?.length ? entry.regions.join(', ') : entry.endpoint;
  return detail ? `${entry.id} (${detail})` : entry.id;
}

function listed(id: string, found: ExistingResource[]): string {
  const lower = id.toLowerCase();
  const closestFirst = [...found].sort(
    (a, b) => levenshtein(lower, a.id.toLowerCase()) - levenshtein(lower, b.id.toLowerCase()) || a.id.localeCompare(b.id),
  );
  const shown = closestFirst.slice(0, MAX_LISTED).map(described).join(', ');
  return found.length > MAX_LISTED ? `${shown} and ${found.length - MAX_LISTED} more` : shown;
}

/**
 * A typo of an id; a datastore id without its five-letter region prefix (AWS adds it, e.g. "ldgnf-"); or
 * the domain name a health check looks at, given instead of its id.
 */
function suggestion(id: string, found: ExistingResource[]): string | undefined {
  const lower = id.toLowerCase();
  const typo = didYouMean(id, found.map((entry) => entry.id));
  if (typo) return typo;
  const prefixed = found.find((entry) => /^[a-z]{5}-/.test(entry.id) && entry.id.slice(6).toLowerCase() === lower);
  if (prefixed) return `Did you mean "${prefixed.id}"? Global datastore ids start with a region prefix.`;
  const byEndpoint = found.find((entry) => entry.endpoint?.toLowerCase() === lower);
  return byEndpoint && `Did you mean "${byEndpoint.id}"? That health check looks at ${byEndpoint.endpoint}.`;
}

/** What follows "was not found ..." in the message, and what leads the hint. */
function whatExists(resource: Resource, id: string, listing: Listing | undefined, where: string, cliRegion: string): { more: string; lead: string } {
  const many = resourceInfoOf(resource.type).many;
  // Nothing found because every listing failed is not "there is none": fall back to the CLI command.
  if (!listing || (listing.found.length === 0 && listing.failures.length > 0)) {
    const why = listing?.failures[0] ? ` (drctl could not list them: ${listing.failures[0].message})` : '';
    return { more: '', lead: `List what exists with: ${resourceInfoOf(resource.type).listCommand(resource, cliRegion)}${why}.` };
  }
  const place = where ? 'there' : 'in this account';
  const silent = listing.failures.map((failure) => failure.details.region);
  const partly = silent.length ? ` ${silent.join(', ')} could not be listed, so some may be missing.` : '';
  if (!listing.found.length) return { more: `. There are no ${many} ${place}`, lead: partly.trim() };
  return { more: `. ${many} ${place}: ${listed(id, listing.found)}`, lead: `${suggestion(id, listing.found) ?? ''}${partly}`.trim() };
}

/** `command` prefixes the stable code: status.not-found, health.not-found, failover.not-found. */
export async function notFoundError(command: 'status' | 'health' | 'failover', ports: AwsPorts, name: string, resource: Resource, regions: readonly string[], cause: AwsError): Promise<DrctlError> {
  const id = idOf(resource);
  const global = resource.type === 'route53-health-check';
  const asked = regions.length ? regions : [cause.details.region];
  const where = global ? '' : ` in ${asked.join(', ')}`;
  const named = name === id ? '' : ` (resource "${name}")`;
  const listing = await listExisting(ports, resource, asked);
  const { more, lead } = whatExists(resource, id, listing, where, asked[0] ?? cause.details.region);
  const account = global ? 'Check the id and the account (--profile).' : 'Check the id, --region (or the resource\'s regions) and the account (--profile).';
  return new DrctlError(`${command}.not-found`, `${resourceInfoOf(resource.type).one} ${id}${named} was not found${where}${more}`, `${lead} ${account}`.trim(), {
    exitCode: ExitCode.invalidInput,
    cause,
  });
}
