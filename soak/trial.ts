// One soak trial: a fresh `drctl sim serve` and journal, the shop failover started and killed with
// SIGKILL at random moments (one to three times, each after a random number of output lines plus a
// random delay), resumed until it finishes; then the simulator's request log says how often each
// change was sent, and the SDK reads the end state. Nothing here depends on how fast the machine is:
// a kill that comes after the session ended is simply no kill.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { endStateProblems } from './end-state';
import { ROOT, serve, session, type KillPlan, type SessionResult } from './processes';

export const SHOP = path.join(ROOT, 'runbooks/shop-region-failover.yaml');
/**
 * The changes of a planned shop failover and how many times each reaches the simulator: once each. The two
 * names in the private zone are two changes to one zone (the log names the zone): two sends, and the end
 * state shows each name moved, so each was sent exactly once.
 */
export const EXPECTED_CHANGES: Record<string, number> = {
  'SwitchoverGlobalCluster shop-orders': 1,
  'SwitchoverGlobalCluster shop-catalog': 1,
  'FailoverGlobalReplicationGroup ldgnf-shop-sessions': 1,
  'UpdateHealthCheck 5f1c8e0a-east-4a3b-9d2e-api000000001': 1,
  'ChangeResourceRecordSets Z0SHOPINTERNAL': 2,
};
// A whole run writes about 160 lines of JSON: kills land anywhere in it but its last lines.
export const MAX_KILL_LINE = 140;
const MAX_KILL_DELAY_MS = 250;
const MAX_SESSIONS = 12;

export interface TrialResult {
  trial: number;
  seed: number;
  kills: number;
  sessions: string[];
  /** How many times each change reached the simulator. */
  sent: Record<string, number>;
  /** Changes sent more than once (or never), in words. */
  duplicated: string[];
  /** What is wrong with the end state (empty when it is right), or why the trial could not finish. */
  wrong: string[];
  /** The run was finished by a `drctl resume` after a kill (not by its first session). */
  completedOnResume: boolean;
  wallMs: number;
}

export async function runTrial(trial: number, seed: number, random: () => number, timeScale: number, maxKillLine = MAX_KILL_LINE): Promise<TrialResult> {
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), `drctl-soak-${trial}-`));
  const requestLog = path.join(dir, 'requests.jsonl');
  const sim = await serve(SHOP, requestLog, timeScale, dir);
  const kills = 1 + Math.floor(random() * 3);
  const sessions: string[] = [];
  const wrong: string[] = [];
  let completedOnResume = false;
  try {
    const journalDir = path.join(dir, '.drctl');
    let runId: string | undefined;
    for (let index = 0; index < MAX_SESSIONS; index++) {
      const plan: KillPlan | undefined = index < kills ? { afterLines: 1 + Math.floor(random() * maxKillLine), delayMs: Math.floor(random() * MAX_KILL_DELAY_MS) } : undefined;
      const args = runId ? ['resume', runId] : ['run', SHOP];
      const result = await session([...args, '--yes', '--endpoint-url', sim.endpoint, '--journal-dir', journalDir], dir, plan);
      sessions.push(describe(result, plan));
      runId ??= await onlyRun(journalDir);
      if (result.killed) continue;
      if (result.code === 0 || result.code === 4) {
        completedOnResume = args[0] === 'resume';
        break;
      }
      // Killed before its first event was written: the run never got going; start it again.
      if (runId && /journal\.corrupt/.test(result.stderr) && /never got going/.test(result.stderr)) {
        await rm(path.join(journalDir, 'runs', runId), { recursive: true });
        runId = undefined;
        continue;
      }
      wrong.push(`${args[0]} exited ${result.code}: ${lastLines(result)}`);
      break;
    }
    const sent = await changesSent(requestLog);
    const duplicated = Object.entries(EXPECTED_CHANGES).filter(([change, times]) => (sent[change] ?? 0) !== times).map(([change, times]) => `${change} sent ${sent[change] ?? 0} times, not ${times}`);
    duplicated.push(...Object.keys(sent).filter((change) => !(change in EXPECTED_CHANGES)).map((change) => `unexpected ${change} sent ${sent[change]} times`));
    wrong.push(...(await endStateProblems(sim.endpoint)));
    return { trial, seed, kills: sessions.filter((line) => line.includes('killed')).length, sessions, sent, duplicated, wrong, completedOnResume, wallMs: Date.now() - started };
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function onlyRun(journalDir: string): Promise<string | undefined> {
  const runs = await readdir(path.join(journalDir, 'runs')).catch(() => []);
  return runs[0];
}

/** Every mutating request the simulator received, by operation and resource, from its own log. */
async function changesSent(requestLog: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const line of (await readFile(requestLog, 'utf8')).split('\n')) {
    if (!line) continue;
    const request = JSON.parse(line) as { operation: string; resource: string; mutating: boolean };
    if (!request.mutating) continue;
    const key = `${request.operation} ${request.resource}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function describe(result: SessionResult, plan: KillPlan | undefined): string {
  const what = result.args[0] ?? '?';
  const took = `${(result.wallMs / 1000).toFixed(1)}s`;
  return result.killed ? `${what} killed after ${result.lines} lines (+${plan?.delayMs ?? 0} ms, ${took})` : `${what} exited ${result.code} after ${result.lines} lines (${took})`;
}

function lastLines(result: SessionResult): string {
  return `${result.stderr.trim().split('\n').slice(-3).join(' | ')} ${result.stdout.trim().split('\n').slice(-1)[0] ?? ''}`.trim();
}
