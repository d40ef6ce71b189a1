// Ctrl-C for every long-running command: the first stops cleanly, the second stops at once.
export interface Interrupts {
  stop: AbortSignal;
  force: AbortSignal;
  dispose(): void;
}

/** First Ctrl-C: stop cleanly. Second: stop at once. The handler is removed when the command ends. */
export function listenForInterrupts(): Interrupts {
  const stop = new AbortController();
  const force = new AbortController();
  const onInterrupt = () => (stop.signal.aborted ? force.abort() : stop.abort());
  process.on('SIGINT', onInterrupt);
  return { stop: stop.signal, force: force.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}
