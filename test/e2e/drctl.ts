// Runs the real bundled binary, as a user would, and captures what they would see.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/drctl');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function drctl(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<Result> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', CI: 'true', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, options);
}

/** What a child wrote and how it ended; killed after timeoutMs (default 30 s). */
function collect(child: ChildProcessWithoutNullStreams, options: { input?: string; timeoutMs?: number }): Promise<Result> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The real binary at a terminal: util-linux `script` gives it a pseudo-terminal for stdin, stdout and
 * stderr (merged into `output`, with the escape sequences a terminal would get). Only `env` is passed on.
 */
export async function drctlAtTerminal(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; output: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', ...options.env };
  const command = ['env', '-i', ...Object.entries(env).map(([name, value]) => `${name}=${value}`), process.execPath, BIN, ...args].map(quote).join(' ');
  const result = await collect(spawn('script', ['-qefc', command, '/dev/null'], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] }), options);
  return { code: result.code, output: result.stdout + result.stderr };
}
