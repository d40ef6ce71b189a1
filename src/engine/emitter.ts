// Stamps events with a sequence number and the clock's time, folds them into the run state and hands
// them to the sink. The engine reads its state only from here, so state and journal never disagree.
import type { Clock } from '../core/clock';
import type { EventSink, RunEvent, RunEventBody } from '../core/events';
import { applyEvent, type RunState } from './state';

export class RunEmitter {
  private closed = false;

  constructor(
    private readonly sink: EventSink,
    private readonly clock: Clock,
    readonly state: RunState,
  ) {}

  emit(body: RunEventBody): RunEvent | undefined {
    const event = this.stamp(body);
    if (!event) return undefined;
    this.sink.emit(event);
    return event;
  }

  /** Emits and waits until the sink has made the event durable (intents before mutating calls). */
  async commit(body: RunEventBody): Promise<RunEvent | undefined> {
    const event = this.stamp(body);
    if (!event) return undefined;
    if (this.sink.commit) await this.sink.commit(event);
    else this.sink.emit(event);
    return event;
  }

  /** After run.finished nothing more is recorded (late callbacks of abandoned calls are dropped). */
  close(): void {
    this.closed = true;
  }

  private stamp(body: RunEventBody): RunEvent | undefined {
    if (this.closed) return undefined;
    const realAt = this.clock.wallNow?.();
    const event = { ...body, seq: this.state.lastSeq + 1, at: this.clock.now(), ...(realAt === undefined ? {} : { realAt }) } as RunEvent;
    applyEvent(this.state, event);
    return event;
  }
}
