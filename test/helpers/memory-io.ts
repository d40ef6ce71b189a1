// A CliIO whose stdout and stderr are kept in memory, for reporters that write lines.
import { Writable } from 'node:stream';
import type { CliIO } from '../../src/core/io';

export function memoryIO(): { io: CliIO; out: () => string } {
  let out = '';
  const sink = () => new Writable({ write: (chunk, _encoding, done) => ((out += chunk.toString()), done()) });
  const io = { stdout: sink(), stderr: sink(), stdin: process.stdin, env: {}, cwd: '/' } as CliIO;
  return { io, out: () => out };
}
