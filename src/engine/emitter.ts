// Stamps events with a sequence number and the clock's time, folds them into the run state and hands
// them to the sink. The engine reads its state only from here, so state and journal never disagree.
//
// A sink that fails (the journal meets a full disk) stops the run: the failure goes to `onSinkFailure`
// (the run's signals), and nothing more is made of it here, so whichever step emitted the event goes on
// to meet the stop at its next call instead of dying of someone else's error.
import type { Clock } from '../core/clock';
import type { EventSink, RunEvent, RunEventBody } from '../core/events';
import { applyEvent, type RunState } from './state';

export class RunEmitter {
  private closed = false;
  /** Told of every failure of the sink (the run's signals keep the first and stop the run on it). */
  onSinkFailure: (error: unknown) => void = () => undefined;

  constructor(
    private readonly sink: EventSink,
    private readonly clock: Clock,
    readonly state: RunState,
  ) {}

  emit(body: RunEventBody): RunEvent | undefined {
    const event = this.stamp(body);
    if (!event) return undefined;
    try {
      this.sink.emit(event);
    } catch (error) {
      this.onSinkFailure(error);
    }
    return event;
  }

  /** Emits and waits until the sink has made the event durable (intents before mutating calls). */
  async commit(body: RunEventBody): Promise<RunEvent | undefined> {
    const event = this.stamp(body);
    if (!event) return undefined;
    try {
      if (this.sink.commit) await this.sink.commit(event);
      else this.sink.emit(event);
    } catch (error) {
      this.onSinkFailure(error);
      throw error;
    }
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
