// The actions' readers (readGlobal, readMemberLag, readHealth) take an ActionContext. Status and health
// only read, so they get one with the ports, the clock and the default region, whose observations become
// notes, and which refuses anything an action would do beyond reading.
import type { ActionContext } from '../core/action';
import type { AwsPorts } from '../core/services/catalogue';
import type { Clock } from '../core/clock';
import type { Resource } from '../core/resources';

export interface ReadDeps {
  ports: AwsPorts;
  clock: Clock;
  /** --region, AWS_REGION: asked last about a global resource, after its `regions` hint. */
  defaultRegion?: string;
  signal?: AbortSignal;
}

export function readContext(deps: ReadDeps, resources: Record<string, Resource>, notes: string[]): ActionContext {
  return {
    ports: deps.ports,
    resources,
    clock: deps.clock,
    signal: deps.signal ?? new AbortController().signal,
    dryRun: true,
    stepId: 'status',
    defaultRegion: deps.defaultRegion,
    observe: (message) => notes.push(message),
    requestApproval: () => Promise.reject(new Error('bug: status and health never ask for approval')),
    recordMetric: () => undefined,
  };
}
