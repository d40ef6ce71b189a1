// The live view of a run: finished lines printed once above (ink <Static>), and a small live area
// below with the header and clocks, the steps still to finish, the question waiting for the operator,
// and the keys. Once the run has finished the live area becomes the summary every reporter prints.
import { Box, Static, Text, useInput, useStdin, type Key } from 'ink';
import { useSyncExternalStore } from 'react';
import { summarizeRun } from '../../engine/summary';
import type { Style } from '../../core/style';
import { finishedLines } from './finished-lines';
import { footerLine, headerLines, type HeaderOptions } from './header-lines';
import { Lines } from './Lines';
import { liveRows } from './live-rows';
import type { LiveStore } from './live-store';
import { Prompt } from './Prompt';
import { keyPresses, questionKey } from './question-keys';
import { idColumnWidth } from './step-lines';
import { viewSummaryLines } from './summary-lines';
import { useSpinner } from './use-spinner';

export interface LiveViewProps {
  store: LiveStore;
  clock: { now(): number };
  options: HeaderOptions;
  style: Style;
  /** Who answers the prompts, as recorded in the journal. */
  by: string;
  /** Real-time spinner/redraw interval; 0 keeps the view still (tests). */
  spinnerIntervalMs: number;
  /** Ctrl-C pressed while the terminal is in raw mode: hand it to the command as SIGINT. */
  onInterrupt(): void;
}

function useOperatorKeys({ store, by, onInterrupt }: LiveViewProps): void {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input: string, key: Key) => {
      for (const [one, press] of keyPresses(input, key)) {
        if (press.ctrl && one === 'c') return onInterrupt();
        // Read afresh for every key: an earlier key in the burst may have answered or typed.
        const question = store.questions[0];
        if (!question) continue;
        const outcome = questionKey(question, one, press, by);
        if (outcome.kind === 'typing') store.updateTyping(question.id, outcome.typed, outcome.complaint);
        if (outcome.kind === 'approval' && question.kind === 'approval') question.settle(outcome.answer);
        if (outcome.kind === 'decision' && question.kind === 'step') question.settle(outcome.decision);
      }
    },
    { isActive: isRawModeSupported === true },
  );
}

/** Terminal rows left for the step rows: minus the header, a prompt (about five lines) and the footer. */
function roomForSteps(store: LiveStore, headerLines: number): number | undefined {
  if (store.rows === undefined) return undefined;
  const prompt = store.questions.length ? 6 : 0;
  return Math.max(3, store.rows - headerLines - prompt - 2);
}

export function LiveView(props: LiveViewProps) {
  const { store, clock, options, style, spinnerIntervalMs } = props;
  useSyncExternalStore(store.subscribe, store.getVersion);
  const { state } = store;
  // The summary the command gives wins; until then, the one folded from this session's events.
  const summary = store.summary ?? (store.finishedLive ? { summary: summarizeRun(state), next: undefined } : undefined);
  const spinner = useSpinner(spinnerIntervalMs, summary === undefined);
  useOperatorKeys(props);
  const width = store.columns;
  const context = { width, idWidth: idColumnWidth(state.order, width), style };
  const now = clock.now();
  const header = headerLines({ state, session: store.session, options, now, width, style });
  return (
    <>
      <Static items={[...store.finished]}>
        {(item) => <Lines key={item.key} lines={finishedLines(item, store, context)} width={width} />}
      </Static>
      <Box flexDirection="column" width={width}>
        <Lines lines={header} />
        {summary ? (
          <Lines lines={viewSummaryLines(summary.summary, summary.next, style, width)} width={width} />
        ) : (
          <>
            {store.preflightRunning > 0 && <Text>{`  ${style.cyan(spinner)} preflight: ${store.preflightRunning} check(s) running`}</Text>}
            <Lines lines={liveRows({ ...context, state, targets: store.targets, now, spinner, maxLines: roomForSteps(store, header.length) })} />
            <Prompt questions={store.questions} width={width} style={style} />
            <Text>{footerLine(state, width, style)}</Text>
          </>
        )}
      </Box>
    </>
  );
}
