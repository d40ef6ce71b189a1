// The drill history as rows: one per run of each drill, oldest first, with the change since the previous
// drill of the same runbook and role, so drift shows as a number and not only as a picture.
import type { DrillRecord, DrillRunRecord } from './history';

export interface HistoryRow {
  drill: DrillRecord;
  run: DrillRunRecord;
  /** "shop-region-failover (failover)": what is compared over time. */
  series: string;
  rtoDeltaMs?: number;
  rpoDeltaMs?: number;
}

export function seriesOf(run: DrillRunRecord): string {
  return `${run.runbook} (${run.role})`;
}

const delta = (now: number | undefined, then: number | undefined) => (now === undefined || then === undefined ? undefined : now - then);

/** The RPO when it was measured in full (an unknown one holds a lower bound at most). */
export function knownRpo(run: DrillRunRecord): number | undefined {
  return run.rpoStatus === 'unknown' ? undefined : run.rpoMs;
}

export function historyRows(records: readonly DrillRecord[], runbook?: string): HistoryRow[] {
  const previous = new Map<string, DrillRunRecord>();
  const rows: HistoryRow[] = [];
  for (const drill of records) {
    for (const run of drill.runs) {
      if (runbook !== undefined && run.runbook !== runbook && drill.runbook !== runbook) continue;
      const series = seriesOf(run);
      const before = previous.get(series);
      rows.push({ drill, run, series, rtoDeltaMs: delta(run.rtoMs, before?.rtoMs), rpoDeltaMs: delta(knownRpo(run), before && knownRpo(before)) });
      previous.set(series, run);
    }
  }
  return rows;
}

export function groupBySeries(rows: readonly HistoryRow[]): Map<string, HistoryRow[]> {
  const groups = new Map<string, HistoryRow[]>();
  for (const row of rows) groups.set(row.series, [...(groups.get(row.series) ?? []), row]);
  return groups;
}

/** What one run came to, in a word. */
export function resultWord(run: DrillRunRecord): string {
  if (run.outcome !== 'succeeded') return run.outcome ?? 'unfinished';
  if (run.verified === false) return 'end state wrong';
  return run.objectivesMet ? 'met' : 'MISSED';
}
