// `drctl validate <paths...>` has a root and a bundle of its own (src/validate-main.ts -> dist/validate.cjs),
// loaded with V8's code cache that the build writes (bin/code-cache.cjs). Users must not be able to tell:
// it answers exactly as the command line (src/main.ts) does; the cache is the build's, only ever read;
// and a bundle changed after its cache was written runs as changed, never the cached bytecode.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/core/io';
import { main } from '../../src/main';
import { VALID_RUNBOOK } from '../helpers/runbook-text';
import { drctl, ROOT, start } from '../e2e/drctl';

type ValidateMain = (argv: readonly string[], io?: CliIO) => Promise<number | undefined>;
interface Loaded {
  exports: { validateMain: ValidateMain };
  cacheRejected: boolean | undefined;
}
const { cacheFileOf, loadBundle } = createRequire(import.meta.url)('../../bin/code-cache.cjs') as { cacheFileOf: (file: string) => string; loadBundle: (file: string) => Loaded };
const BUNDLE = path.join(ROOT, 'dist/validate.cjs');

const dir = mkdtempSync(path.join(tmpdir(), 'drctl-validate-root-'));
writeFileSync(path.join(dir, 'good.yaml'), VALID_RUNBOOK);
writeFileSync(path.join(dir, 'bad.yaml'), VALID_RUNBOOK.replace('needs: [orders]', 'neds: [orders]').replace('rto: 5m', 'rto: 5 minutes'));
writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: drctl/v1\nkind: Runbook\nspec: [unclosed\n');

/** In-memory streams, as a CI job sees them (no terminal, no colour). */
function memoryStreams(cwd: string) {
  const written = { stdout: '', stderr: '' };
  const sink = (name: keyof typeof written) => new Writable({ write: (chunk: Buffer, _encoding, done) => ((written[name] += chunk.toString()), done()) });
  const io: CliIO = { stdout: sink('stdout'), stderr: sink('stderr'), stdin: Readable.from([]), env: { NO_COLOR: '1', CI: 'true' }, cwd };
  return { io, written };
}

/** Runs one root: what each stream got and the exit code. */
async function answer(root: (io: CliIO) => Promise<number | undefined>, cwd: string) {
  const { io, written } = memoryStreams(cwd);
  const code = await root(io);
  return { code, ...written };
}

describe('the validate root (dist/validate.cjs)', () => {
  const { validateMain } = loadBundle(BUNDLE).exports;

  it.each([
    [['validate', 'runbooks/'], ROOT],
    [['validate', 'runbooks/*.yaml'], ROOT],
    [['validate', 'good.yaml', 'bad.yaml', 'broken.yaml'], dir],
    [['validate', '-o', 'json', 'good.yaml', 'bad.yaml'], dir],
    [['validate', 'bad.yaml', '--output', 'junit'], dir],
    [['validate', 'missing.yaml'], dir],
    [['validate', 'nothing-*.yaml'], dir],
  ])('answers %j exactly as the command line does', async (argv, cwd) => {
    const bundled = await answer((io) => validateMain(argv, io), cwd);
    const commandLine = await answer((io) => main(argv, io), cwd);
    expect(bundled.code).toBeDefined();
    expect(bundled).toEqual(commandLine);
  }, 60_000);

  it('`drctl validate runbooks/ | head -1`: a reader that goes away drops the output, no crash, exit 0', async () => {
    const run = start(['validate', 'runbooks/']);
    run.closeStdout();
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each([[['validate']], [['validate', '--help']], [['validate', 'runbooks/', '--no-such-flag']], [['validate', 'runbooks/', '-o']], [['plan', 'runbooks/']]])(
    'leaves %j to the command line, which words usage',
    async (argv) => {
      const { io, written } = memoryStreams(ROOT);
      expect(await validateMain(argv, io)).toBeUndefined();
      expect(written).toEqual({ stdout: '', stderr: '' });
    },
  );
});

describe("the validate bundle's code cache", () => {
  it('is written by the build and accepted by the Node that built it', () => {
    expect(statSync(cacheFileOf(BUNDLE)).size).toBeGreaterThan(0);
    expect(loadBundle(BUNDLE).cacheRejected).toBe(false);
  });

  it('is only read at run time: validating writes nothing beside the bundle', async () => {
    const before = readdirSync(path.dirname(BUNDLE)).map((file) => [file, statSync(path.join(path.dirname(BUNDLE), file)).mtimeMs]);
    const result = await drctl(['validate', 'runbooks/']);
    expect(result.code).toBe(0);
    expect(readdirSync(path.dirname(BUNDLE)).map((file) => [file, statSync(path.join(path.dirname(BUNDLE), file)).mtimeMs])).toEqual(before);
  });

  it('is not given to a bundle changed after it was written, even one of the same length (V8 checks only the length)', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'drctl-code-cache-'));
    const bundle = path.join(copy, 'validate.cjs');
    copyFileSync(cacheFileOf(BUNDLE), cacheFileOf(bundle));
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).toContain('} valid`');
    writeFileSync(bundle, source.replace('} valid`', '} VALID`'));
    const written = statSync(cacheFileOf(bundle)).mtime;
    utimesSync(bundle, written, new Date(written.getTime() + 1_000));
    const loaded = loadBundle(bundle);
    expect(loaded.cacheRejected).toBeUndefined();
    const result = await answer((io) => loaded.exports.validateMain(['validate', 'runbooks/'], io), ROOT);
    expect(result.stdout).toContain('runbooks VALID');
  });
});
