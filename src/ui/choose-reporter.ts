// The one place that decides how a run is shown: JSON lines on request, plain lines otherwise. The ink
// live view (its own issue) slots in here for an interactive terminal; reporters never decide anything.
import type { CliIO } from '../cli/io';
import type { EventSink } from '../engine/events';
import type { RunSummary } from '../engine/summary';
import { JsonReporter } from './json-reporter';
import { PlainReporter } from './plain-reporter';

export type OutputFormat = 'text' | 'json';

export interface RunReporter extends EventSink {
  /** Something for the operator that is not a run event, e.g. "stopping after the calls in flight". */
  notice(message: string): void;
  /** The end of the command: the summary of the whole run (all sessions), and what to do next. */
  summary(summary: RunSummary, next?: string): void;
}

export function chooseReporter(io: CliIO, output: OutputFormat): RunReporter {
  if (output === 'json') return new JsonReporter(io);
  // Later: `if (isInteractive(io)) return liveReporter(io);` with the ink view; plain lines until then.
  return new PlainReporter(io);
}
