// What a drill reads back, when: the subjects the failover will change, before it runs (the baseline); each
// run's subjects after it, against what its steps expect; the failover's changes again after the failback,
// against the baseline; and, before a failback that reuses the runbook with from/to swapped, that plan's
// end states against the baseline, so a runbook with regions or records written into it is refused
// before it runs rather than found wrong after.
import type { ActionContext, ExpectedEndState } from '../src/core/action';
import type { ActionLookup } from '../src/core/define-action';
import type { RunEvent } from '../src/core/events';
import { DrctlError, ExitCode } from '../src/core/errors';
import { scopeOf } from '../src/engine/scope';
import { replay } from '../src/engine/state';
import { expectations, planEndStates, readEndStates, type EndStatePlan, type Readings } from '../src/report/end-state';
import type { VerificationFact } from '../src/report/facts-types';
import { failbackShortfalls, verifyExpected, verifyReturned } from '../src/report/verify';
import type { RunbookToRun } from './drill-failback';

const changes = (expected: ExpectedEndState) => expected.changes;

export interface RunEndStates {
  plan: EndStatePlan;
  /** The subjects the run changed, as it left them. */
  changed: ExpectedEndState[];
  verification: VerificationFact[];
}

export class DrillEndStates {
  constructor(
    private readonly actions: ActionLookup,
    private readonly ctx: ActionContext,
  ) {}

  private staticPlan(runbook: RunbookToRun): EndStatePlan {
    const resources = runbook.document.spec.resources ?? {};
    return planEndStates(runbook.document, { inputs: runbook.inputs, resources, steps: {} }, this.actions);
  }

  /** Before the failover: the subjects it will change, as they are now. */
  baseline(failover: RunbookToRun): Promise<Readings> {
    return readEndStates(this.staticPlan(failover), this.ctx, this.actions, changes);
  }

  /** After a run: every subject its succeeded steps declare, read back against what they expect. */
  async afterRun(runbook: RunbookToRun, events: readonly RunEvent[]): Promise<RunEndStates> {
    const state = replay(events);
    const scope = scopeOf(state, runbook.document.spec.resources ?? {});
    const plan = planEndStates(runbook.document, scope, this.actions, (stepId) => state.steps[stepId]?.state === 'succeeded');
    const expected = expectations(plan);
    const verification = verifyExpected(expected, await readEndStates(plan, this.ctx, this.actions));
    return { plan, changed: expectations(plan, changes), verification };
  }

  /** After the failback: what the failover changed and the failback did not itself set back, against the baseline. */
  async returned(failover: RunEndStates, failback: RunEndStates, before: Readings): Promise<VerificationFact[]> {
    const checkedByFailback = new Map(expectations(failback.plan).map((expected) => [expected.key, expected.value]));
    const left = failover.changed.filter((subject) => checkedByFailback.get(subject.key) !== before.get(subject.key)?.value);
    const keys = new Set(left.map((subject) => subject.key));
    const now = await readEndStates(failover.plan, this.ctx, this.actions, (expected) => keys.has(expected.key));
    return verifyReturned(left, before, now);
  }

  /** Before a failback that reuses the runbook with from/to swapped: an error naming what it would leave changed. */
  refuseIncompleteFailback(back: RunbookToRun, failover: RunEndStates, before: Readings): DrctlError | undefined {
    const planned = this.staticPlan(back);
    const shortfalls = failbackShortfalls(failover.changed, before, expectations(planned));
    if (shortfalls.length === 0) return undefined;
    return new DrctlError(
      'drill.failback-incomplete',
      `${back.document.metadata.name} run back with from/to swapped would not return everything the failover changed: ${shortfalls.join('; ')}`,
      'Give the drill a failback runbook that restores them (--failback <file>, or metadata.labels.failback), or derive these values from the inputs so that swapping from and to reverses them.',
      { exitCode: ExitCode.runFailed },
    );
  }
}
