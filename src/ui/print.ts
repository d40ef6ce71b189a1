// The one place plain command output is written. Commands hand text here instead of touching streams.
import type { CliIO } from '../core/io';
import { formatBug, formatError } from '../core/problem-text';
import { styleFor, type Style } from '../core/style';
import type { DrctlError } from '../core/errors';

export function print(io: CliIO, text: string): void {
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printError(io: CliIO, error: DrctlError): void {
  io.stderr.write(`${formatError(error, stderrStyle(io))}\n`);
}

export function printBug(io: CliIO, error: unknown): void {
  io.stderr.write(`${formatBug(error, stderrStyle(io))}\n`);
}

export function stdoutStyle(io: CliIO): Style {
  return styleFor(io.stdout, io.env);
}

function stderrStyle(io: CliIO): Style {
  return styleFor(io.stderr, io.env);
}

/** Text produced by the argument parser (help, usage errors), passed through as it is. */
export function printUsage(io: CliIO, stream: 'stdout' | 'stderr', text: string): void {
  io[stream].write(text);
}

/** A side note for the person (where a file went): stderr, so stdout stays clean for pipes. */
export function printNotice(io: CliIO, text: string): void {
  io.stderr.write(`${text}\n`);
}
