// An ActionContext for action tests: the virtual clock (nothing sleeps for real), the fake AWS ports, and
// arrays that collect what the action observed and the metrics it recorded.
import type { RegisteredAction, RegisteredCheck } from '../../src/core/define-action';
import type { ActionContext, MetricReading } from '../../src/core/action';
import { runAction as runAttemptOf, type ActionRun } from './action-harness';
import { FakeClock } from './fake-clock';

export type { ActionRun } from './action-harness';
import type { Clock } from '../../src/core/clock';
import type { Resource } from '../../src/core/resources';
import { FakeAws } from './fake-aws';

/** A clock whose sleeps return at once, for code that only needs time to move (status reads). */
export class InstantClock implements Clock {
  constructor(public time = ACTION_TEST_EPOCH) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
  }
}

export const ACTION_TEST_EPOCH = Date.UTC(2026, 10, 22, 3, 0, 0);

export interface TestContext extends ActionContext {
  /** Writable, so a test can redeclare a resource. */
  resources: Record<string, Resource>;
  aws: FakeAws;
  clock: FakeClock;
  observed: string[];
  metrics: MetricReading[];
}

export function makeContext(resources: Record<string, Resource>, options: { defaultRegion?: string; dryRun?: boolean } = {}): TestContext {
  const clock = new FakeClock(ACTION_TEST_EPOCH);
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

/** The action through the engine's real step attempt; the fake AWS moves one stage before every poll. */
export function runAction(action: RegisteredAction, ctx: TestContext, params: Record<string, unknown>): Promise<ActionRun> {
  return runAttemptOf(action, { ...ctx, beforePoll: () => ctx.aws.tick() }, params);
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
