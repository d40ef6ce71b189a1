// The one place that decides how a run is shown: JSON lines on request, plain lines otherwise. The ink
// live view (its own issue) slots in here for an interactive terminal; reporters never decide anything.
import { isInteractive, type CliIO } from '../core/io';
import type { EventSink } from '../core/events';
import type { OperatorPort } from '../core/operator';
import type { RunSummary } from '../engine/summary';
import { JsonReporter } from './json-reporter';
// A type only: erased from the bundle, so choosing plain or JSON output never loads ink.
import type { LiveReporterOptions } from './live-reporter';
import { PlainReporter } from './plain-reporter';

export type OutputFormat = 'text' | 'json';

export interface RunReporter extends EventSink {
  /** Something for the operator that is not a run event, e.g. "stopping after the calls in flight". */
  notice(message: string): void;
  /** The end of the command: the summary of the whole run (all sessions), and what to do next. */
  summary(summary: RunSummary, next?: string): void;
}

/** What the live view shows besides the events: the run's clock (simulated under --sim), the route, the RTO. */
export type LiveContext = Omit<LiveReporterOptions, 'spinnerIntervalMs' | 'interrupt'>;

export interface ChosenReporter {
  reporter: RunReporter;
  /** Set for the live view: approvals and --step questions are prompts inside it. */
  operator?: OperatorPort;
  /** Ends the reporter (the live view unmounts and restores the terminal). Call after summary(). */
  close(): Promise<void>;
}

export async function chooseReporter(io: CliIO, output: OutputFormat, live?: LiveContext): Promise<ChosenReporter> {
  const done = async () => undefined;
  if (output === 'json') return { reporter: new JsonReporter(io), close: done };
  if (live && isInteractive(io)) {
    // ink is loaded here only: plain and JSON output never pay for it.
    const { createLiveReporter } = await import('./live-reporter');
    const view = createLiveReporter(io, live);
    return { reporter: view, operator: view.operator, close: view.close };
  }
  return { reporter: new PlainReporter(io), close: done };
}
