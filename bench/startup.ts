// Process start: what an on-call engineer waits for before drctl says anything. Each command is the real
// binary run N times after warm-ups. This machine sets NODE_EXTRA_CA_CERTS globally, and Node reads that
// bundle before running a line of drctl, so the quick commands are measured with and without it, beside
// `node -e 0` (the floor no Node CLI can go under) and the AWS CLI (what engineers compare us with).
import { figure, unmeasured, type Budget, type Figure } from './figure';
import { BIN, envWithout, timeRepeatedly, which } from './spawn';

const SECTION = 'process start';
const QUICK = { runs: 15, warmups: 2 };
// plan --sim and the AWS CLI take about a second each: fewer runs keep the benchmark short.
const SLOW = { runs: 7, warmups: 1 };
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';

interface Measured {
  id: string;
  label: string;
  command: string;
  args: string[];
  repeat: { runs: number; warmups: number };
  env?: NodeJS.ProcessEnv;
  budget?: Budget;
  note?: string;
}

export async function measureStartup(shopRunbook: string): Promise<Figure[]> {
  const node = process.execPath;
  const caSet = process.env[CA_VARIABLE] !== undefined;
  const withoutCa = envWithout(CA_VARIABLE);
  const caNote = caSet ? `${CA_VARIABLE} unset` : `${CA_VARIABLE} is not set here, same as above`;
  const version: Budget = { max: 100, text: '< 100 ms' };
  const validate: Budget = { max: 200, text: '< 200 ms' };
  const list: Measured[] = [
    { id: 'start.node-floor', label: 'node -e 0 (floor)', command: node, args: ['-e', '0'], repeat: QUICK },
    { id: 'start.node-floor-no-ca', label: `node -e 0, ${caNote}`, command: node, args: ['-e', '0'], repeat: QUICK, env: withoutCa },
    { id: 'start.version', label: 'drctl --version', command: node, args: [BIN, '--version'], repeat: QUICK, budget: version },
    { id: 'start.version-no-ca', label: `drctl --version, ${caNote}`, command: node, args: [BIN, '--version'], repeat: QUICK, env: withoutCa, budget: version },
    { id: 'start.validate', label: 'drctl validate runbooks/', command: node, args: [BIN, 'validate', 'runbooks/'], repeat: QUICK, budget: validate },
    { id: 'start.validate-no-ca', label: `drctl validate runbooks/, ${caNote}`, command: node, args: [BIN, 'validate', 'runbooks/'], repeat: QUICK, env: withoutCa, budget: validate },
    { id: 'start.plan-sim', label: 'drctl plan shop-region-failover --sim', command: node, args: [BIN, 'plan', shopRunbook, '--sim'], repeat: SLOW, note: 'no budget: starts the simulator and reads every resource (preflight + plans)' },
  ];
  const figures: Figure[] = [];
  for (const item of list) figures.push(await measure(item));
  figures.push(await measureAwsCli());
  return figures;
}

async function measure(item: Measured): Promise<Figure> {
  const timings = await timeRepeatedly(item.command, item.args, { ...item.repeat, env: item.env });
  const base = { id: item.id, section: SECTION, label: item.label, unit: 'ms' as const, budget: item.budget };
  if (!timings.ok) return unmeasured({ ...base, note: `${item.label} failed: ${timings.error}` });
  return figure({ ...base, samples: timings.samples, note: item.note });
}

async function measureAwsCli(): Promise<Figure> {
  const base = { id: 'start.aws-cli', section: SECTION, label: 'aws --version (reference)', unit: 'ms' as const };
  const aws = await which('aws');
  if (!aws) return unmeasured({ ...base, note: 'the AWS CLI is not installed on this machine' }, 'reference');
  const timings = await timeRepeatedly(aws, ['--version'], SLOW);
  if (!timings.ok) return unmeasured({ ...base, note: `aws --version failed: ${timings.error}` }, 'reference');
  return figure({ ...base, samples: timings.samples, note: `the AWS CLI at ${aws}, for comparison` });
}
