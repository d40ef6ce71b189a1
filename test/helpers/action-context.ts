// An ActionContext for action tests: a fake clock that never sleeps for real, the fake AWS ports, and
// arrays that collect what the action observed and the metrics it recorded.
import type { RegisteredAction, RegisteredCheck } from '../../src/core/define-action';
import type { ActionContext, ActionPlan, MetricReading, PollResult } from '../../src/core/action';
import type { Clock } from '../../src/core/clock';
import type { Resource } from '../../src/core/resources';
import { FakeAws } from './fake-aws';

export class FakeClock implements Clock {
  constructor(public time = Date.UTC(2026, 10, 22, 3, 0, 0)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
  }
}

export interface TestContext extends ActionContext {
  /** Writable, so a test can redeclare a resource. */
  resources: Record<string, Resource>;
  aws: FakeAws;
  clock: FakeClock;
  observed: string[];
  metrics: MetricReading[];
}

export function makeContext(resources: Record<string, Resource>, options: { defaultRegion?: string; dryRun?: boolean } = {}): TestContext {
  const clock = new FakeClock();
  const aws = new FakeAws(() => clock.now());
  const observed: string[] = [];
  const metrics: MetricReading[] = [];
  return {
    aws,
    ports: aws,
    resources: { ...resources },
    clock,
    signal: new AbortController().signal,
    dryRun: options.dryRun ?? false,
    stepId: 'step',
    defaultRegion: options.defaultRegion,
    observe: (message) => observed.push(message),
    requestApproval: async () => ({ approved: true, by: 'test' }),
    recordMetric: (reading) => metrics.push(reading),
    observed,
    metrics,
  };
}

export interface ActionRun {
  plan: ActionPlan;
  applied?: PollResult | void;
  polls: PollResult[];
  outputs?: Record<string, unknown>;
}

/**
 * What the engine does, minus scheduling: plan, apply when ready, then poll until done, letting AWS
 * move one stage (tick) and the clock one poll interval between polls.
 */
export async function runAction(action: RegisteredAction, ctx: TestContext, params: unknown, maxPolls = 20): Promise<ActionRun> {
  const plan = await action.plan(ctx, params);
  const run: ActionRun = { plan, polls: [] };
  if (plan.status === 'done') return run;
  if (plan.status === 'ready' && action.hasApply) {
    run.applied = await action.apply(ctx, params, plan);
    if (run.applied?.done || !action.hasPoll) return { ...run, outputs: run.applied?.outputs };
  }
  for (let i = 0; i < maxPolls; i++) {
    ctx.aws.tick();
    await ctx.clock.sleep(action.pollIntervalMs ?? 5_000);
    const result = await action.poll(ctx, params, plan);
    run.polls.push(result);
    if (result.done) return { ...run, outputs: result.outputs };
  }
  throw new Error(`${action.uses} not done after ${maxPolls} polls`);
}

export function actionNamed(actions: readonly RegisteredAction[], uses: string): RegisteredAction {
  const action = actions.find((candidate) => candidate.uses === uses);
  if (!action) throw new Error(`no action ${uses}`);
  return action;
}

export function checkNamed(checks: readonly RegisteredCheck[], name: string): RegisteredCheck {
  const check = checks.find((candidate) => candidate.check === name);
  if (!check) throw new Error(`no check ${name}`);
  return check;
}
