// Drill records: every `drctl drill` leaves <journal-dir>/drills/<drill-id>/drill.json beside its
// reports, holding the figures of each run (the failover, and the failback when there was one). The
// history is those files in time order; one unreadable record is listed, never fatal.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunOutcome } from '../core/events';
import type { ReportFacts, Verdict, VerificationFact } from './facts-types';

export const DRILL_SCHEMA = 'drctl.drill/v1';
export const DRILL_FILE = 'drill.json';

export interface DrillRunRecord {
  role: 'failover' | 'failback';
  runId: string;
  runbook: string;
  file: string;
  inputs: Record<string, unknown>;
  outcome?: RunOutcome;
  /** Run time (simulated time under --sim). */
  startedAt?: number;
  finishedAt?: number;
  rtoMs?: number;
  rtoObjectiveMs?: number;
  rtoVerdict: Verdict;
  rpoMs?: number;
  rpoStatus: ReportFacts['rpo']['status'];
  rpoObjectiveMs?: number;
  rpoVerdict: Verdict;
  objectivesMet: boolean;
  /** The end state read back after the run; undefined when not checked. */
  verified?: boolean;
  verification: VerificationFact[];
  /** Report files, relative to the drill's directory, by format. */
  reports: Record<string, string>;
}

export interface DrillRecord {
  schema: typeof DRILL_SCHEMA;
  drillId: string;
  runbook: string;
  file: string;
  /** Against the simulator (true) or real AWS. */
  simulated: boolean;
  /** Wall-clock time the drill started: simulated runs may all share one simulated date. */
  startedAt: number;
  finishedAt: number;
  /** passed: every run succeeded, verified and met its objectives. */
  result: 'passed' | 'objectives-missed' | 'failed' | 'aborted';
  exitCode: number;
  runs: DrillRunRecord[];
}

export function drillsDir(journalDir: string): string {
  return path.join(journalDir, 'drills');
}

export function drillDir(journalDir: string, drillId: string): string {
  return path.join(drillsDir(journalDir), drillId);
}

/** The figures of one run, from its report facts. */
export function runRecord(role: DrillRunRecord['role'], facts: ReportFacts, reports: Record<string, string>): DrillRunRecord {
  const verification = facts.verification ?? [];
  return {
    role,
    runId: facts.run.runId,
    runbook: facts.run.runbook,
    file: facts.run.file,
    inputs: facts.run.inputs,
    outcome: facts.run.outcome,
    startedAt: facts.run.startedAt,
    finishedAt: facts.run.finishedAt,
    rtoMs: facts.rto.valueMs,
    rtoObjectiveMs: facts.rto.objectiveMs,
    rtoVerdict: facts.rto.verdict,
    rpoMs: facts.rpo.valueMs,
    rpoStatus: facts.rpo.status,
    rpoObjectiveMs: facts.rpo.objectiveMs,
    rpoVerdict: facts.rpo.verdict,
    objectivesMet: facts.objectivesMet,
    verified: facts.verification === undefined ? undefined : verification.every((check) => check.ok),
    verification,
    reports,
  };
}

export async function writeDrillRecord(journalDir: string, record: DrillRecord): Promise<string> {
  const dir = drillDir(journalDir, record.drillId);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, DRILL_FILE);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

function isDrillRecord(value: unknown): value is DrillRecord {
  const record = value as Partial<DrillRecord> | null;
  return record?.schema === DRILL_SCHEMA && typeof record.drillId === 'string' && typeof record.startedAt === 'number' && Array.isArray(record.runs);
}

export interface DrillHistory {
  /** Oldest first. */
  records: DrillRecord[];
  /** Drill directories whose record is missing or damaged. */
  unreadable: string[];
}

export async function readDrillHistory(journalDir: string): Promise<DrillHistory> {
  const entries = await readdir(drillsDir(journalDir), { withFileTypes: true }).catch(() => []);
  const history: DrillHistory = { records: [], unreadable: [] };
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    try {
      const value: unknown = JSON.parse(await readFile(path.join(drillsDir(journalDir), entry.name, DRILL_FILE), 'utf8'));
      if (isDrillRecord(value)) history.records.push(value);
      else history.unreadable.push(entry.name);
    } catch {
      history.unreadable.push(entry.name);
    }
  }
  history.records.sort((a, b) => a.startedAt - b.startedAt || a.drillId.localeCompare(b.drillId));
  history.unreadable.sort();
  return history;
}
