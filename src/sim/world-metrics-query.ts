// GetMetricData's arithmetic: group a series' points into Period buckets aligned to the epoch and reduce
// each bucket with the statistic.
import { faults } from './sim-fault';
import type { MetricPoint, Series } from './world-metrics';

export interface StatQuery {
  periodSeconds: number;
  stat: string;
  start: number;
  end: number;
  now: number;
  descending: boolean;
}

function reduce(values: number[], stat: string): number {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((total, value) => total + value, 0);
  switch (stat) {
    case 'Maximum':
      return sorted[sorted.length - 1] ?? 0;
    case 'Minimum':
      return sorted[0] ?? 0;
    case 'Average':
      return sum / values.length;
    case 'Sum':
      return sum;
    case 'SampleCount':
      return values.length;
  }
  const percentile = /^p(\d+(?:\.\d+)?)$/.exec(stat);
  if (percentile) {
    const rank = Math.ceil((Number(percentile[1]) / 100) * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
  }
  throw faults.invalidParameterValue(`The value ${stat} for parameter MetricDataQueries.member.1.MetricStat.Stat is not valid.`);
}

export function queryStat(series: Series | undefined, query: StatQuery): { timestamps: number[]; values: number[] } {
  if (!(query.periodSeconds > 0)) {
    throw faults.invalidParameterValue('The parameter MetricDataQueries.member.1.MetricStat.Period must be greater than 0.');
  }
  reduce([0], query.stat);
  if (!series) return { timestamps: [], values: [] };
  const period = query.periodSeconds * 1000;
  const buckets = new Map<number, number[]>();
  for (const point of series.points(query.start, query.end, query.now) as MetricPoint[]) {
    const bucket = Math.floor(point.t / period) * period;
    const values = buckets.get(bucket) ?? [];
    values.push(point.v);
    buckets.set(bucket, values);
  }
  const timestamps = [...buckets.keys()].sort((a, b) => (query.descending ? b - a : a - b));
  return { timestamps, values: timestamps.map((t) => reduce(buckets.get(t) ?? [], query.stat)) };
}
