// Bundles the CLI into dist/ (see bundle-options.mjs for the two bundles and why), then writes the
// validate bundle's code cache by validating the shipped runbooks once, as `drctl validate runbooks/`.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { cacheFileOf, loadBundle } from '../bin/code-cache.cjs';
import { bundleOptions, validateBundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const VALIDATE_BUNDLE = `${root}dist/validate.cjs`;

rmSync(`${root}dist`, { recursive: true, force: true });
const shared = { sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
await build({ ...bundleOptions, ...shared, entryPoints: { cli: 'src/main.ts' }, outdir: 'dist' });
await build({ ...validateBundleOptions, ...shared, entryPoints: ['src/validate-main.ts'], outfile: VALIDATE_BUNDLE });
await writeValidateCodeCache();

/**
 * Runs the validate bundle on the shipped runbooks in this process (Node and its flags as `drctl` will
 * have them) and saves V8's code cache: after the run, it holds every function validating compiled.
 */
async function writeValidateCodeCache() {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const io = { stdout: quiet, stderr: quiet, stdin: Readable.from([]), env: { NO_COLOR: '1' }, cwd: root };
  const { exports, script } = loadBundle(VALIDATE_BUNDLE);
  const code = await exports.validateMain(['validate', 'runbooks/'], io);
  if (code === undefined) throw new Error('the validate bundle did not take `validate runbooks/`');
  writeFileSync(cacheFileOf(VALIDATE_BUNDLE), script.createCachedData());
}
