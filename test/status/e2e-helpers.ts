// What the status, health and failover end-to-end tests share: the real binary as a long-running process
// (--watch, sim serve) that a test can wait on and press Ctrl-C in, and a tmux pane for a real terminal.
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN } from '../e2e/drctl';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches (or rejects after timeoutMs). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  interrupt(): void;
  exit: Promise<number | null>;
}

export function start(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Running {
  const env = { PATH: process.env.PATH ?? '', HOME: options.cwd, NO_COLOR: '1', CI: 'true', ...options.env };
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => (clearTimeout(killer), resolve(code))));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never saw ${pattern}; stdout:\n${out}\nstderr:\n${err}`);
        await sleep(50);
      }
      return out;
    },
    interrupt: () => child.kill('SIGINT'),
    exit,
  };
}

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A private tmux server running drctl in a pane of the given size: a real pseudo-terminal. */
export class Pane {
  private readonly socket = path.join(mkdtempSync(path.join(tmpdir(), 'drctl-tmux-')), 'tmux.sock');

  constructor(args: string[], cwd: string, size = { columns: 80, rows: 40 }) {
    const env = [`PATH=${process.env.PATH ?? '/usr/bin:/bin'}`, `HOME=${cwd}`, 'TERM=xterm-256color', 'LANG=C.UTF-8', 'NO_COLOR=1'];
    const command = ['env', '-i', ...env, process.execPath, BIN, ...args].map(quote).join(' ');
    // The pane stays open after drctl exits, so the last screen can be read; the marker gives the exit code.
    this.tmux('new-session', '-d', '-s', 'drctl', '-x', String(size.columns), '-y', String(size.rows), `cd ${quote(cwd)} && ${command}; echo "[drctl exited $?]"; sleep 600`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-u', ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'drctl');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'drctl', ...keys);
  }

  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`never saw ${pattern}; screen:\n${screen}`);
      await sleep(100);
    }
  }

  exitCode(screen = this.screen()): number | undefined {
    const match = /\[drctl exited (\d+)\]/.exec(screen);
    return match ? Number(match[1]) : undefined;
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    rmSync(path.dirname(this.socket), { recursive: true, force: true });
  }
}

/** Lines longer than `width` characters (the tables promise 80). */
export const tooWide = (text: string, width = 80) => text.split('\n').filter((line) => [...line].length > width);
