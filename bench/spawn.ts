// Timing real processes, as an engineer's shell would run them: wall time from spawn to exit, measured
// with the monotonic clock. hyperfine is not assumed to be installed; this does what it would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin/drctl');

export interface ProcessResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export function runProcess(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr });
    });
  });
}

export interface RepeatOptions extends SpawnOptions {
  runs: number;
  warmups: number;
}

export type Timings = { ok: true; samples: number[] } | { ok: false; error: string };

/** Warm-ups first (file cache, JIT of node itself), then the timed runs; any non-zero exit stops with why. */
export async function timeRepeatedly(command: string, args: readonly string[], options: RepeatOptions): Promise<Timings> {
  const samples: number[] = [];
  for (let run = 0; run < options.warmups + options.runs; run++) {
    let result: ProcessResult;
    try {
      result = await runProcess(command, args, options);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    if (result.code !== 0) return { ok: false, error: `exit ${String(result.code)}: ${errorLine(result.stderr || result.stdout)}` };
    if (run >= options.warmups) samples.push(result.ms);
  }
  return { ok: true, samples };
}

/** The line that says what went wrong: the first naming an error, else the first with any text. */
export function errorLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.find((candidate) => /error/i.test(candidate)) ?? lines[0];
  return line?.slice(0, 200) ?? '(no output)';
}

/** The environment as is, minus the named variables. */
export function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

/** Where a command is on PATH, if anywhere (for optional reference tools like the AWS CLI). */
export async function which(command: string): Promise<string | undefined> {
  try {
    const result = await runProcess('sh', ['-c', `command -v ${command}`], { timeoutMs: 5_000 });
    return result.code === 0 ? result.stdout.trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}
