// --output json: every run event as one JSON line on stdout, exactly as journaled, then a summary line
// (`"type": "run.summary"`). Notices for people go to stderr so stdout stays machine-readable.
import type { CliIO } from '../core/io';
import type { RunEvent } from '../core/events';
import type { RunSummary } from '../engine/summary';
import type { RunReporter } from './choose-reporter';

export class JsonReporter implements RunReporter {
  constructor(private readonly io: CliIO) {}

  emit(event: RunEvent): void {
    this.line(event);
  }

  notice(message: string): void {
    this.io.stderr.write(`${message}\n`);
  }

  summary(summary: RunSummary, next?: string): void {
    this.line({ type: 'run.summary', ...summary, next });
  }

  private line(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value)}\n`);
  }
}
