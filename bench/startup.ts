// Process start: what an on-call engineer, or CI on every runbook change, waits for before drctl says
// anything. The real binary, in rounds paired with `node -e 0` (the floor no Node CLI can go under): a
// shared machine's load moves from one second to the next, and a ratio to the floor measured in the same
// round cancels most of it. NODE_EXTRA_CA_CERTS is unset for every run: Node reads that bundle before
// running a line of drctl (~70 ms here), which would hide drctl's own cost.
import { figure, median, unmeasured, type Budget, type Figure } from './figure';
import { BIN, envWithout, timePaired, which, type Command, type PairedTimings } from './spawn';

const SECTION = 'process start (paired with node -e 0, NODE_EXTRA_CA_CERTS unset)';
const QUICK = { runs: 20, warmups: 2 };
// plan --sim and the AWS CLI take about a second each: fewer rounds keep the benchmark short.
const SLOW = { runs: 5, warmups: 1 };

// The budgets in DESIGN.md are absolute times on these machines, set when the floor was 58 ms: as ratios
// to the floor they hold however busy the machine is.
const ISSUE_FLOOR_MS = 58;
const ratioBudget = (ms: number): Budget => {
  const max = Math.round((ms / ISSUE_FLOOR_MS) * 100) / 100;
  return { max, text: `<= ${max.toFixed(2)}x (${ms} ms at a ${ISSUE_FLOOR_MS} ms floor)` };
};

interface Measured {
  id: string;
  label: string;
  /** Default: node, running the args (bin/drctl first). */
  command?: string;
  args: string[];
  note?: string;
  /** Budget for the ratio to the floor. */
  ratio?: Budget;
  /** Budget for the time over the floor. */
  overFloor?: Budget;
}

const QUICK_COMMANDS: Measured[] = [
  { id: 'version', label: 'drctl --version', args: [BIN, '--version'], ratio: ratioBudget(100) },
  { id: 'validate', label: 'drctl validate runbooks/', args: [BIN, 'validate', 'runbooks/'], ratio: ratioBudget(200) },
  { id: 'schema', label: 'drctl schema', args: [BIN, 'schema'], overFloor: { max: 20, text: '<= 20 ms over the floor' } },
];

export async function measureStartup(shopRunbook: string): Promise<Figure[]> {
  const env = envWithout('NODE_EXTRA_CA_CERTS');
  const floor: Command = { command: process.execPath, args: ['-e', '0'] };
  const aws = await which('aws');
  const slow: Measured[] = [
    { id: 'plan-sim', label: 'drctl plan shop-region-failover --sim', args: [BIN, 'plan', shopRunbook, '--sim'], note: 'no budget: starts the simulator and reads every resource (preflight + plans)' },
    ...(aws ? [{ id: 'aws-cli', label: 'aws --version (reference)', command: aws, args: ['--version'], note: `the AWS CLI at ${aws}, for comparison` }] : []),
  ];
  const figures: Figure[] = [];
  for (const [commands, repeat] of [[QUICK_COMMANDS, QUICK], [slow, SLOW]] as const) {
    const timings = timePaired(floor, commands.map((item) => ({ command: item.command ?? process.execPath, args: item.args })), { ...repeat, env });
    if (commands === QUICK_COMMANDS) figures.push(figure({ id: 'start.floor', section: SECTION, label: 'node -e 0 (the floor)', unit: 'ms', samples: timings.floor }));
    commands.forEach((item, index) => figures.push(...commandFigures(item, timings, index)));
  }
  if (!aws) figures.push(unmeasured({ id: 'start.aws-cli', section: SECTION, label: 'aws --version (reference)', unit: 'ms', note: 'the AWS CLI is not installed on this machine' }, 'reference'));
  return figures;
}

/** The command's wall time, and its ratio to (or time over) the floor of the same rounds. */
function commandFigures(item: Measured, timings: PairedTimings, index: number): Figure[] {
  const base = { id: `start.${item.id}`, section: SECTION, label: item.label, unit: 'ms' as const };
  const result = timings.commands[index];
  if (!result?.ok) return [unmeasured({ ...base, note: `${item.label} failed: ${result?.error ?? 'not run'}` })];
  const ratio = median(result.ratios);
  const wall = figure({ ...base, samples: result.samples, note: item.note ?? `${ratio.toFixed(2)}x the floor, ${Math.round(median(result.overFloor))} ms over it (medians of ${result.samples.length} rounds)` });
  if (item.ratio) return [wall, figure({ ...base, id: `${base.id}.ratio`, label: `${item.label} / floor`, unit: 'x', samples: result.ratios, budget: item.ratio })];
  if (item.overFloor) return [wall, figure({ ...base, id: `${base.id}.over-floor`, label: `${item.label} - floor`, samples: result.overFloor, budget: item.overFloor })];
  return [wall];
}
