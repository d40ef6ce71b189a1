// Bad input never hangs: devices, FIFOs, sockets and directories given as files, and files over the size
// limit, are refused at once with a code (the real binary; a hang would be this test's timeout).
// `drctl validate /dev/zero` used to read forever.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drctl, ROOT } from './drctl';

let dir: string;
let socket: Server;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-bad-input-'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  writeFileSync(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(path.join(dir, 'socket.yaml'), resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const SHOP = path.join(ROOT, 'runbooks/shop-region-failover.yaml');

describe('bad input is refused at once', () => {
  it.each([
    ['a character device', '/dev/zero', 'runbook.not-a-file', /is a character device, not a file/],
    ['a FIFO', 'pipe.yaml', 'runbook.not-a-file', /is a named pipe \(FIFO\), not a file/],
    ['a socket', 'socket.yaml', 'runbook.not-a-file', /is a socket, not a file/],
    ['a file over the size limit', 'huge.yaml', 'runbook.too-large', /is 2\.0 MB; a runbook is at most 1 MB/],
  ])('validate, plan and run refuse %s', async (_what, file, code, message) => {
    for (const args of [['validate', file], ['plan', file, '--sim'], ['run', file, '--sim', '--yes']]) {
      const result = await drctl(args, { cwd: dir, timeoutMs: 15_000 });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr + result.stdout).toContain(`[${code}]`);
      expect(result.stderr + result.stdout).toMatch(message);
    }
  });

  it('a directory given as a runbook to run is refused, naming the directory', async () => {
    const result = await drctl(['run', dir, '--sim', '--yes'], { cwd: dir, timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[runbook.is-directory]');
  });

  it('a world file that is a device or a FIFO is refused before the simulator starts', async () => {
    for (const world of ['/dev/zero', 'pipe.yaml']) {
      const result = await drctl(['plan', SHOP, '--sim', world], { cwd: dir, timeoutMs: 15_000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('[sim.world-unreadable]');
    }
    const serve = await drctl(['sim', 'serve', '--world', 'pipe.yaml'], { cwd: dir, timeoutMs: 15_000 });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('[sim.world-unreadable]');
  });
});
