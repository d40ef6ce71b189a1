// A reader that goes away must never stop drctl: `drctl run ... | head -3` closes the pipe after three
// lines, a dropped SSH session closes the terminal. Writing then fails (EPIPE, EIO) with an 'error' event
// that, unheard, ends the process with a stack trace: a failover cut off mid-run, its journal ending at
// step.started and its lock left behind. Output is the one thing drctl can do without: once a stream
// has failed, what is written to it is dropped, and the run (and its journal) goes on.
import type { Writable } from 'node:stream';

export function dropOutputWhenClosed<T extends Writable>(stream: T): T {
  stream.on('error', () => undefined);
  return stream;
}
