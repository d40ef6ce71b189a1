// Test doubles for the engine: an in-memory sink, scripted operators, runbook builders and a tiny world
// of "regions" that fake actions move resources between, counting every mutating call they make.
import { z } from 'zod';
import { defineAction, type RegisteredAction, type RegisteredCheck, type ActionLookup } from '../../src/core/define-action';
import { NO_DEPENDENCIES } from '../../src/core/dependencies';
import { flowFamily } from '../../src/actions/flow/family';
import type { ApprovalAnswer, ApprovalRequest, OperatorPort, StepQuestion } from '../../src/core/operator';
import { type AwsPorts, SERVICE_IDS } from '../../src/core/services/catalogue';
import type { EventSink, RunEvent, StepDecision } from '../../src/core/events';
import { resumeRun, runRunbook } from '../../src/engine/run';
import type { EngineDeps, ResumeOptions, RunOptions, RunResult } from '../../src/engine/run-contract';
import { DrctlError } from '../../src/core/errors';
import { fakeCode } from '../helpers/fake-code';
import type { RunbookDocument, Step } from '../../src/runbook/schema';
import { FakeClock } from '../helpers/fake-clock';
import { FakeWorld, fakeMoveAction } from './fake-world';

export { FakeWorld };

export class MemorySink implements EventSink {
  readonly events: RunEvent[] = [];
  commits = 0;
  emit(event: RunEvent): void {
    this.events.push(event);
  }
  async commit(event: RunEvent): Promise<void> {
    this.commits += 1;
    this.events.push(event);
  }
  types(): string[] {
    return this.events.map((event) => event.type);
  }
  of<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<RunEvent, { type: T }> => event.type === type);
  }
}

export interface ScriptedOperator extends OperatorPort {
  asked: ApprovalRequest[];
  stepQuestions: StepQuestion[];
}

/** An operator answering approvals with `approve` (default: yes) and --step questions with `decide`. */
export function operator(
  approve: (request: ApprovalRequest) => ApprovalAnswer | 'never' = () => ({ approved: true, by: 'tester' }),
  decide: (question: StepQuestion) => StepDecision = () => 'run',
): ScriptedOperator {
  const asked: ApprovalRequest[] = [];
  const stepQuestions: StepQuestion[] = [];
  return {
    asked,
    stepQuestions,
    approve: async (request) => {
      asked.push(request);
      const answer = approve(request);
      return answer === 'never' ? new Promise<ApprovalAnswer>(() => undefined) : answer;
    },
    confirmStep: async (question) => {
      stepQuestions.push(question);
      return decide(question);
    },
  };
}

/** Ports that fail loudly: engine tests use fake actions, which never touch AWS. */
export function unusedPorts(): AwsPorts {
  const port = new Proxy({}, { get: (_target, name) => () => Promise.reject(new Error(`unexpected AWS call ${String(name)}`)) });
  return Object.fromEntries(SERVICE_IDS.map((service) => [service, port])) as unknown as AwsPorts;
}

const SleepParams = z.strictObject({
  ms: z.number(),
  /** Fail the first `times` attempts with a retryable or a fatal error. */
  fail: z.enum(['retryable', 'fatal']).optional(),
  times: z.number().optional(),
  output: z.string().optional(),
});

/** A read-only action that takes `ms` of clock time; can fail on purpose. */
export function sleepAction(attempts: Map<string, number> = new Map()): RegisteredAction {
  return defineAction({
    uses: 'fake.sleep',
    description: 'sleeps',
    params: SleepParams,
    outputs: ['value'],
    mutating: false,
    defaultTimeoutMs: 10 * 60_000,
    permissions: () => [],
    dependencies: () => NO_DEPENDENCIES,
    plan: async (_ctx, params) => ({ status: 'ready', summary: `sleep ${params.ms}ms`, calls: [], observations: [], unverifiable: [], estimateMs: params.ms, state: {} }),
    apply: async (ctx, params) => {
      const attempt = (attempts.get(ctx.stepId) ?? 0) + 1;
      attempts.set(ctx.stepId, attempt);
      await ctx.clock.sleep(params.ms, ctx.signal);
      if (params.fail && attempt <= (params.times ?? Infinity)) {
        throw new DrctlError(fakeCode(`fake.${params.fail}`), `attempt ${attempt} failed`, 'none', { retryable: params.fail === 'retryable' });
      }
      return { done: true, outputs: { value: params.output ?? ctx.stepId } };
    },
  });
}

export function lookup(world: FakeWorld, extra: RegisteredAction[] = [], checks: RegisteredCheck[] = [], attempts = new Map<string, number>()): ActionLookup {
  const actions = new Map([...flowFamily.actions, sleepAction(attempts), fakeMoveAction(world), ...extra].map((action) => [action.uses, action]));
  const byName = new Map(checks.map((check) => [check.check, check]));
  return { getAction: (uses) => actions.get(uses), getCheck: (name) => byName.get(name) };
}

export function runbook(steps: Step[], spec: Partial<RunbookDocument['spec']> = {}): RunbookDocument {
  return { apiVersion: 'drctl/v1', kind: 'Runbook', metadata: { name: 'test-runbook' }, spec: { steps, ...spec } };
}

export interface Harness {
  clock: FakeClock;
  sink: MemorySink;
  world: FakeWorld;
  operator: ScriptedOperator;
  deps: EngineDeps;
  options: RunOptions;
}

export interface HarnessOverrides {
  options?: Partial<RunOptions>;
  deps?: Partial<EngineDeps>;
  world?: FakeWorld;
  operator?: ScriptedOperator;
  extra?: RegisteredAction[];
  checks?: RegisteredCheck[];
  /** Pass the clock of an earlier harness to resume in the same timeline. */
  clock?: FakeClock;
}

export function harness(document: RunbookDocument, overrides: HarnessOverrides = {}): Harness {
  const clock = overrides.clock ?? new FakeClock();
  const sink = new MemorySink();
  const world = overrides.world ?? new FakeWorld(clock);
  world.clock = clock;
  const scripted = overrides.operator ?? operator();
  const deps: EngineDeps = { clock, ports: unusedPorts(), sink, operator: scripted, actions: lookup(world, overrides.extra, overrides.checks), random: () => 0.5, ...overrides.deps };
  const options: RunOptions = { runId: 'run-1', file: 'test.yaml', document, inputs: {}, ...overrides.options };
  return { clock, sink, world, operator: scripted, deps, options };
}

export async function start(h: Harness): Promise<RunResult> {
  return runRunbook(h.options, h.deps);
}

export async function resume(h: Harness, prior: readonly RunEvent[], session: ResumeOptions['session'] = 'resume'): Promise<RunResult> {
  return resumeRun({ ...h.options, prior, session }, h.deps);
}

export function step(id: string, uses: string, withValue: Record<string, unknown> = {}, extra: Partial<Step> = {}): Step {
  return { id, uses, with: withValue, ...extra };
}
