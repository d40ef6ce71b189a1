// Turns the command's signals into the engine's: the first interrupt is a soft stop, the second a hard
// one, and the run deadline a hard stop of the main phase. Each is journaled once, when it happens.
import type { Clock } from '../core/clock';
import type { RunEmitter } from './emitter';
import { interrupted, runDeadline } from './errors';
import { abortAfter } from './signals';

export class RunSignals {
  readonly stop = new AbortController();
  readonly force = new AbortController();
  readonly deadline = new AbortController();
  private readonly ended = new AbortController();
  private readonly cleanups: Array<() => void> = [];
  /** Why the run cannot go on whatever the operator wants (the journal failed): the run's verdict. */
  failure: unknown;

  constructor(private readonly emitter: RunEmitter) {
    emitter.onSinkFailure = (error) => this.fail(error);
  }

  /** Starts listening; call after run.started so the interrupt is journaled after it. */
  watch(stopSignal: AbortSignal | undefined, forceSignal: AbortSignal | undefined, clock: Clock, deadlineMs: number | undefined): void {
    this.listen(stopSignal, () => this.requestStop(signalName(stopSignal)));
    this.listen(forceSignal, () => this.requestForce(signalName(forceSignal)));
    if (deadlineMs !== undefined) abortAfter(clock, deadlineMs, this.deadline, () => runDeadline(deadlineMs), this.ended.signal);
  }

  requestStop(signal: string): void {
    if (this.stop.signal.aborted) return;
    this.emitter.emit({ type: 'run.interrupted', signal, forced: false });
    this.stop.abort(interrupted(false));
  }

  /** The journal could not be written: no further call, calls in flight finish, the run fails with it. */
  fail(error: unknown): void {
    this.failure ??= error;
    if (!this.stop.signal.aborted) this.stop.abort(error);
  }

  get forced(): boolean {
    return this.force.signal.aborted;
  }

  dispose(): void {
    this.ended.abort();
    for (const cleanup of this.cleanups) cleanup();
  }

  private requestForce(signal: string): void {
    if (this.force.signal.aborted) return;
    this.emitter.emit({ type: 'run.interrupted', signal, forced: true });
    const reason = interrupted(true);
    this.force.abort(reason);
    if (!this.stop.signal.aborted) this.stop.abort(reason);
  }

  private listen(signal: AbortSignal | undefined, handler: () => void): void {
    if (!signal) return;
    if (signal.aborted) return handler();
    signal.addEventListener('abort', handler, { once: true });
    this.cleanups.push(() => signal.removeEventListener('abort', handler));
  }
}

/** The command aborts its signals with the name of the OS signal (SIGINT, SIGTERM, SIGHUP) as the reason. */
function signalName(signal: AbortSignal | undefined): string {
  return typeof signal?.reason === 'string' ? signal.reason : 'SIGINT';
}
