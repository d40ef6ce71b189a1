// Text from the argument parser (help, usage errors), passed through as it is. Everything else a
// command writes goes through the output host (output.ts).
import type { CliIO } from '../core/io';

export function printUsage(io: CliIO, stream: 'stdout' | 'stderr', text: string): void {
  io[stream].write(text);
}
