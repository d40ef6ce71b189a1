// What the live view shows, outside React: the run state folded with the engine's own reducer, plus
// the few things the view needs that the state does not keep (each step's from -> to target, the
// finished lines to print once, the questions waiting for the operator). React subscribes to it.
import type { ApprovalAnswer, ApprovalRequest, StepQuestion } from '../../core/operator';
import type { EventOf, RunEvent, SessionKind, StepDecision } from '../../core/events';
import { applyEvent, emptyRunState, type RunState } from '../../engine/state';
import type { RunSummary } from '../../engine/summary';
import type { StepTarget } from './step-lines';

/** Something printed once above the live area (ink <Static>), in the order it happened. */
export type FinishedItem =
  | { key: string; kind: 'step'; stepId: string }
  | { key: string; kind: 'preflight'; ok: boolean; name: string; message: string; error?: EventOf<'preflight.failed'>['error'] }
  | { key: string; kind: 'retry'; event: EventOf<'step.retrying'> }
  | { key: string; kind: 'rollback'; reason: string }
  | { key: string; kind: 'answer'; event: EventOf<'approval.answered'> }
  | { key: string; kind: 'unplanned'; stepId: string; reason: string }
  | { key: string; kind: 'notice'; message: string };

export type Question =
  | { id: number; kind: 'approval'; request: ApprovalRequest; typed: string; complaint?: string; settle(answer: ApprovalAnswer): void }
  | { id: number; kind: 'step'; question: StepQuestion; settle(decision: StepDecision): void };

/** Distributes Omit over the union, so each kind keeps its own fields. */
export type NewQuestion = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never;

export class LiveStore {
  readonly state: RunState = emptyRunState();
  readonly targets = new Map<string, StepTarget>();
  /** Who approved each approval step, shown on its finished line. */
  readonly approvedBy = new Map<string, string>();
  session?: SessionKind;
  preflightRunning = 0;
  /** Replaced, never mutated: ink's <Static> notices new items by a new array. */
  finished: readonly FinishedItem[] = [];
  questions: readonly Question[] = [];
  /** The summary the command gives at the end (all sessions, and what to do next). */
  summary?: { summary: RunSummary; next?: string };
  /** This session's run.finished arrived (a replayed earlier session's does not count). */
  finishedLive = false;
  private version = 0;
  private nextQuestion = 1;
  private readonly listeners = new Set<() => void>();
  private notices = 0;

  /** `rows` is the terminal's height when known; the live area keeps within it. */
  constructor(
    public columns: number,
    public rows?: number,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  /** Events of earlier sessions (resume): folded in and listed as finished, before the live ones. */
  replay(events: readonly RunEvent[]): void {
    for (const event of events) this.fold(event);
    this.changed();
  }

  apply(event: RunEvent): void {
    this.fold(event);
    if (event.type === 'run.finished') this.finishedLive = true;
    this.changed();
  }

  resize(columns: number, rows?: number): void {
    this.columns = columns;
    this.rows = rows;
    this.changed();
  }

  /** A message for the operator that is not a run event: printed once, above the live area. */
  notice(message: string): void {
    this.finished = [...this.finished, { key: `notice:${(this.notices += 1)}`, kind: 'notice', message }];
    this.changed();
  }

  setSummary(summary: RunSummary, next?: string): void {
    this.summary = { summary, next };
    this.changed();
  }

  ask(question: NewQuestion): number {
    const id = this.nextQuestion++;
    this.questions = [...this.questions, { ...question, id } as Question];
    this.changed();
    return id;
  }

  /** The operator typed into an approval that asks for confirmation text. */
  updateTyping(id: number, typed: string, complaint?: string): void {
    this.questions = this.questions.map((question) => (question.id === id && question.kind === 'approval' ? { ...question, typed, complaint } : question));
    this.changed();
  }

  dismiss(id: number): void {
    this.questions = this.questions.filter((question) => question.id !== id);
    this.changed();
  }

  private fold(event: RunEvent): void {
    applyEvent(this.state, event);
    const item = this.finishedItem(event);
    if (item) this.finished = [...this.finished, item];
  }

  private finishedItem(event: RunEvent): FinishedItem | undefined {
    const key = `${event.type}:${event.seq}`;
    switch (event.type) {
      case 'run.started':
        this.session = event.session ?? 'start';
        return undefined;
      case 'preflight.started':
        this.preflightRunning += 1;
        return undefined;
      case 'preflight.passed':
      case 'preflight.failed':
        this.preflightRunning = Math.max(0, this.preflightRunning - 1);
        return { key, kind: 'preflight', ok: event.type === 'preflight.passed', name: event.name, message: event.message, error: 'error' in event ? event.error : undefined };
      case 'step.planned':
        if (event.target) this.targets.set(event.stepId, event.target);
        return undefined;
      case 'step.succeeded':
      case 'step.failed':
      case 'step.unknown':
      case 'step.skipped':
      case 'step.cancelled':
        return { key, kind: 'step', stepId: event.stepId };
      case 'step.retrying':
        return { key, kind: 'retry', event };
      case 'step.unplanned':
        return { key, kind: 'unplanned', stepId: event.stepId, reason: event.reason };
      case 'rollback.started':
        return { key, kind: 'rollback', reason: event.reason };
      case 'approval.answered':
        // An approval step's own line says who approved it; other answers get a line of their own.
        if (event.gate === 'approval' && event.approved) {
          this.approvedBy.set(event.stepId, event.by);
          return undefined;
        }
        return { key, kind: 'answer', event };
      default:
        return undefined;
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
