// `npm run soak [-- --trials 50 --seed 1 --time-scale 30]`: the crash soak's long form. Prints one line
// per trial and the totals; exits 1 when any change was sent twice or any end state is wrong. The README
// quotes its figures. Expects dist/ to be built (the npm script builds it first).
import { parseArgs } from 'node:util';
import { stopAll } from './processes';
import { runSoak, trialLine } from './soak';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '50' },
    seed: { type: 'string' },
    'time-scale': { type: 'string', default: '30' },
  },
});
const trials = Number(values.trials);
const seed = values.seed === undefined ? Date.now() % 100_000 : Number(values.seed);
const timeScale = Number(values['time-scale']);
if (!Number.isInteger(trials) || trials < 1 || !Number.isFinite(seed) || !(timeScale > 0)) {
  process.stderr.write('usage: npm run soak -- [--trials 50] [--seed n] [--time-scale 30]\n');
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

process.stdout.write(`drctl soak: ${trials} trials of the shop failover, SIGKILL at random moments, seed ${seed}, world x${timeScale}\n`);
const report = await runSoak({ trials, seed, timeScale, onTrial: (result) => process.stdout.write(`${trialLine(result)}\n`) });
process.stdout.write(
  [
    '',
    `trials:                      ${report.trials}`,
    `kills (SIGKILL):             ${report.kills}`,
    `drctl sessions:              ${report.sessions}`,
    `runs completed on resume:    ${report.completedOnResume}`,
    `duplicated mutating calls:   ${report.duplicatedMutatingCalls}`,
    `wrong end states:            ${report.wrongEndStates}`,
    `wall time:                   ${(report.wallMs / 1000).toFixed(0)} s`,
    '',
  ].join('\n'),
);
process.exitCode = report.duplicatedMutatingCalls === 0 && report.wrongEndStates === 0 ? 0 : 1;
