// What a command may touch of the process: streams, environment, working directory. Commands never write
// to process.stdout themselves; they hand `io` to a reporter in src/ui. Tests pass in-memory streams.
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Why drctl does not prompt or draw a live view here: CI is set, or there is no terminal. */
export type NotInteractive = { because: 'ci'; ci: string } | { because: 'no-terminal' };

/** undefined on an interactive terminal outside CI: the only place drctl prompts or draws a live view. */
export function whyNotInteractive(io: CliIO): NotInteractive | undefined {
  const ci = io.env.CI;
  // CI first: a CI runner may well give drctl a terminal, and the message must name the real reason.
  if (ci && ci !== 'false' && ci !== '0') return { because: 'ci', ci };
  return io.stdout.isTTY && io.stdin.isTTY ? undefined : { because: 'no-terminal' };
}

export function isInteractive(io: CliIO): boolean {
  return whyNotInteractive(io) === undefined;
}
