// The facts of one run, computed from its journal alone (facts.ts) and shown by every renderer. Times
// are epoch milliseconds in run time (simulated time under --sim); offsets count from the RTO clock's
// start. This shape is also the JSON format (`drctl report -o json`), so it only grows.
import type { ApiCallRecord } from '../core/api-calls';
import type { ProblemRecord } from '../core/errors';
import type { ApprovalGate, RunMode, RunOutcome, StepDecision, StepState } from '../core/events';

export const REPORT_SCHEMA = 'drctl.report/v1';

/**
 * met/missed: measured against an objective; unknown: could not be measured; none: no objective set;
 * not-started (RTO only): the run changed nothing, so it started no recovery to judge.
 */
export type Verdict = 'met' | 'missed' | 'unknown' | 'none' | 'not-started';

export interface ReportFacts {
  schema: typeof REPORT_SCHEMA;
  run: RunFacts;
  rto: RtoFacts;
  rpo: RpoFacts;
  /** True when every objective the runbook sets was met (an unmeasured one is not met). */
  objectivesMet: boolean;
  /** One line per objective not met, for summaries and exit messages. */
  shortfalls: string[];
  resources: ResourceFacts[];
  steps: StepFacts[];
  preflight: PreflightFacts[];
  approvals: ApprovalFacts[];
  apiCalls: ApiCallFacts;
  /** Added by `drctl drill` after the run (not in the journal): the end state read back from AWS. */
  verification?: VerificationFact[];
}

export interface RunFacts {
  runId: string;
  runbook: string;
  file: string;
  mode: RunMode;
  inputs: Record<string, unknown>;
  /**
   * Run against the simulator: every time in these facts is simulated (a rehearsal, not a production
   * failover). realStartedAt is when it really ran.
   */
  simulated?: boolean;
  realStartedAt?: number;
  /** undefined: the journal ends before run.finished (still running, or cut off by a crash). */
  outcome?: RunOutcome;
  startedAt?: number;
  finishedAt?: number;
  /** Sessions of the run: the start, then each resume or rollback. */
  sessions: Array<{ at: number; realAt?: number; session: 'start' | 'resume' | 'rollback' }>;
  interruptions: Array<{ at: number; signal: string; forced: boolean }>;
  rollback?: { state: 'running' | 'succeeded' | 'failed' | 'unknown'; reason: string };
  error?: ProblemRecord;
  /** The journal's last line was cut short by a crash and dropped. */
  tornTail?: boolean;
  /** Why this record of the run is incomplete (a torn journal, a missing runbook.json): no verdict is confident. */
  incomplete?: string[];
  /** Steps whose outcome is unknown: a change was made (or may have been) and could not be read to its end. */
  unknownSteps?: string[];
}

export interface RtoFacts {
  /** measured: a value; not-measured: the run changed things but did not restore service; not-started: it changed nothing. */
  status: 'measured' | 'not-measured' | 'not-started';
  /** Where the clock starts: --incident-start when given, else the run's first start. */
  clockStart?: number;
  clockStartSource: 'incident-start' | 'run-start';
  /**
   * Where the clock stops: the step the runbook names (objectives.rtoEndsAt, `declared`), else the last
   * restoring signal (the step whose success restored the last piece of service).
   */
  end?: { at: number; stepId: string; signal: string; declared?: boolean };
  valueMs?: number;
  objectiveMs?: number;
  verdict: Verdict;
  /** Why there is no value, said plainly. */
  reason?: string;
}

export interface RpoFacts {
  /** The largest per-resource RPO; with some resources unknown, a lower bound only (see `status`). */
  valueMs?: number;
  /** measured: every cutover had a reading; unknown: at least one did not; no-cutover: nothing could be lost. */
  status: 'measured' | 'unknown' | 'no-cutover';
  /** The resource that sets the RPO. */
  worst?: string;
  /** Resources whose lag could not be read. */
  unknownFor: string[];
  objectiveMs?: number;
  verdict: Verdict;
}

export interface ResourceRpo {
  /**
   * switchover: 0 by construction (AWS synchronises before it flips the writer; the lag is information);
   * lag: a failover or detach could lose the lag read just before the cutover (an upper bound);
   * stale: that lag's datapoint was too old to be a measurement; missing: no data; none: not read.
   */
  source: 'lag' | 'switchover' | 'stale' | 'missing' | 'none';
  /** What could have been lost; undefined when unknown. */
  valueMs?: number;
  /** The replication lag read before the cutover (for a switchover or a stale datapoint: information only). */
  lagMs?: number;
  metricName?: string;
  /** The exact dimension set of the datapoint. */
  dimensions?: Record<string, string>;
  region?: string;
  /** When the lag was read, and the datapoint's own time and age then. */
  at?: number;
  pointAt?: number;
  ageMs?: number;
  staleAfterMs?: number;
}

export interface ResourceFacts {
  resource: string;
  stepId: string;
  uses: string;
  /** data-store: a writer moves; traffic: Route 53 health checks and records. */
  kind: 'data-store' | 'traffic';
  operation?: string;
  from?: string;
  to?: string;
  state: StepState;
  /** Already in the target before this run touched it: no call made. */
  alreadyDone: boolean;
  /** drctl joined an operation already under way (started by an earlier session or by someone else). */
  joined: boolean;
  /** The run made (or joined) the change: it counts for the RPO. */
  cutover: boolean;
  startedAt?: number;
  /** AWS accepted the mutating call (for a call whose answer was lost to a crash: when it was sent). */
  acceptedAt?: number;
  acceptedIsSendTime?: boolean;
  /** The new writer (or primary) confirmed available in the target; for traffic, the step's success. */
  availableAt?: number;
  /** in-sync: every member replicating again; resyncing: AWS is rebuilding the old primary (not waited for). */
  sync: 'in-sync' | 'resyncing' | 'unknown' | 'not-applicable';
  /** Call accepted -> available and in sync (or resyncing, after a failover). */
  rtoMs?: number;
  rpo: ResourceRpo;
  /** The last thing AWS showed for it. */
  lastObservation?: string;
}

export interface StepFacts {
  id: string;
  uses: string;
  phase: 'main' | 'rollback';
  resource?: string;
  state: StepState;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  durationMs?: number;
  /** Offsets from the RTO clock's start, for the timeline. */
  startOffsetMs?: number;
  endOffsetMs?: number;
  note?: string;
  error?: ProblemRecord;
}

export interface PreflightFacts {
  name: string;
  state: 'running' | 'passed' | 'failed';
  message?: string;
}

export interface ApprovalFacts {
  stepId: string;
  gate: ApprovalGate;
  message: string;
  askedAt: number;
  answeredAt?: number;
  approved?: boolean;
  by?: string;
  reason?: string;
  decision?: StepDecision;
}

export interface ApiCallGroup {
  service: ApiCallRecord['service'];
  region: string;
  operation: string;
  mutating: boolean;
  count: number;
  failed: number;
  totalMs: number;
}

export interface ApiCallFacts {
  total: number;
  mutating: number;
  failed: number;
  /** Calls grouped by service, region and operation, mutating first. */
  groups: ApiCallGroup[];
  /** Every mutating call in order: what changed AWS, when its answer came (run clock), and AWS's request id. */
  mutatingCalls: Array<Pick<ApiCallRecord, 'service' | 'region' | 'operation' | 'ok' | 'errorCode' | 'requestId' | 'durationMs'> & { at: number }>;
}

export interface VerificationFact {
  /** The runbook resource it is about. */
  subject: string;
  ok: boolean;
  message: string;
  /** The value the run should have left (or, after a failback, the value before the failover), and the one read. */
  expected?: string;
  observed?: string;
}
