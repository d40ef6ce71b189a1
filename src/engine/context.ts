// What every step of a phase shares: where events go, how to reach AWS and the operator, and the
// run-wide signals. Built once per phase by run.ts; the rollback phase gets a fresh hard signal.
import type { AwsPorts } from '../core/services/catalogue';
import type { HttpProbePort } from '../core/http-probe';
import type { Resource } from '../core/resources';
import type { Approvals } from './approvals';
import type { Clock } from '../core/clock';
import type { RunEmitter } from './emitter';
import type { ActionLookup } from '../core/define-action';

export interface EngineContext {
  emitter: RunEmitter;
  clock: Clock;
  /** The ports apply gets; plan, poll and checks get `readPorts`. */
  ports: AwsPorts;
  readPorts: AwsPorts;
  /** HTTP probes of the application's endpoints (read-only by nature). */
  http?: HttpProbePort;
  resources: Readonly<Record<string, Resource>>;
  defaultRegion?: string;
  actions: ActionLookup;
  approvals: Approvals;
  random: () => number;
  /** Soft stop (first Ctrl-C, --step quit): no new calls, the call in flight finishes. */
  stop: AbortSignal;
  /** Hard stop for the phase (run deadline, second Ctrl-C): stop waiting at once. */
  hard: AbortSignal;
  /** What the operator types to approve in a mutating runbook (the target region). */
  confirmText?: string;
  /** Shared so that a "continue" answer in --step mode stops the questions for the rest of the run. */
  gates: { stepMode: boolean };
  requestStop(): void;
}
