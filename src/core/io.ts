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

/** True on an interactive terminal outside CI: the only place drctl prompts or draws a live view. */
export function isInteractive(io: CliIO): boolean {
  const ci = io.env.CI;
  return Boolean(io.stdout.isTTY && io.stdin.isTTY) && !(ci && ci !== 'false' && ci !== '0');
}
