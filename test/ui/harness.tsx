// Renders the live view with ink-testing-library on a still clock and a still spinner, so every frame
// is exact. The store is fed events the way the engine's sink would feed it.
import { render } from 'ink-testing-library';
import type { RunEvent } from '../../src/core/events';
import { LiveView } from '../../src/ui/live/LiveView';
import type { HeaderOptions } from '../../src/ui/live/header-lines';
import { liveOperator } from '../../src/ui/live/live-operator';
import { LiveStore } from '../../src/ui/live/live-store';
import { plainStyle, type Style } from '../../src/core/style';
import { T0 } from './scenario';

export interface ViewHarness {
  store: LiveStore;
  clock: { now(): number; set(seconds: number): void };
  operator: ReturnType<typeof liveOperator>;
  interrupts: number;
  feed(events: readonly RunEvent[]): Promise<string>;
  frame(): Promise<string>;
  press(input: string): Promise<string>;
  unmount(): void;
  frames: string[];
}

/** Lets React commit and ink draw. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function renderView(options: { columns?: number; rows?: number; style?: Style; header?: Partial<HeaderOptions> } = {}): ViewHarness {
  let now = T0;
  const store = new LiveStore(options.columns ?? 80, options.rows);
  const clock = { now: () => now, set: (seconds: number) => void (now = T0 + seconds * 1000) };
  const harness = {
    store,
    clock,
    operator: liveOperator(store),
    interrupts: 0,
  } as ViewHarness;
  const header: HeaderOptions = { runbook: 'shop-region-failover', dryRun: false, ...options.header };
  const instance = render(
    <LiveView
      store={store}
      clock={clock}
      options={header}
      style={options.style ?? plainStyle}
      by="alice"
      spinnerIntervalMs={0}
      onInterrupt={() => (harness.interrupts += 1)}
    />,
  );
  const frame = async () => {
    await flush();
    return instance.lastFrame() ?? '';
  };
  Object.assign(harness, {
    frame,
    frames: instance.frames,
    unmount: () => instance.unmount(),
    feed: async (events: readonly RunEvent[]) => {
      for (const event of events) store.apply(event);
      return frame();
    },
    press: async (input: string) => {
      instance.stdin.write(input);
      return frame();
    },
  });
  return harness;
}

/** Lines of a frame without trailing spaces (ink pads to the box width). */
export const lines = (frame: string) => frame.split('\n').map((line) => line.trimEnd());
