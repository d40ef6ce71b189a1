// One measured figure: a row of the table and an entry of the JSON. Several runs are summarised as median,
// min and max; a budget (from DESIGN.md "Budgets") gives the verdict, and a figure without one is shown
// for reference only. Verdicts never fail the benchmark: it prints figures, it does not gate.

export type Unit = 'ms' | 's' | 'MB' | 'x' | '/min' | 'calls';

export interface Budget {
  /** The figure's median must be at or below this, in the figure's unit. */
  max: number;
  /** How the budget reads in the table, e.g. "< 100 ms". */
  text: string;
}

export type Verdict = 'met' | 'missed' | 'reference' | 'failed';

export interface Figure {
  /** Stable key for comparing two JSON outputs, e.g. "start.version". */
  id: string;
  section: string;
  label: string;
  unit: Unit;
  median: number;
  min: number;
  max: number;
  /** How many runs (or samples) the median is taken over. */
  runs: number;
  budget?: Budget;
  verdict: Verdict;
  /** One short line shown under the table: what the figure is made of, or why it was not measured. */
  note?: string;
}

export interface FigureInput {
  id: string;
  section: string;
  label: string;
  unit: Unit;
  samples: readonly number[];
  budget?: Budget;
  note?: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank on sorted values, interpolating between the two neighbours (the median of 2 is their mean). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export function figure(input: FigureInput): Figure {
  const { samples, ...rest } = input;
  if (samples.length === 0) return { ...rest, median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0, verdict: 'failed' };
  const mid = median(samples);
  const verdict: Verdict = input.budget === undefined ? 'reference' : mid <= input.budget.max ? 'met' : 'missed';
  return { ...rest, median: mid, min: Math.min(...samples), max: Math.max(...samples), runs: samples.length, verdict };
}

/** A figure that could not be measured (a command failed, a tool is missing): kept in the table with why. */
export function unmeasured(input: Omit<FigureInput, 'samples'> & { note: string }, verdict: Verdict = 'failed'): Figure {
  return { ...input, median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0, verdict };
}
