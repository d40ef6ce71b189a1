// Where runs live on disk:
//   <journalDir>/runs/<run-id>/journal.jsonl   every event, one JSON object per line
//   <journalDir>/runs/<run-id>/runbook.json    the runbook as it was started (resume runs exactly that)
//   <journalDir>/locks/<runbook-name>.lock     who is running this runbook now
import path from 'node:path';
import { DrctlError } from '../core/errors';

export const JOURNAL_FILE = 'journal.jsonl';
export const SNAPSHOT_FILE = 'runbook.json';

export function runsDir(journalDir: string): string {
  return path.join(journalDir, 'runs');
}

export function runDir(journalDir: string, runId: string): string {
  return path.join(runsDir(journalDir), checkRunId(runId));
}

export function journalPath(journalDir: string, runId: string): string {
  return path.join(runDir(journalDir, runId), JOURNAL_FILE);
}

export function snapshotPath(journalDir: string, runId: string): string {
  return path.join(runDir(journalDir, runId), SNAPSHOT_FILE);
}

export function lockPath(journalDir: string, runbookName: string): string {
  return path.join(journalDir, 'locks', `${runbookName.replace(/[^A-Za-z0-9_-]/g, '_')}.lock`);
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A run id names a directory: refuse anything that could step outside runs/. */
export function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId) || runId.includes('..')) {
    throw new DrctlError('journal.bad-run-id', `"${runId}" is not a run id`, 'Run ids look like 20250301-031500-shop-failover-7f3a; see .drctl/runs/.');
  }
  return runId;
}

/** Sortable and readable: UTC time, runbook name, and a random suffix for runs in the same second. */
export function newRunId(now: number, runbookName: string, random: () => number = Math.random): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `${stamp}-${runbookName}-${suffix}`;
}

/** Whether a run id (newRunId) can belong to this runbook: a cheap look before its journal is read. */
export function mayBeRunOf(runId: string, runbookName: string): boolean {
  return runId.includes(`-${runbookName}-`);
}
