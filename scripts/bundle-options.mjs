// How drctl is bundled, shared by scripts/build.mjs and the tests that check what each chunk loads
// (test/aws/bundle.test.ts, test/ui/no-ink.test.ts), so those tests see exactly the shipped bundle.
// Code splitting turns every dynamic import() into its own chunk: `drctl --version` loads only the entry,
// and ink and each AWS SDK client are loaded by the commands that use them.

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

/** esbuild options without entry points or output: the caller adds those. */
export const bundleOptions = {
  plugins: [englishZodLocalesOnly],
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
