// The crash soak (`npm run soak`): trials of the shop failover killed with SIGKILL at random moments and
// resumed until done, against `drctl sim serve`. Each trial counts every change from the simulator's own
// request log (the one witness drctl cannot talk its way around) and reads the end state with the SDK.
// Seeded: a trial that fails can be replayed with its seed.
import { mulberry32 } from '../src/sim/random';
import { EXPECTED_CHANGES, runTrial, type TrialResult } from './trial';

export interface SoakOptions {
  trials: number;
  seed: number;
  /** The served world's time scale: every span it declares lasts 1/n as long. */
  timeScale: number;
  /** Kills land after at most this many lines of a session's output (default: most of a whole run). */
  maxKillLine?: number;
  onTrial?: (result: TrialResult) => void;
}

export interface SoakReport {
  trials: number;
  seed: number;
  kills: number;
  sessions: number;
  /** Trials whose run a `drctl resume` finished after a kill. */
  completedOnResume: number;
  /** Sends beyond the one each change needs, summed over trials (a change never sent counts too). */
  duplicatedMutatingCalls: number;
  wrongEndStates: number;
  wallMs: number;
  results: TrialResult[];
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const results: TrialResult[] = [];
  for (let trial = 1; trial <= options.trials; trial++) {
    const seed = options.seed + trial;
    const result = await runTrial(trial, seed, mulberry32(seed), options.timeScale, options.maxKillLine);
    results.push(result);
    options.onTrial?.(result);
  }
  return {
    trials: options.trials,
    seed: options.seed,
    kills: results.reduce((sum, result) => sum + result.kills, 0),
    sessions: results.reduce((sum, result) => sum + result.sessions.length, 0),
    completedOnResume: results.filter((result) => result.completedOnResume).length,
    duplicatedMutatingCalls: results.reduce((sum, result) => sum + extraSends(result.sent), 0),
    wrongEndStates: results.filter((result) => result.wrong.length > 0).length,
    wallMs: Date.now() - started,
    results,
  };
}

/** Sends beyond what each change needs (and a change never sent counts as one too many missing). */
function extraSends(sent: Record<string, number>): number {
  const expected = Object.entries(EXPECTED_CHANGES).reduce((sum, [change, times]) => sum + Math.abs((sent[change] ?? 0) - times), 0);
  const unexpected = Object.entries(sent).filter(([change]) => !(change in EXPECTED_CHANGES)).reduce((sum, [, count]) => sum + count, 0);
  return expected + unexpected;
}

export function trialLine(result: TrialResult): string {
  const verdict = result.duplicated.length === 0 && result.wrong.length === 0 ? 'ok' : 'FAIL';
  const problems = [...result.duplicated, ...result.wrong].join('; ');
  return `trial ${String(result.trial).padStart(3)} seed ${result.seed} ${verdict.padEnd(4)} ${(result.wallMs / 1000).toFixed(1).padStart(5)}s  ${result.sessions.join(' -> ')}${problems ? `  !! ${problems}` : ''}`;
}
