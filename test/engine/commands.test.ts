// The run, plan, resume and rollback commands end to end in process: a real runbook from runbooks/, the
// stateful fake AWS behind a mocked aws-context, a virtual clock, and a real journal in a temp directory.
import { actionCatalogue } from '../../src/actions/catalogue';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/core/io';
import type { Clock } from '../../src/core/clock';
import { acquireRunLock, readLockHolder } from '../../src/journal/lock';
import { listRuns, readJournal } from '../../src/journal/reader';
import { FakeAws } from '../helpers/fake-aws';
import { FakeClock } from '../helpers/fake-clock';
import { fakeShop } from '../helpers/fake-shop';
import { optionsFor } from '../helpers/options';
import { createOutput } from '../../src/ui/output';
import { TickingClock } from '../helpers/ticking-clock';

const world = vi.hoisted(() => ({ current: undefined as undefined | { aws: FakeAws; clock: Clock }, readOnly: [] as boolean[] }));

vi.mock('../../commands/aws-context', () => ({
  openAwsContext: async (options: { readOnly: boolean }) => {
    world.readOnly.push(options.readOnly);
    const current = world.current!;
    return { ports: current.aws, clock: current.clock, simulated: true, close: async () => undefined };
  },
}));

const RUNBOOK = path.join(__dirname, '../../runbooks/aurora-global-failover.yaml');

let dir: string;
let out: string;
let err: string;

function memoryIO(): CliIO {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  return { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: dir };
}

/** What the composition root hands a command, with the output host in the format asked for. */
function context(format = 'text') {
  const io = memoryIO();
  return { io, actions: actionCatalogue, output: createOutput(io, format) };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drctl-cmd-'));
  writeFileSync(path.join(dir, 'orders.yaml'), readFileSync(RUNBOOK, 'utf8'));
  out = '';
  err = '';
  const shop = fakeShop({ defaultRegion: 'us-east-1' });
  // The fake's metric series are dated on its own clock; start there.
  world.current = { aws: shop.aws, clock: new TickingClock(shop.aws, shop.clock.now()) };
  world.readOnly = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Loaded after the mock is in place.
const commands = async () => ({ ...(await import('../../commands/run')), ...(await import('../../commands/resume')), ...(await import('../../commands/rollback')), ...(await import('../../commands/plan')) });

describe('run, plan, resume, rollback commands', () => {
  it('refuses a mutating run without a terminal or --yes, before touching anything', async () => {
    const { runCommand } = await commands();
    await expect(runCommand('orders.yaml', optionsFor('run', {}), context())).rejects.toMatchObject({ code: 'cli.needs-yes', exitCode: 2 });
    await expect(runCommand('orders.yaml', optionsFor('run', { step: true, yes: true }), context())).rejects.toMatchObject({ code: 'cli.needs-tty' });
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
    expect(world.readOnly).toEqual([]);
  });

  it('runs a shipped runbook with --yes: journal, snapshot, plain lines and a summary; the lock is released', async () => {
    const { runCommand } = await commands();
    const code = await runCommand('orders.yaml', optionsFor('run', { yes: true }), context());
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('approved by --yes');
    expect(out).toContain('call rds SwitchoverGlobalCluster in us-east-1 (intent journaled)');
    expect(out).toMatch(/Summary of aurora-global-failover/);
    expect(out).toMatch(/succeeded, elapsed .* of RTO 3m0s|succeeded, elapsed .* of RTO 3m/);
    const [run] = await listRuns(path.join(dir, '.drctl'));
    expect(run).toMatchObject({ runbook: 'aurora-global-failover', outcome: 'succeeded' });
    const { events } = await readJournal(path.join(dir, '.drctl'), run!.runId);
    expect(events.filter((event) => event.type === 'api.call').length).toBe(0); // the fake reports no calls
    expect(events.map((event) => event.type)).toContain('step.intent');
    expect(await readLockHolder(path.join(dir, '.drctl'), 'aurora-global-failover')).toBeUndefined();
    expect(world.current!.aws.callsTo('SwitchoverGlobalCluster')).toHaveLength(1);
    expect(world.readOnly).toEqual([false]);
  });

  it('writes JSON lines with --output json, ending with the summary', async () => {
    const { runCommand } = await commands();
    expect(await runCommand('orders.yaml', optionsFor('run', { yes: true }), context('json'))).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]?.type).toBe('run.started');
    expect(lines.at(-2)?.type).toBe('run.finished');
    expect(lines.at(-1)?.type).toBe('run.summary');
  });

  it('stops a second run of the same runbook while the first holds the lock', async () => {
    const { runCommand } = await commands();
    const held = await acquireRunLock(path.join(dir, '.drctl'), 'aurora-global-failover', 'other');
    await expect(runCommand('orders.yaml', optionsFor('run', { yes: true }), context())).rejects.toMatchObject({ code: 'engine.locked' });
    expect(world.current!.aws.mutatingCalls()).toEqual([]);
    await held.release();
  });

  it('Ctrl-C stops cleanly (exit 3); resume finishes without a second switchover; resume again has nothing to do', async () => {
    const { runCommand, resumeCommand } = await commands();
    (world.current!.clock as FakeClock).at(6_000, () => process.emit('SIGINT'));
    expect(await runCommand('orders.yaml', optionsFor('run', { yes: true }), context())).toBe(3);
    expect(out).toContain('stopping: no new calls');
    const [run] = await listRuns(path.join(dir, '.drctl'));
    expect(out).toContain(`drctl resume ${run!.runId}`);
    expect(await resumeCommand(run!.runId, optionsFor('resume', { yes: true }), context())).toBe(0);
    expect(world.current!.aws.callsTo('SwitchoverGlobalCluster')).toHaveLength(1);
    out = '';
    expect(await resumeCommand(run!.runId, optionsFor('resume', { yes: true }), context())).toBe(0);
    expect(err).toContain('Nothing to do: this run already succeeded');
  });

  // A new run after an interrupted one used to start afresh without a word about the run left behind.
  it('a new run of a runbook whose last run did not finish is refused without a terminal, naming that run and drctl resume', async () => {
    const { runCommand } = await commands();
    (world.current!.clock as FakeClock).at(6_000, () => process.emit('SIGINT'));
    expect(await runCommand('orders.yaml', optionsFor('run', { yes: true }), context())).toBe(3);
    const [stopped] = await listRuns(path.join(dir, '.drctl'));
    const again = runCommand('orders.yaml', optionsFor('run', { yes: true }), context());
    await expect(again).rejects.toMatchObject({ code: 'engine.unfinished-run', exitCode: 2 });
    await expect(runCommand('orders.yaml', optionsFor('run', { yes: true }), context())).rejects.toThrowError(new RegExp(`${stopped!.runId}, did not finish`));
    expect(await listRuns(path.join(dir, '.drctl'))).toHaveLength(1);
    expect(world.current!.aws.callsTo('SwitchoverGlobalCluster')).toHaveLength(1);
    // Asked for explicitly, a new run starts from the state AWS is in now (the switchover left under way:
    // its preflight says so and it changes nothing).
    out = '';
    expect(await runCommand('orders.yaml', optionsFor('run', { yes: true, ignoreUnfinished: true }), context())).toBe(1);
    expect(out).toMatch(/FAIL preflight available orders-db: .*switchover .*is under way/);
    expect(await listRuns(path.join(dir, '.drctl'))).toHaveLength(2);
    expect(world.current!.aws.callsTo('SwitchoverGlobalCluster')).toHaveLength(1);
  });

  it('taking over the lock of a process that is gone names its run and drctl resume', async () => {
    const { runCommand } = await commands();
    await acquireRunLock(path.join(dir, '.drctl'), 'aurora-global-failover', 'run-that-crashed', { pid: 2 ** 22 + 12_345, heartbeatMs: 3_600_000 });
    expect(await runCommand('orders.yaml', optionsFor('run', { yes: true }), context())).toBe(0);
    expect(err).toContain('took over the lock of run run-that-crashed');
    expect(err).toContain('`drctl resume run-that-crashed` continues it');
  });

  it('plans without changing anything, with read-only ports and no journal', async () => {
    const { planCommand, runCommand } = await commands();
    expect(await planCommand('orders.yaml', optionsFor('plan', { inputs: ['to=us-west-2'] }), context())).toBe(0);
    expect(out).toContain('call rds SwitchoverGlobalCluster in us-east-1');
    expect(out).toContain('Critical path:');
    expect(out).toContain('known after apply');
    expect(world.current!.aws.mutatingCalls()).toEqual([]);
    expect(existsSync(path.join(dir, '.drctl'))).toBe(false);
    out = '';
    expect(await runCommand('orders.yaml', optionsFor('run', { dryRun: true }), context('json'))).toBe(0);
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toMatchObject({ type: 'plan.result', ok: true });
    expect(world.readOnly).toEqual([true, true]);
  });

  it('rollback refuses a runbook without rollback steps; resume names a missing run', async () => {
    const { runCommand, rollbackCommand, resumeCommand } = await commands();
    await runCommand('orders.yaml', optionsFor('run', { yes: true }), context());
    const [run] = await listRuns(path.join(dir, '.drctl'));
    await expect(rollbackCommand(run!.runId, optionsFor('rollback', { yes: true }), context())).rejects.toMatchObject({ code: 'engine.no-rollback-steps' });
    await expect(resumeCommand('20250101-000000-nope-0000', optionsFor('resume', {}), context())).rejects.toMatchObject({ code: 'journal.not-found' });
  });
});
