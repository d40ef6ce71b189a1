// The spinner frame, advanced on a real-time interval. The interval is also what redraws the clocks
// (which read the run's injected clock), so a still view (interval 0) is fully deterministic in tests.
import { useEffect, useState } from 'react';

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export function useSpinner(intervalMs: number, running: boolean): string {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (intervalMs <= 0 || !running) return undefined;
    const timer = setInterval(() => setTick((value) => value + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return SPINNER_FRAMES[tick % SPINNER_FRAMES.length] ?? '⠋';
}
