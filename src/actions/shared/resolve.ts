// Turning what a runbook says (a resource name, `to: us-west-2`) into what AWS needs (the resource, the
// member cluster in that region, a region that answers). Every failure names what exists instead.
import { AwsError, isAwsError } from '../../aws/aws-error';
import { DrctlError, ExitCode } from '../../core/errors';
import type { ResourceOf, ResourceType } from '../../core/resources';
import { didYouMean } from '../../runbook/suggest';
import type { ActionContext } from '../../core/action';

export function resourceNamed<T extends ResourceType>(
  ctx: Pick<ActionContext, 'resources'>,
  name: string,
  types: readonly T[],
): ResourceOf<T> {
  const resource = ctx.resources[name];
  const wanted = types.join(' or ');
  if (!resource) {
    const declared = Object.keys(ctx.resources);
    const hint = [
      didYouMean(name, declared),
      declared.length ? `Declared resources: ${declared.join(', ')}.` : `Declare a ${wanted} resource under spec.resources.`,
    ];
    throw new DrctlError('action.unknown-resource', `No resource named "${name}" in the runbook`, hint.filter(Boolean).join(' '));
  }
  if (!(types as readonly string[]).includes(resource.type)) {
    throw new DrctlError(
      'action.wrong-resource-type',
      `Resource "${name}" is a ${resource.type}, but this needs a ${wanted}`,
      `Point "resource" at a ${wanted} resource.`,
    );
  }
  return resource as ResourceOf<T>;
}

export interface RegionalMember {
  region: string;
}

/** The member in `region`; otherwise an error that lists every member and its region. */
export function memberInRegion<M extends RegionalMember>(
  members: readonly M[],
  region: string,
  subject: string,
  describeMember: (member: M) => string,
  extraHint = '',
): M {
  const member = members.find((candidate) => candidate.region === region);
  if (member) return member;
  const listed = members.length ? members.map(describeMember).join('; ') : 'none';
  const regions = [...new Set(members.map((candidate) => candidate.region))];
  throw new DrctlError(
    'action.region-not-a-member',
    `${subject} has no member in ${region}. Members: ${listed}`,
    (regions.length
      ? `Set "to" to one of ${regions.join(', ')}, or add a secondary in ${region} first.`
      : 'The global resource has no members; check it in the AWS console.') + (extraHint ? ` ${extraHint}` : ''),
  );
}

/**
 * Regions to ask for a global resource, best first: the step's target (it answers in an outage of the
 * old primary), then the resource's `regions` hint, then the configured default region.
 */
export function regionsToAsk(
  ctx: Pick<ActionContext, 'defaultRegion'>,
  subject: string,
  ...preferred: Array<string | readonly string[] | undefined>
): string[] {
  const regions = [...new Set([...preferred.flat(), ctx.defaultRegion].filter((r): r is string => Boolean(r)))];
  if (regions.length === 0) {
    throw new DrctlError(
      'action.no-region',
      `drctl does not know which region to ask about ${subject}`,
      `Add "regions: [us-east-1, us-west-2]" (where its members live) to the resource, or pass --region.`,
    );
  }
  return regions;
}

// A region that cannot be reached, is failing, or does not know the resource may not be the only one
// that can answer: in an outage the old primary's region is exactly the one that is silent.
const TRY_NEXT_REGION = new Set(['unreachable', 'service', 'not-found']);

/** A region that does not answer, or answers only with server errors after retries: treat it as down. */
export function isRegionDown(error: unknown): boolean {
  return isAwsError(error, 'unreachable') || isAwsError(error, 'service');
}

/** Calls `ask` in each region in turn until one answers; reports regions that did not. */
export async function askFirstAnswering<T>(
  ctx: Pick<ActionContext, 'observe'>,
  regions: readonly string[],
  ask: (region: string) => Promise<T>,
): Promise<{ value: T; region: string }> {
  const failures: AwsError[] = [];
  for (const region of regions) {
    try {
      return { value: await ask(region), region };
    } catch (error) {
      if (!isAwsError(error) || !TRY_NEXT_REGION.has(error.details.kind)) throw error;
      failures.push(error);
      const next = regions[regions.indexOf(region) + 1];
      if (next && error.details.kind !== 'not-found') ctx.observe(`${region} did not answer (${error.details.kind}); asking ${next}`);
    }
  }
  throw noRegionAnswered(regions, failures);
}

function noRegionAnswered(regions: readonly string[], failures: AwsError[]): AwsError {
  const first = failures[0];
  if (!first) throw new Error('askFirstAnswering needs at least one region');
  const silent = failures.filter((failure) => failure.details.kind !== 'not-found');
  // Only "not found" everywhere: the resource is really missing, and AWS's own message says so best.
  if (silent.length === 0) return first;
  const lastSilent = silent[silent.length - 1] ?? first;
  return new AwsError(
    { ...lastSilent.details, kind: 'unreachable' },
    `No region answered ${lastSilent.details.operation}: asked ${regions.join(', ')} (${failures
      .map((failure) => `${failure.details.region}: ${failure.details.kind}`)
      .join(', ')})`,
    'Check network access to AWS (VPN, proxy, --endpoint-url) and credentials; if these regions are impaired, ' +
      'add a healthy member region to the resource\'s "regions" and run `drctl resume`.',
    lastSilent,
  );
}

export const asRunFailure = { exitCode: ExitCode.runFailed };
