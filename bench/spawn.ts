// Timing real processes, as an engineer's shell would run them: wall time from spawn to exit, measured
// with the monotonic clock. hyperfine is not assumed to be installed; this does what it would.
import { spawn, spawnSync } from 'node:child_process';
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

export interface Command {
  command: string;
  args: readonly string[];
}

export interface PairedTimings {
  /** The floor's wall time per round. */
  floor: number[];
  /** Per command: its wall time per round, or why it could not run. */
  commands: Array<{ ok: true; samples: number[]; ratios: number[]; overFloor: number[] } | { ok: false; error: string }>;
}

/**
 * Runs the floor and every command once per round, the order reversed every other round, so each round
 * sees the same machine: on a shared box the load moves from one second to the next, and a ratio within
 * a round cancels most of it. Warm-up rounds (file cache, Node's own JIT) are not counted. Synchronous
 * spawns: nothing else in this process runs (or collects garbage) while a child is being timed.
 */
export function timePaired(floor: Command, commands: readonly Command[], options: RepeatOptions): PairedTimings {
  const all = [floor, ...commands];
  const samples: number[][] = all.map(() => []);
  const errors: Array<string | undefined> = all.map(() => undefined);
  for (let round = 0; round < options.warmups + options.runs; round++) {
    const order = all.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    const times: number[] = [];
    for (const index of order) {
      if (errors[index]) continue;
      const { command, args } = all[index] as Command;
      const started = process.hrtime.bigint();
      const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status === 0) times[index] = ms;
      else errors[index] = result.error?.message ?? `exit ${String(result.status)}: ${errorLine(String(result.stderr || result.stdout))}`;
    }
    if (round >= options.warmups) times.forEach((ms, index) => samples[index]?.push(ms));
  }
  const [floorSamples = [], ...commandSamples] = samples;
  if (errors[0]) throw new Error(`the floor (${floor.command} ${floor.args.join(' ')}) failed: ${errors[0]}`);
  return {
    floor: floorSamples,
    commands: commandSamples.map((mine, index) => {
      const error = errors[index + 1];
      if (error) return { ok: false, error };
      return { ok: true, samples: mine, ratios: mine.map((ms, round) => ms / (floorSamples[round] ?? ms)), overFloor: mine.map((ms, round) => ms - (floorSamples[round] ?? ms)) };
    }),
  };
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
