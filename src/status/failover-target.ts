// Before `drctl failover` starts a journaled run: does the resource exist, and is `--to` one of its
// members? Read with the actions' own reader; the errors list what exists (members and their regions,
// or the resources AWS knows), exit 2, and nothing is journaled or locked. Any other failure (a region
// that does not answer) is left to the run, whose plan knows how to work around a silent region.
import { readGlobal } from '../actions/shared/global-read';
import { memberInRegion } from '../actions/shared/resolve';
import { isAwsError } from '../aws/aws-error';
import { DrctlError, ExitCode } from '../core/errors';
import type { Resource } from '../core/resources';
import { notFoundError } from './not-found';
import { readContext, type ReadDeps } from './read-context';

/** Returns the writer's (primary's) region, when it could be read: where the failover moves from. */
export async function checkFailoverTarget(deps: ReadDeps, resources: Record<string, Resource>, name: string, to: string): Promise<string | undefined> {
  const read = await readGlobal(readContext(deps, resources, []), name, to).catch(async (error: unknown) => {
    const resource = resources[name];
    if (isAwsError(error, 'not-found') && resource) {
      const regions = [...new Set([to, deps.defaultRegion].filter((region): region is string => Boolean(region)))];
      throw await notFoundError('failover', deps.ports, name, resource, regions, error);
    }
    if (isAwsError(error)) return undefined;
    throw error;
  });
  if (!read) return undefined;
  try {
    memberInRegion(read.members, to, read.subject, (member) => `${member.id} in ${member.region}${member.writer ? ' (writer)' : ''}`);
  } catch (error) {
    if (!(error instanceof DrctlError)) throw error;
    // The action's hint speaks of a runbook's "to"; here it is a flag.
    const secondaries = read.members.filter((member) => !member.writer).map((member) => member.region);
    const hint = secondaries.length
      ? `Pass --to ${secondaries.join(' or --to ')} (${secondaries.length === 1 ? 'the secondary' : 'the secondaries'}), or add a secondary in ${to} first.`
      : 'It has no secondary to fail over to; check it with `drctl status`.';
    throw new DrctlError('failover.region-not-a-member', error.message, hint, { exitCode: ExitCode.invalidInput });
  }
  return read.members.find((member) => member.writer)?.region;
}
