// Actions are written with precise parameter and state types; the action catalogue holds them type-erased.
// defineAction closes over the params schema so the engine passes resolved `with` values and every
// entry point re-validates them: an action never sees unchecked input.
import type { z } from 'zod';
import type { ResourceType } from './resources';
import type { ActionContext, ActionDefinition, ActionPlan, CheckDefinition, CheckResult, EndStateDeclaration, PollResult } from './action';
import type { DeclaredResources, Dependency, StepDependencies } from './dependencies';

export interface RegisteredAction {
  uses: string;
  description: string;
  resourceTypes?: readonly ResourceType[];
  resourceParams?: Readonly<Record<string, readonly ResourceType[]>>;
  params: z.ZodType<unknown>;
  outputs: readonly string[];
  mutating: boolean;
  failover?: 'planned' | 'unplanned';
  defaultTimeoutMs: number;
  pollIntervalMs?: number;
  visibleWithinMs: number;
  hasApply: boolean;
  hasPoll: boolean;
  permissions(params: unknown): string[];
  dependencies(params: unknown, resources: DeclaredResources): StepDependencies;
  plan(ctx: ActionContext, params: unknown): Promise<ActionPlan>;
  apply(ctx: ActionContext, params: unknown, plan: ActionPlan): Promise<PollResult | void>;
  poll(ctx: ActionContext, params: unknown, plan: ActionPlan): Promise<PollResult>;
  endState?: EndStateDeclaration<unknown>;
}

export function defineAction<P, S>(definition: ActionDefinition<P, S>): RegisteredAction {
  const parse = (raw: unknown): P => definition.params.parse(raw);
  return {
    uses: definition.uses,
    description: definition.description,
    resourceTypes: definition.resourceTypes,
    resourceParams: definition.resourceParams,
    params: definition.params,
    outputs: definition.outputs,
    mutating: definition.mutating,
    failover: definition.failover,
    defaultTimeoutMs: definition.defaultTimeoutMs,
    pollIntervalMs: definition.pollIntervalMs,
    visibleWithinMs: definition.visibleWithinMs ?? 0,
    hasApply: Boolean(definition.apply),
    hasPoll: Boolean(definition.poll),
    permissions: (raw) => definition.permissions(parse(raw)),
    dependencies: (raw, resources) => definition.dependencies(parse(raw), resources),
    plan: (ctx, raw) => definition.plan(ctx, parse(raw)),
    apply: async (ctx, raw, plan) => definition.apply?.(ctx, parse(raw), plan as ActionPlan<S>),
    poll: async (ctx, raw, plan) => (definition.poll ? definition.poll(ctx, parse(raw), plan as ActionPlan<S>) : { done: true }),
    ...(definition.endState ? { endState: endStateOf(definition.endState, parse) } : {}),
  };
}

function endStateOf<P>(declaration: EndStateDeclaration<P>, parse: (raw: unknown) => P): EndStateDeclaration<unknown> {
  return { expect: (raw, ctx) => declaration.expect(parse(raw), ctx), read: (ctx, raw) => declaration.read(ctx, parse(raw)) };
}

export interface RegisteredCheck {
  check: string;
  description: string;
  params: z.ZodType<unknown>;
  resourceParams: Record<string, readonly ResourceType[]>;
  permissions(params: unknown): string[];
  dependencies(params: unknown, resources: DeclaredResources): readonly Dependency[];
  run(ctx: ActionContext, params: unknown): Promise<CheckResult>;
}

export function defineCheck<P>(definition: CheckDefinition<P>): RegisteredCheck {
  const parse = (raw: unknown): P => definition.params.parse(raw);
  return {
    check: definition.check,
    description: definition.description,
    params: definition.params,
    resourceParams: definition.resourceParams,
    permissions: (raw) => definition.permissions(parse(raw)),
    dependencies: (raw, resources) => definition.dependencies(parse(raw), resources),
    run: (ctx, raw) => definition.run(ctx, parse(raw)),
  };
}

/** Where the engine looks actions and checks up: the action catalogue, or what a test injects. */
export interface ActionLookup {
  getAction(uses: string): RegisteredAction | undefined;
  getCheck(name: string): RegisteredCheck | undefined;
}


/** Every action and check drctl knows: built by src/actions from its families, handed down by the composition root. */
export interface ActionCatalogue extends ActionLookup {
  readonly actions: readonly RegisteredAction[];
  readonly checks: readonly RegisteredCheck[];
}

/** One folder of src/actions: its actions and preflight checks, exported from its family.ts. */
export interface ActionFamily {
  name: string;
  actions: readonly RegisteredAction[];
  checks: readonly RegisteredCheck[];
}

export function catalogueOf(families: readonly ActionFamily[]): ActionCatalogue {
  const actions = families.flatMap((family) => family.actions);
  const checks = families.flatMap((family) => family.checks);
  const byUses = new Map(actions.map((action) => [action.uses, action]));
  const byName = new Map(checks.map((check) => [check.check, check]));
  return { actions, checks, getAction: (uses) => byUses.get(uses), getCheck: (name) => byName.get(name) };
}
