// The OperatorPort of the live view: each question goes into the store, the view shows the first one
// as a prompt, and the promise settles when the operator answers. When the engine no longer needs the
// answer (timeout, Ctrl-C) its signal aborts: the prompt goes away and the promise rejects with the reason.
import type { ApprovalAnswer, OperatorPort } from '../../core/operator';
import type { StepDecision } from '../../core/events';
import type { LiveStore, NewQuestion } from './live-store';

function ask<T>(store: LiveStore, signal: AbortSignal, build: (settle: (value: T) => void) => NewQuestion): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let id = 0;
    const onAbort = () => {
      store.dismiss(id);
      reject(signal.reason);
    };
    const settle = (value: T) => {
      signal.removeEventListener('abort', onAbort);
      store.dismiss(id);
      resolve(value);
    };
    id = store.ask(build(settle));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function liveOperator(store: LiveStore): OperatorPort {
  return {
    approve: (request, signal) =>
      ask<ApprovalAnswer>(store, signal, (settle) => ({ kind: 'approval', request, typed: '', settle })),
    confirmStep: (question, signal) => ask<StepDecision>(store, signal, (settle) => ({ kind: 'step', question, settle })),
  };
}
