// The live view as a user sees it: the real binary runs a simulated shop failover inside a tmux pane (a
// real pseudo-terminal), and the test reads the screen. Also: with output piped, ink is never loaded.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, Pane } from '../status/e2e-helpers';
import { drctl, ROOT } from './drctl';

const RUNBOOK = path.join(ROOT, 'runbooks/shop-region-failover.yaml');

describe('the live view in a real terminal', () => {
  it.skipIf(!hasTmux)(
    `draws header, steps and summary for drctl run --sim in a 100x40 tmux pane${hasTmux ? '' : ' (SKIPPED: tmux is not installed)'}`,
    async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'drctl-live-'));
      const pane = new Pane(['run', RUNBOOK, '--sim', '--yes'], cwd, { columns: 100, rows: 40 });
      try {
        // While it runs: the live area, with its keys footer.
        await pane.waitFor(/Ctrl-C stop after calls in flight · Ctrl-C again to force/, 60_000);
        const screen = await pane.waitFor(/\[drctl exited \d+\]/, 60_000);
        const context = `final screen:\n${screen}`;
        expect(pane.exitCode(screen), context).toBe(0);
        // At the end: the header with the RTO clock, every step printed once, the summary.
        expect(screen, context).toContain('shop-region-failover · run · planned · us-east-1 -> us-west-2');
        expect(screen, context).toMatch(/took \S+ · RTO \S+ \/ 8m \(\d+%\)/);
        for (const step of ['approve', 'orders-switchover', 'catalog-switchover', 'sessions', 'drain-east', 'west-serving']) {
          expect(screen.split('\n').filter((line) => line.startsWith(`✓ ${step} `)), `${step}\n${context}`).toHaveLength(1);
        }
        expect(screen, context).toContain('Summary of shop-region-failover');
        expect(screen, context).toMatch(/succeeded, elapsed \S+ of RTO 8m/);
      } finally {
        pane.close();
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    90_000,
  );
});

describe('the live view in a real terminal says what is true', () => {
  it.skipIf(!hasTmux)(
    '--step: asks in words, shows the steps its inputs skip as such, marks a skip with a dash, and warns before a step that needs a skipped switchover',
    async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'drctl-step-'));
      const pane = new Pane(['run', RUNBOOK, '--sim', '--step'], cwd, { columns: 120, rows: 50 });
      try {
        // Before the approval is answered, the steps the inputs skip are already shown as skipped.
        let screen = await pane.waitFor(/type us-west-2 and press Enter/);
        expect(screen).toMatch(/- orders-failover +will be skipped: condition is false: inputs\.mode == 'unplanned'/);
        expect(screen).not.toMatch(/orders-failover +waits for/);
        pane.keys('us-west-2', 'Enter');
        screen = await pane.waitFor(/\? run step/);
        // Answer each question as it comes: skip the orders switchover, run the rest, until the DNS step asks.
        for (let asked = 0; asked < 6 && !/\? run step drain-east/.test(screen); asked++) {
          const question = /\? run step (\S+) \((\S+)\): (.*)\?/.exec(screen);
          expect(question, screen).not.toBeNull();
          expect(question?.[3]).not.toContain('{');
          expect(question?.[3]).not.toContain(question?.[2] ?? '');
          pane.keys(question?.[1] === 'orders-switchover' ? 's' : 'y');
          screen = await pane.waitFor(new RegExp(`\\? run step (?!${question?.[1] ?? ''} )`), 60_000);
        }
        expect(screen).toMatch(/\? run step drain-east \(route53\.invert-health-check\)/);
        expect(screen).toContain('! it depends on orders-switchover, which was skipped at a --step question: that change was not made');
        expect(screen).toContain('y run anyway');
        expect(screen).toMatch(/^- orders-switchover: skip \(answered by operator\)/m);
        expect(screen).not.toMatch(/✗ orders-switchover/);
        pane.keys('q');
        screen = await pane.waitFor(/\[drctl exited \d+\]/, 60_000);
        expect(pane.exitCode(screen)).toBe(3);
      } finally {
        pane.close();
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.skipIf(!hasTmux)(
    'Ctrl-C: counts the cancelled steps apart, and says the switchovers AWS accepted are still under way there',
    async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'drctl-ctrlc-'));
      // In real time, so the switchovers are still running when Ctrl-C arrives, however slow the machine.
      const pane = new Pane(['run', RUNBOOK, '--sim', '--yes', '--pace', '1'], cwd, { columns: 120, rows: 50 });
      try {
        await pane.waitFor(/shop-orders: pending us-east-1 -> us-west-2/);
        pane.keys('C-c');
        const screen = await pane.waitFor(/\[drctl exited \d+\]/, 60_000);
        expect(pane.exitCode(screen)).toBe(3);
        expect(screen).toMatch(/took \S+ · RTO .* · \d+\/\d+ done · \d+ cancelled/);
        expect(screen).not.toMatch(/(\d+)\/\1 finished/);
        expect(screen).toContain('its SwitchoverGlobalCluster was accepted and is still under way in AWS');
        expect(screen).toMatch(/still under way in AWS, though drctl stopped watching: .*orders-switchover \(SwitchoverGlobalCluster\)/);
      } finally {
        pane.close();
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('ink stays unloaded without a terminal', () => {
  it('a piped run loads no module of ink', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drctl-noink-'));
    const log = path.join(dir, 'loaded.txt');
    writeFileSync(log, '');
    // A module hook that writes down every file the process loads.
    writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    const result = await drctl(['run', RUNBOOK, '--sim', '--yes'], { cwd: dir, env: { NODE_OPTIONS: `--import ${path.join(dir, 'register.mjs')}` }, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    // The control: ink is in the bundle (a chunk of its own), so not finding it loaded means something.
    const chunks = readdirSync(path.join(ROOT, 'dist')).filter((file) => file.endsWith('.js'));
    // esbuild heads each bundled file with a "// <path>" comment.
    const holdsInk = (text: string) => /^\/\/ \S*node_modules\/ink\//m.test(text);
    const inkChunks = chunks.filter((file) => holdsInk(readFileSync(path.join(ROOT, 'dist', file), 'utf8')));
    expect(inkChunks.length, 'ink is not in dist/: the live view is not wired into the CLI (src/ui/output.ts)').toBeGreaterThan(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file://'));
    expect(loaded.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
    const inkFiles = loaded.filter((url) => /\/node_modules\/ink\//.test(url) || (url.includes('/dist/') && holdsInk(readFileSync(new URL(url), 'utf8'))));
    expect(inkFiles).toEqual([]);
  }, 90_000);
});
