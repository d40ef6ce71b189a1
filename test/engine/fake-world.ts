// A world of resources that live in a region and move to another over some clock time, plus the fake
// mutating action `fake.move` that plans from this live state exactly like the AWS actions do:
// already there -> done; moving to the same target -> in-progress; moving elsewhere -> refuse.
import { z } from 'zod';
import { defineAction, type RegisteredAction } from '../../src/core/define-action';
import { NO_DEPENDENCIES } from '../../src/core/dependencies';
import type { Clock } from '../../src/core/clock';
import { DrctlError } from '../../src/core/errors';
import { fakeCode } from '../helpers/fake-code';

export interface FakeResource {
  region: string;
  operation?: { to: string; doneAt: number };
}

export interface WorldSnapshot {
  resources: Array<[string, FakeResource]>;
  applies: FakeWorld['applies'];
}

export class FakeWorld {
  readonly resources = new Map<string, FakeResource>();
  readonly applies: Array<{ resource: string; to: string; at: number; stepId: string }> = [];
  /** When each describe (poll) was made, for the polling budget. */
  readonly polls: number[] = [];

  constructor(
    public clock: Clock,
    initial: Record<string, string> = {},
  ) {
    for (const [name, region] of Object.entries(initial)) this.resources.set(name, { region });
  }

  /** The resource as AWS would describe it now (an operation past its end has completed). */
  view(name: string): FakeResource {
    const resource = this.resources.get(name);
    if (!resource) throw new DrctlError(fakeCode('fake.not-found'), `no resource ${name}`, 'none');
    if (resource.operation && this.clock.now() >= resource.operation.doneAt) {
      resource.region = resource.operation.to;
      resource.operation = undefined;
    }
    return resource;
  }

  startMove(name: string, to: string, durationMs: number, stepId: string): void {
    const resource = this.view(name);
    if (resource.operation) throw new DrctlError(fakeCode('fake.invalid-state'), `${name} is already moving to ${resource.operation.to}`, 'none');
    this.applies.push({ resource: name, to, at: this.clock.now(), stepId });
    resource.operation = { to, doneAt: this.clock.now() + durationMs };
  }

  appliesTo(name: string): number {
    return this.applies.filter((apply) => apply.resource === name).length;
  }

  snapshot(): WorldSnapshot {
    return structuredClone({ resources: [...this.resources.entries()], applies: this.applies });
  }

  static restore(snapshot: WorldSnapshot, clock: Clock): FakeWorld {
    const world = new FakeWorld(clock);
    const copy = structuredClone(snapshot);
    for (const [name, resource] of copy.resources) world.resources.set(name, resource);
    world.applies.push(...copy.applies);
    return world;
  }
}

// applyMs: how long the mutating call itself takes; it cannot be cancelled once sent, like an HTTP call.
const MoveParams = z.strictObject({ resource: z.string(), to: z.string(), durationMs: z.number().default(60_000), applyMs: z.number().default(0) });

export function fakeMoveAction(world: FakeWorld): RegisteredAction {
  return defineAction({
    uses: 'fake.move',
    description: 'moves a fake resource to another region',
    params: MoveParams,
    outputs: ['region'],
    mutating: true,
    defaultTimeoutMs: 30 * 60_000,
    pollIntervalMs: 2_000,
    permissions: () => ['fake:Move'],
    dependencies: () => NO_DEPENDENCIES,
    plan: async (_ctx, params) => {
      const resource = world.view(params.resource);
      const base = { calls: [], observations: [`${params.resource} is in ${resource.region}`], unverifiable: [], estimateMs: params.durationMs, state: { from: resource.region } };
      if (resource.operation && resource.operation.to !== params.to) {
        throw new DrctlError(fakeCode('fake.other-target'), `${params.resource} is moving to ${resource.operation.to}, not ${params.to}`, 'none');
      }
      if (resource.operation) return { ...base, status: 'in-progress', summary: `already moving to ${params.to}` };
      if (resource.region === params.to) return { ...base, status: 'done', summary: `already in ${params.to}`, estimateMs: 0 };
      const call = { service: 'rds' as const, region: resource.region, operation: 'FakeMove', params: { resource: params.resource, to: params.to } };
      return { ...base, status: 'ready', summary: `move ${params.resource} ${resource.region} -> ${params.to}`, calls: [call] };
    },
    apply: async (ctx, params) => {
      if (params.applyMs > 0) {
        // The request is on the wire: the world changes when it arrives, whatever the caller does.
        const arrived = world.clock.sleep(params.applyMs).then(() => world.startMove(params.resource, params.to, params.durationMs, ctx.stepId));
        return arrived;
      }
      world.startMove(params.resource, params.to, params.durationMs, ctx.stepId);
    },
    poll: async (_ctx, params) => {
      world.polls.push(world.clock.now());
      const resource = world.view(params.resource);
      const done = resource.region === params.to && !resource.operation;
      return { done, observation: done ? `${params.resource} in ${params.to}` : `${params.resource} moving to ${params.to}`, outputs: done ? { region: params.to } : undefined };
    },
  });
}
