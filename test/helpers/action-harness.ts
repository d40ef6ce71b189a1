// One action through the engine's real step attempt (src/engine/step-attempt.ts): parameters checked,
// plan on read-only ports, the intent of a mutating call committed, apply, then polls with the engine's
// back-off and step timeout, all on the virtual clock. The fake-AWS suites (test/actions) and the SDK-mock
// suites (test/actions/sdk) share it, so what they test is what the engine does.
import type { ActionPlan, MetricReading, PollResult } from '../../src/core/action';
import { catalogueOf, type RegisteredAction } from '../../src/core/define-action';
import type { RunEvent } from '../../src/core/events';
import type { Resource } from '../../src/core/resources';
import type { AwsPorts } from '../../src/core/services/catalogue';
import type { HttpProbePort } from '../../src/core/http-probe';
import { Approvals, DEFAULT_APPROVAL_TIMEOUT_MS } from '../../src/engine/approvals';
import type { EngineContext } from '../../src/engine/context';
import { RunEmitter } from '../../src/engine/emitter';
import { readOnlyPorts } from '../../src/engine/read-only-ports';
import { emptyRunState } from '../../src/engine/state';
import { runAttempt } from '../../src/engine/step-attempt';
import { StepRun } from '../../src/engine/step-run';
import type { FakeClock } from './fake-clock';

/** What the harness needs of a test's context: its ports and resources, and where it collects what the action said. */
export interface HarnessContext {
  ports: AwsPorts;
  http?: HttpProbePort;
  resources: Readonly<Record<string, Resource>>;
  clock: FakeClock;
  defaultRegion?: string;
  observed: string[];
  metrics: MetricReading[];
  /** Called before every poll (the fake AWS moves one stage). */
  beforePoll?: () => void;
}

export interface ActionRun {
  plan: ActionPlan;
  applied?: PollResult | void;
  polls: PollResult[];
  outputs?: Record<string, unknown>;
  /** Every event the attempt emitted (step.planned, step.intent, step.applied, observations...). */
  events: RunEvent[];
}

interface Recorded {
  plan?: ActionPlan;
  applied?: PollResult | void;
  polls: PollResult[];
}

/** Records what the engine hands back from the action, without changing what it does. */
function recording(action: RegisteredAction, run: Recorded, beforePoll?: () => void): RegisteredAction {
  return {
    ...action,
    plan: async (ctx, params) => (run.plan = await action.plan(ctx, params)),
    apply: async (ctx, params, plan) => (run.applied = await action.apply(ctx, params, plan)),
    poll: async (ctx, params, plan) => {
      beforePoll?.();
      const result = await action.poll(ctx, params, plan);
      run.polls.push(result);
      return result;
    },
  };
}

export async function runAction(action: RegisteredAction, ctx: HarnessContext, params: Record<string, unknown>): Promise<ActionRun> {
  const events: RunEvent[] = [];
  const sink = {
    emit: (event: RunEvent) => {
      events.push(event);
      if (event.type === 'step.observation') ctx.observed.push(event.message);
      if (event.type === 'metric.read') ctx.metrics.push(event.reading);
    },
  };
  const emitter = new RunEmitter(sink, ctx.clock, emptyRunState());
  const stepId = 'step';
  emitter.emit({
    type: 'run.started', runId: 'action-test', runbook: 'action-test', file: 'action-test.yaml', mode: 'run', inputs: {}, objectives: {},
    steps: [{ id: stepId, uses: action.uses, needs: [], mutating: action.mutating, phase: 'main' }], session: 'start',
  });
  emitter.emit({ type: 'step.started', stepId, attempt: 1 });
  const recorded: Recorded = { polls: [] };
  const spied = recording(action, recorded, ctx.beforePoll);
  const never = new AbortController().signal;
  const engine: EngineContext = {
    emitter,
    clock: ctx.clock,
    ports: ctx.ports,
    readPorts: readOnlyPorts(ctx.ports),
    http: ctx.http,
    resources: ctx.resources,
    defaultRegion: ctx.defaultRegion,
    actions: catalogueOf([{ name: 'under-test', actions: [spied], checks: [] }]),
    approvals: new Approvals(emitter, { approve: async () => ({ approved: true, by: 'test' }), confirmStep: async () => 'run' }, ctx.clock, DEFAULT_APPROVAL_TIMEOUT_MS),
    random: () => 0.5,
    stop: never,
    hard: never,
    gates: { stepMode: false },
    requestStop: () => undefined,
  };
  const run = new StepRun(engine, { id: stepId, uses: action.uses, with: params }, spied, 'main', action.defaultTimeoutMs);
  try {
    const { outputs } = await runAttempt(run);
    return { ...recorded, plan: recorded.plan!, outputs, events };
  } finally {
    run.end();
  }
}
