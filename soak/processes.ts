// The processes of a soak trial: one `drctl sim serve` (with its request log) and the drctl sessions
// (`run`, then `resume`) that the soak kills with SIGKILL at a random moment of their output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/drctl');
export const SIM_ENV = { AWS_ACCESS_KEY_ID: 'AKIDSIM', AWS_SECRET_ACCESS_KEY: 'sim', AWS_REGION: 'us-east-1' };

// Every process the soak started and has not seen exit: stopped if the soak itself is stopped.
const live = new Set<ChildProcess>();

function drctlProcess(args: string[], cwd: string): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', CI: 'true', ...SIM_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Stops every process the soak started (its own Ctrl-C): no simulator is left listening. */
export function stopAll(): void {
  for (const child of live) child.kill('SIGKILL');
}

export interface Served {
  endpoint: string;
  stop(): Promise<void>;
}

/** `drctl sim serve` for one trial; resolves once it listens. */
export function serve(runbook: string, requestLog: string, timeScale: number, cwd: string): Promise<Served> {
  const child = drctlProcess(['sim', 'serve', '--runbook', runbook, '--time-scale', String(timeScale), '--request-log', requestLog], cwd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const endpoint = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (endpoint) resolve({ endpoint, stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`drctl sim serve exited (${code}) before listening: ${out}`)));
  });
}

export interface KillPlan {
  /** Kill once this many lines of JSON output have arrived... */
  afterLines: number;
  /** ...and this many milliseconds more. */
  delayMs: number;
}

export interface SessionResult {
  args: string[];
  killed: boolean;
  code: number | null;
  lines: number;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** One drctl session with --output json; killed with SIGKILL as planned, or left to finish. */
export function session(args: string[], cwd: string, kill: KillPlan | undefined): Promise<SessionResult> {
  const startedAt = Date.now();
  const child = drctlProcess([...args, '--output', 'json'], cwd);
  let stdout = '';
  let stderr = '';
  let lines = 0;
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  const killNow = () => {
    if (child.exitCode !== null || killed) return;
    killed = true;
    child.kill('SIGKILL');
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    lines += text.split('\n').length - 1;
    if (kill && timer === undefined && lines >= kill.afterLines) timer = setTimeout(killNow, kill.delayMs);
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ args, killed, code, lines, wallMs: Date.now() - startedAt, stdout, stderr });
    });
  });
}
