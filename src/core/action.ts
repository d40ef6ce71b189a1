// The contract between the engine and every action. An action is one file-per-family definition with a
// params schema, a read-only plan, an apply that makes the mutating call(s), a poll that decides when
// the change is complete, and the IAM permissions it needs. Actions talk to AWS only through ports.
import type { z } from 'zod';
import type { Clock } from './clock';
import type { AwsPorts, Service } from './services/catalogue';
import type { Resource, ResourceType } from './resources';
import type { ApprovalAnswer, ApprovalRequest } from './operator';
import type { DeclaredResources, Dependency, StepDependencies } from './dependencies';
import type { HttpProbePort } from './http-probe';

export interface PlannedCall {
  service: Service;
  region: string;
  operation: string;
  params: Record<string, unknown>;
}

export interface ActionContext {
  ports: AwsPorts;
  /** The application's endpoints over HTTP(S), for probes; absent where no network is wired (tests of AWS-only actions). */
  http?: HttpProbePort;
  /** The runbook's resources by name. */
  resources: Readonly<Record<string, Resource>>;
  clock: Clock;
  signal: AbortSignal;
  dryRun: boolean;
  stepId: string;
  /**
   * The region from --region / AWS_REGION / the profile. Actions ask it for a global resource only after
   * the step's target region and the resource's `regions` hint, so a runbook without hints still works.
   */
  defaultRegion?: string;
  /** Reports something seen in AWS; shown live and journaled. */
  observe(message: string, data?: Record<string, unknown>): void;
  /** Asks the operator (only the approval action uses it). */
  requestApproval(request: ApprovalRequest): Promise<ApprovalAnswer>;
  /** Records a metric read that the report uses, e.g. replication lag before cutover (RPO). */
  recordMetric(metric: MetricReading): void;
  /**
   * The step's last durable intent in this run (from any session), when it has one: the calls it was
   * about to make. A resource mid-operation toward that target is this run's own operation (join it),
   * even where AWS does not say where an operation is going (ElastiCache).
   */
  priorIntent?: { at: number; calls: PlannedCall[] };
}

export interface MetricReading {
  resource: string;
  /** replication-lag: read just before a cutover (what it could lose). */
  kind: 'replication-lag' | 'health';
  metricName: string;
  region: string;
  /** The exact dimension set the datapoint was published under. */
  dimensions?: Record<string, string>;
  /** In milliseconds for lag, whatever the service's unit on the wire. */
  valueMs?: number;
  /** The metric had no data points (said plainly in the report). */
  missing?: boolean;
  /** The datapoint's own timestamp, and its age when read. */
  pointAt?: number;
  ageMs?: number;
  /** The datapoint was older than staleAfterMs: shown, never counted as a measurement. */
  stale?: boolean;
  staleAfterMs?: number;
  /** When it was read. */
  at: number;
}

export type PlanStatus = 'ready' | 'done' | 'in-progress';

export interface ActionPlan<State = unknown> {
  /** ready: apply would act; done: already in the desired state; in-progress: the same change is under way. */
  status: PlanStatus;
  /** One line for people, e.g. "switch over shop-orders us-east-1 -> us-west-2". */
  summary: string;
  /** The exact mutating calls apply would make (none when done or in progress). */
  calls: PlannedCall[];
  /** What was read while planning, for the dry-run output. */
  observations: string[];
  /** What cannot be verified without acting (e.g. that the target can really take writes). */
  unverifiable: string[];
  /** Expected duration when run, for the critical-path estimate. */
  estimateMs: number;
  /** The resource this step changes and the from/to regions, for reports. */
  target?: { resource: string; from?: string; to?: string; operation?: string };
  /** Whatever apply and poll need (resolved ARNs, regions); must be JSON for the journal. */
  state: State;
}

export interface PollResult {
  done: boolean;
  /** e.g. "shop-orders: switching-over us-east-1 -> us-west-2". */
  observation?: string;
  outputs?: Record<string, unknown>;
}

/**
 * One thing a step leaves behind that can be read back: a global cluster's writer, a health check's
 * Inverted flag, a record's values, an alarm's state. The key is the same whichever runbook names it, so a
 * failback's subjects meet the failover's.
 */
export interface EndStateSubject {
  /** "global-cluster:shop-orders", "record:Z0SHOP/api.shop.example.com./A/api-use1". */
  key: string;
  /** The runbook resource it belongs to. */
  resource: string;
  /** For people: "api-dns: api.shop.example.com. A [api-use1]". */
  label: string;
  /** The step changes it (a failback must bring it back); false when it only watches it (health, alarms). */
  changes: boolean;
}

export interface ExpectedEndState extends EndStateSubject {
  /** The value the step leaves it with, in the words `read` uses: "writer in us-west-2", "Inverted=true". */
  value: string;
}

export interface ObservedEndState {
  key: string;
  value: string;
}

/** How a step's end state is read back (drctl drill, after each run and after the failback). */
export interface EndStateDeclaration<Params> {
  /** What the step leaves, from its parameters alone (a drill also plans a failback's this way). */
  expect(params: Params, ctx: Pick<ActionContext, 'resources'>): ExpectedEndState[];
  /** The same subjects' values now, read with read-only ports. */
  read(ctx: ActionContext, params: Params): Promise<ObservedEndState[]>;
}

export interface ActionDefinition<Params = Record<string, unknown>, State = unknown> {
  uses: string;
  description: string;
  /** When set, `with.resource` must name a resource of one of these types. */
  resourceTypes?: readonly ResourceType[];
  /** Other parameters holding resource names (or lists of them), with the types they accept. */
  resourceParams?: Readonly<Record<string, readonly ResourceType[]>>;
  /** Validates `with` after expressions are resolved. Expressions are allowed wherever a value is. */
  params: z.ZodType<Params>;
  /** Output names other steps may read as steps.<id>.outputs.<name>. */
  outputs: readonly string[];
  mutating: boolean;
  /**
   * planned: a move that needs the old primary (a switchover); unplanned: a move made without it (a
   * failover with data loss, a detach). A run with an unplanned step is in unplanned mode: it refuses
   * steps that need the region being left.
   */
  failover?: 'planned' | 'unplanned';
  defaultTimeoutMs: number;
  /** How often to poll at first; the engine backs off from there. */
  pollIntervalMs?: number;
  /**
   * How long AWS may take to show a change it accepted. When a mutating call's outcome is unknown (the
   * answer was lost), a plan that finds nothing under way proves the call did not take only once this
   * much time has passed since it was sent. Default 0 (the answer to the call shows the change).
   */
  visibleWithinMs?: number;
  permissions(params: Params): string[];
  /** What the step needs (service, region, plane) and which regions it leaves; from params and resources, no AWS call. */
  dependencies(params: Params, resources: DeclaredResources): StepDependencies;
  plan(ctx: ActionContext, params: Params): Promise<ActionPlan<State>>;
  /** Makes the mutating call(s) described by the plan; absent for read-only actions. */
  apply?(ctx: ActionContext, params: Params, plan: ActionPlan<State>): Promise<PollResult | void>;
  /** Called until done; absent when apply completes the work. */
  poll?(ctx: ActionContext, params: Params, plan: ActionPlan<State>): Promise<PollResult>;
  /** How its end state is read back; absent for actions that leave nothing to read (approval, wait). */
  endState?: EndStateDeclaration<NoInfer<Params>>;
}

export interface CheckResult {
  ok: boolean;
  message: string;
  /** When it failed: what to do about it. */
  hint?: string;
  observations?: string[];
}

/** A read-only preflight check, run by plan and before any change. */
export interface CheckDefinition<Params = Record<string, unknown>> {
  check: string;
  description: string;
  params: z.ZodType<Params>;
  /** Parameter names holding resource names, with the types they accept. */
  resourceParams: Record<string, readonly ResourceType[]>;
  permissions(params: Params): string[];
  /** What the check reads (service, region, plane); from params and resources, no AWS call. */
  dependencies(params: Params, resources: DeclaredResources): readonly Dependency[];
  run(ctx: ActionContext, params: Params): Promise<CheckResult>;
}
