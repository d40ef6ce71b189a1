// Ctrl-C, SIGTERM and SIGHUP for every long-running command. CI cancellation, systemd and Kubernetes
// stop a process with SIGTERM; a dropped SSH session sends SIGHUP: each is the operator's first Ctrl-C
// (stop cleanly: no new calls, calls in flight finish, journal closed, summary, exit 3), and the next
// signal, whichever it is, stops at once.
//
// The handlers are installed once and stay for the life of the process. A signal that arrives while no
// command listens (the summary is being printed, the lock released, a drill between its runs) is
// ignored rather than left to Node's default, which would end the process by the signal (130, 143) in
// the middle of its clean-up and hide the exit code the run earned.
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignalName = (typeof STOP_SIGNALS)[number];

export interface Interrupts {
  /** Aborted by the first signal; its reason is the signal's name. */
  stop: AbortSignal;
  /** Aborted by the second; its reason is the signal's name. */
  force: AbortSignal;
  dispose(): void;
}

interface Listener {
  stop: AbortController;
  force: AbortController;
}

const listening: Listener[] = [];
let installed = false;

function onSignal(name: StopSignalName): void {
  const current = listening.at(-1);
  if (!current) return;
  if (!current.stop.signal.aborted) current.stop.abort(name);
  else if (!current.force.signal.aborted) current.force.abort(name);
}

/** The newest listener gets the signals until it is disposed (a drill's run inside the drill's own). */
export function listenForInterrupts(): Interrupts {
  if (!installed) {
    installed = true;
    for (const name of STOP_SIGNALS) process.on(name, () => onSignal(name));
  }
  const listener: Listener = { stop: new AbortController(), force: new AbortController() };
  listening.push(listener);
  return {
    stop: listener.stop.signal,
    force: listener.force.signal,
    dispose: () => {
      const index = listening.indexOf(listener);
      if (index >= 0) listening.splice(index, 1);
    },
  };
}

