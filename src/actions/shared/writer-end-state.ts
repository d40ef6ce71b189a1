// How the data-store actions' end state is read back: where the writer (the primary) of a global resource
// is, or that a member has left it. One global resource is one subject whichever runbook names it.
import type { EndStateDeclaration, ExpectedEndState } from '../../core/action';
import { isAwsError } from '../../aws/aws-error';
import { GLOBAL_TYPES, readGlobal } from './global-read';
import { resourceNamed } from './resolve';

interface Params {
  resource: string;
  to: string;
}

function subject(ctx: Parameters<EndStateDeclaration<Params>['expect']>[1], name: string): { key: string; what: 'writer' | 'primary' } {
  const resource = resourceNamed(ctx, name, GLOBAL_TYPES);
  return resource.type === 'elasticache-global'
    ? { key: `datastore:${resource.globalReplicationGroupId}`, what: 'primary' }
    : { key: `global-cluster:${resource.globalClusterId}`, what: 'writer' };
}

/** The writer (primary) is in `to`: switchover, failover, ElastiCache failover. */
export const writerEndState: EndStateDeclaration<Params> = {
  expect(params, ctx): ExpectedEndState[] {
    const { key, what } = subject(ctx, params.resource);
    return [{ key, resource: params.resource, label: params.resource, changes: true, value: `${what} in ${params.to}` }];
  },
  async read(ctx, params) {
    const { key, what } = subject(ctx, params.resource);
    const read = await readGlobal(ctx, params.resource, params.to);
    const writer = read.members.find((member) => member.writer);
    return [{ key, value: writer ? `${what} in ${writer.region}` : `no ${what}` }];
  },
};

/** The member in `to` has left: detach, disassociate. */
export const detachedEndState: EndStateDeclaration<Params> = {
  expect(params, ctx) {
    const { key } = subject(ctx, params.resource);
    return [{ key: `${key}/member:${params.to}`, resource: params.resource, label: `${params.resource} (its member in ${params.to})`, changes: true, value: 'detached (standalone)' }];
  },
  async read(ctx, params) {
    const { key } = subject(ctx, params.resource);
    let member = false;
    try {
      member = (await readGlobal(ctx, params.resource, params.to)).members.some((candidate) => candidate.region === params.to);
    } catch (error) {
      // Detaching the last member may leave no global resource to describe: the member is gone either way.
      if (!isAwsError(error, 'not-found')) throw error;
    }
    return [{ key: `${key}/member:${params.to}`, value: member ? 'still a member' : 'detached (standalone)' }];
  },
};
