// Small helpers around AbortSignal. The engine stops work in two ways: a soft stop (no new calls, let the
// call in flight finish) and a hard stop (timeout, deadline, second Ctrl-C: stop waiting at once).
import type { Clock } from '../core/clock';

/** Resolves or rejects with the promise, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // An abandoned promise may still reject later; keep that from surfacing as an unhandled rejection.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Throws the signal's reason when it has aborted (a checkpoint between calls). */
export function checkpoint(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

/**
 * Aborts `target` with `reason()` after `ms` of clock time unless `until` aborts first. The timer is a
 * clock sleep so a fake clock drives it; it is cancelled through `until` when the guarded work ends.
 */
export function abortAfter(clock: Clock, ms: number, target: AbortController, reason: () => unknown, until: AbortSignal): void {
  if (!Number.isFinite(ms)) return;
  clock.sleep(ms, until).then(
    () => {
      if (!target.signal.aborted) target.abort(reason());
    },
    () => undefined,
  );
}

/** Forwards an abort from one signal to a controller, with the source's reason. Returns an unsubscribe. */
export function forwardAbort(source: AbortSignal | undefined, target: AbortController): () => void {
  if (!source) return () => undefined;
  const forward = () => {
    if (!target.signal.aborted) target.abort(source.reason);
  };
  if (source.aborted) {
    forward();
    return () => undefined;
  }
  return onAbort(source, forward);
}

// One listener per source signal, fanned out: a run of 50 parallel steps would otherwise hang 50
// listeners on the run's stop signal, and Node warns past 10 (MaxListenersExceededWarning).
const fanOuts = new WeakMap<AbortSignal, Set<() => void>>();

function onAbort(source: AbortSignal, listener: () => void): () => void {
  let listeners = fanOuts.get(source);
  if (!listeners) {
    const created = new Set<() => void>();
    fanOuts.set(source, created);
    source.addEventListener('abort', () => [...created].forEach((notify) => notify()), { once: true });
    listeners = created;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
