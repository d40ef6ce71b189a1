// What the engine is given and what it gives back. Everything with a side effect comes in through
// EngineDeps (clock, AWS ports, event sink, operator, signals), which is what keeps src/engine pure.
import type { ActionLookup } from '../core/define-action';
import type { OperatorPort } from '../core/operator';
import type { ApiCallSource } from '../core/api-calls';
import type { AwsPorts } from '../core/services/catalogue';
import type { HttpProbePort } from '../core/http-probe';
import type { ExitCode, Problem } from '../core/errors';
import type { RunbookDocument } from '../runbook/schema';
import type { Clock } from '../core/clock';
import type { EventSink, RunEvent, RunOutcome } from '../core/events';
import type { RunState } from './state';

export interface EngineDeps {
  clock: Clock;
  ports: AwsPorts;
  /** HTTP probes of the application's endpoints (the composition root wires node's http, holding a virtual clock). */
  http?: HttpProbePort;
  sink: EventSink;
  operator: OperatorPort;
  /** The actions and checks, from the composition root (tests inject their own). */
  actions: ActionLookup;
  apiCalls?: ApiCallSource;
  /** First Ctrl-C: no new calls; calls in flight finish; the run ends as aborted. */
  stopSignal?: AbortSignal;
  /** Second Ctrl-C: stop waiting for anything. */
  forceSignal?: AbortSignal;
  /** In [0, 1); injected so retry jitter is reproducible in tests. */
  random?: () => number;
  /** The region from --region / AWS_REGION / the profile; actions ask it last about global resources. */
  defaultRegion?: string;
}

export interface RunOptions {
  runId: string;
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
  /** Steps that may run at the same time (default 50). */
  maxParallel?: number;
  /** Ask before every step (Ansible's --step). */
  stepMode?: boolean;
  noRollback?: boolean;
  /** The whole run must finish within this; running steps are stopped and the run fails. */
  deadlineMs?: number;
  /** How long an approval or the start confirmation waits for an answer (default 30 minutes). */
  approvalTimeoutMs?: number;
  /** Ask the operator to confirm a mutating run before the first change (the command skips it with --yes). */
  confirmRun?: boolean;
  incidentStart?: number;
  /** The AWS is the simulator: recorded on run.started, so every report of the run says it is simulated. */
  simulated?: boolean;
}

export interface ResumeOptions extends RunOptions {
  /** The journal so far. */
  prior: readonly RunEvent[];
  /** resume: finish the run; rollback: run the runbook's rollback steps (`drctl rollback`). */
  session: 'resume' | 'rollback';
}

export interface RunResult {
  runId: string;
  outcome: RunOutcome;
  exitCode: ExitCode;
  error?: Problem;
  state: RunState;
  /** Clock time of this session. */
  durationMs: number;
  /** Set when there was nothing to do (resume of a finished run). */
  nothingToDo?: string;
}
