// Bundles the CLI into dist/ with code splitting, so that `drctl --version` loads only the entry chunk
// and ink / the AWS SDK are loaded by the commands that use them (dynamic imports become chunks).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// zod bundles ~50 translations of its messages (about 370 KB) behind its `locales` export. drctl never
// shows zod's wording (src/runbook/schema-problems.ts words every problem itself) and only ever uses
// English, so the bundle gets the English locale alone: less to parse on every `drctl validate`.
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: args.importer, namespace: 'zod-locales' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: new URL('../node_modules/zod/v4/locales/', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

await build({
  plugins: [englishZodLocalesOnly],
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  // ink probes for react-devtools-core only when DEV=true; never bundle it.
  external: ['react-devtools-core'],
  banner: {
    // Some CommonJS dependencies (the AWS SDK) call require(); give the ESM bundle one.
    js: "import { createRequire as __drctlCreateRequire } from 'node:module'; const require = __drctlCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
});
