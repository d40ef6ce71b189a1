// What shows a run as it happens: the live view on an interactive terminal, plain lines otherwise, JSON
// lines with -o json. The output host (output.ts) picks one; the reporters never decide anything.
import type { NoticeCode } from '../core/codes';
import type { EventSink } from '../core/events';
import type { OperatorPort } from '../core/operator';
import type { RunSummary } from '../engine/summary';
// A type only: erased from the bundle, so choosing plain or JSON output never loads ink.
import type { LiveReporterOptions } from './live-reporter';

export interface RunReporter extends EventSink {
  /** Something for the operator that is not a run event, e.g. "objective missed: ...". */
  notice(code: NoticeCode, message: string): void;
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
