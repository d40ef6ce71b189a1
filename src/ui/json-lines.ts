// The JSON every command writes under -o json (docs/output.md): one value per line on a stream, or one
// document for a one-shot answer. Every value names its shape first, in `type`.
import type { Writable } from 'node:stream';
import type { NoticeCode } from '../core/codes';

export function writeJsonLine(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}

export function writeJsonDocument(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A warning or notice for the person, on stderr: the answer on stdout stays clean. */
export function writeNoticeLine(stderr: Writable, code: NoticeCode, message: string): void {
  writeJsonLine(stderr, { type: 'notice', code, message });
}
