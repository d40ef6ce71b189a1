// The live reporter: the ink view of a run on an interactive terminal. This module is the only way in
// to ink; the command loads it with a dynamic import() on an interactive TTY only, so plain and JSON
// output (and `drctl --version`) never pay for React.
import { render } from 'ink';
import type { NoticeCode } from '../core/codes';
import type { CliIO } from '../core/io';
import type { EventSink, RunEvent } from '../core/events';
import type { RunSummary } from '../engine/summary';
import type { OperatorPort } from '../core/operator';
import type { RunReporter } from './run-reporter';
import { LiveView } from './live/LiveView';
import { liveOperator } from './live/live-operator';
import { LiveStore } from './live/live-store';
import { styleFor } from '../core/style';
import type { HeaderOptions } from './live/header-lines';

export const DEFAULT_COLUMNS = 80;

export interface LiveReporterOptions extends HeaderOptions {
  /** The run's clock (simulated time under --sim): every elapsed time on screen is read from it. */
  clock: { now(): number };
  /** Events of earlier sessions (resume), so finished steps show as finished and the RTO spans them all. */
  history?: readonly RunEvent[];
  /** Spinner and redraw interval in real milliseconds (default 100; 0 draws only on events). */
  spinnerIntervalMs?: number;
  /** Ctrl-C arrives as a key in raw mode; default: raise SIGINT, which the command handles. */
  interrupt?: () => void;
}

/** A RunReporter (emit, notice, summary) that also answers the engine's questions as prompts in the view. */
export interface LiveReporter extends RunReporter {
  /** The reporter itself, as the engine's event sink. */
  sink: EventSink;
  operator: OperatorPort;
  /** Draws the final frame (the summary, once run.finished was emitted), unmounts, restores the terminal. */
  close(): Promise<void>;
}

export function createLiveReporter(io: CliIO, options: LiveReporterOptions): LiveReporter {
  const columns = () => io.stdout.columns || DEFAULT_COLUMNS;
  const rows = () => (io.stdout as { rows?: number }).rows || undefined;
  const store = new LiveStore(columns(), rows());
  if (options.history?.length) store.replay(options.history);
  const onResize = () => store.resize(columns(), rows());
  io.stdout.on('resize', onResize);
  const { runbook, command, dryRun, from, to, rtoMs } = options;
  const view = (
    <LiveView
      store={store}
      clock={options.clock}
      options={{ runbook, command, dryRun, from, to, rtoMs }}
      style={styleFor(io.stdout, io.env)}
      by={io.env.USER || io.env.LOGNAME || 'operator'}
      spinnerIntervalMs={options.spinnerIntervalMs ?? 100}
      onInterrupt={options.interrupt ?? (() => process.kill(process.pid, 'SIGINT'))}
    />
  );
  const instance = render(view, {
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    stdin: io.stdin as NodeJS.ReadStream,
    // The command owns Ctrl-C (first: stop after calls in flight; second: force); ink must not exit on it.
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let closing: Promise<void> | undefined;
  const reporter: LiveReporter = {
    emit: (event: RunEvent) => store.apply(event),
    // Written into the view: anything written to the terminal behind ink's back would break the frame.
    notice: (_code: NoticeCode, message: string) => store.notice(message),
    summary: (summary: RunSummary, next?: string) => store.setSummary(summary, next),
    get sink() {
      return reporter;
    },
    operator: liveOperator(store),
    close: () => {
      closing ??= (async () => {
        io.stdout.off('resize', onResize);
        // Let React commit the last events before ink draws its final frame on unmount.
        await new Promise<void>((resolve) => setImmediate(resolve));
        instance.unmount();
        await instance.waitUntilExit();
      })();
      return closing;
    },
  };
  return reporter;
}
