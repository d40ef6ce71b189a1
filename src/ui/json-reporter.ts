// --output json: every run event as one JSON line on stdout, exactly as journaled, then a summary line
// (`"type": "run.summary"`). Notices for people go to stderr as JSON lines, so stdout stays one stream.
import type { NoticeCode } from '../core/codes';
import type { CliIO } from '../core/io';
import type { RunEvent } from '../core/events';
import type { RunSummary } from '../engine/summary';
import { writeJsonLine, writeNoticeLine } from './json-lines';
import type { RunReporter } from './run-reporter';

export class JsonReporter implements RunReporter {
  constructor(private readonly io: CliIO) {}

  emit(event: RunEvent): void {
    writeJsonLine(this.io.stdout, event);
  }

  notice(code: NoticeCode, message: string): void {
    writeNoticeLine(this.io.stderr, code, message);
  }

  summary(summary: RunSummary, next?: string): void {
    writeJsonLine(this.io.stdout, { type: 'run.summary', ...summary, next });
  }
}
