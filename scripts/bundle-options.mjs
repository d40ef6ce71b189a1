// How drctl is bundled, shared by scripts/build.mjs and the tests that check what each chunk loads
// (test/aws/bundle.test.ts, test/ui/no-ink.test.ts, test/cli/startup-bundle.test.ts), so those tests see
// exactly the shipped bundle. Two bundles:
// - the command line (src/main.ts -> dist/cli.js), ES modules with code splitting: every dynamic import()
//   is its own chunk, so ink and each AWS SDK client are loaded by the commands that use them;
// - `drctl validate` as CI runs it (src/validate-main.ts -> dist/validate.cjs), one CommonJS file, which
//   bin/drctl loads with V8's code cache (bin/code-cache.cjs; ES modules cannot take one on Node 20).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// zod bundles ~50 translations of its messages (about 370 KB) behind its `locales` export. drctl never
// shows zod's wording (src/runbook/schema-problems.ts words every problem itself) and only ever uses
// English, so the bundle gets the English locale alone: less to parse on every `drctl validate`.
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: args.importer, namespace: 'zod-locales' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: new URL('../node_modules/zod/v4/locales/', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

/**
 * Rewrites one exact piece of a dependency's source as it is bundled, and fails the build when the piece
 * is not there any more (after an upgrade), so a patch never silently stops applying.
 */
function patchDependency(name, file, from, to) {
  return {
    name,
    setup(builder) {
      builder.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(from)) throw new Error(`${name}: ${args.path} no longer contains the code this patch replaces; review the patch`);
        return { contents: source.replace(from, to), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

// commander requires child_process (which loads net, dgram and more) on every command, only to spawn
// git-style executable subcommands, which drctl has none of: load it if it is ever needed.
const commanderWithoutChildProcess = patchDependency(
  'commander-without-child-process',
  /\/node_modules\/commander\/lib\/command\.js$/,
  "const childProcess = require('node:child_process');",
  "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
);

// fdir (under tinyglobby) looks for picomatch with a run-time require, which loads a second copy from
// node_modules beside the one bundled for tinyglobby: hand it the bundled one.
const fdirWithBundledPicomatch = patchDependency(
  'fdir-with-bundled-picomatch',
  /\/node_modules\/fdir\/dist\/index\.mjs$/,
  'try {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}',
  'import __drctlPicomatch from "picomatch";\npm = __drctlPicomatch;',
);

/** esbuild options of the command line, without entry points or output: the caller adds those. */
export const bundleOptions = {
  plugins: [englishZodLocalesOnly, commanderWithoutChildProcess, fdirWithBundledPicomatch],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  legalComments: 'none',
  // ink probes for react-devtools-core only when DEV=true; never bundle it.
  external: ['react-devtools-core'],
  banner: {
    // Some CommonJS dependencies (the AWS SDK) call require(); give the ESM bundle one.
    js: "import { createRequire as __drctlCreateRequire } from 'node:module'; const require = __drctlCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
};

// The validate bundle never draws a live view: ink stays out of it (its top-level await cannot be
// CommonJS either). Output.runReporter's import of the live view gets a module that says so if reached.
const noLiveView = {
  name: 'no-live-view',
  setup(builder) {
    builder.onResolve({ filter: /\/live-reporter$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'no-live-view' } : undefined));
    builder.onLoad({ filter: /.*/, namespace: 'no-live-view' }, () => ({
      contents: "throw new Error('the live view is not part of the validate bundle (scripts/bundle-options.mjs)');",
      loader: 'js',
    }));
  },
};

/**
 * esbuild options of the validate bundle (src/validate-main.ts): one CommonJS file. What it imports
 * dynamically (the rest of validate after the command line is read, the yaml library, the glob library,
 * the simulator's world loader) is inlined but initialized only when first imported.
 */
export const validateBundleOptions = {
  ...bundleOptions,
  plugins: [englishZodLocalesOnly, fdirWithBundledPicomatch, noLiveView],
  splitting: false,
  format: 'cjs',
  // import.meta is empty in CommonJS: fdir (the glob library's walker) calls createRequire(import.meta.url).
  banner: { js: 'const __drctlImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { ...bundleOptions.define, 'import.meta.url': '__drctlImportMetaUrl' },
};
