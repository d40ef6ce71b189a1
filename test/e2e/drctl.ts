// Runs the real bundled binary, as a user would, and captures what they would see.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/drctl');

export interface Result {
  code: number | null;
  /** Set when the process was ended by a signal it did not handle (then code is null). */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The timeout for a test that runs the binary several times in a row. Each run starts a bundle of a few
 * MB; on a loaded 2-core machine four of them in a row have taken 17 s, close to vitest's 20 s default.
 */
export const SEVERAL_RUNS_TIMEOUT_MS = 60_000;

interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Killed with SIGKILL after this long (default 30 s): a hang fails the test instead of stalling the suite. */
  timeoutMs?: number;
}

export function drctl(args: string[], options: RunOptions = {}): Promise<Result> {
  return start(args, options).done;
}

/** A running binary the test talks to while it runs: wait for output, send signals, close its stdout. */
export interface Running {
  pid: number;
  /** Resolves once stdout (everything read so far) matches, or the process has ended. */
  waitFor(pattern: RegExp): Promise<void>;
  signal(name: NodeJS.Signals): void;
  /** Stops reading stdout, as `| head` does once it has its lines: drctl's next write meets a closed pipe. */
  closeStdout(): void;
  closeStderr(): void;
  done: Promise<Result>;
}

export function start(args: string[], options: RunOptions = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', CI: 'true', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return watch(child, options);
}

/** What a child writes, as it writes it, and how it ends; killed after timeoutMs (default 30 s). */
function watch(child: ChildProcessWithoutNullStreams, options: RunOptions): Running {
  let stdout = '';
  let stderr = '';
  let closed = false;
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!closed && !waiter.pattern.test(stdout)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closed = true;
      check();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    pid: child.pid ?? -1,
    waitFor: (pattern) =>
      new Promise<void>((resolve) => {
        waiters.push({ pattern, resolve });
        check();
      }),
    signal: (name) => child.kill(name),
    closeStdout: () => child.stdout.destroy(),
    closeStderr: () => child.stderr.destroy(),
    done,
  };
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The real binary at a terminal: util-linux `script` gives it a pseudo-terminal for stdin, stdout and
 * stderr (merged into `output`, with the escape sequences a terminal would get). Only `env` is passed on.
 */
export async function drctlAtTerminal(args: string[], options: RunOptions = {}): Promise<{ code: number | null; output: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', ...options.env };
  const command = ['env', '-i', ...Object.entries(env).map(([name, value]) => `${name}=${value}`), process.execPath, BIN, ...args].map(quote).join(' ');
  const result = await watch(spawn('script', ['-qefc', command, '/dev/null'], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] }), options).done;
  return { code: result.code, output: result.stdout + result.stderr };
}
