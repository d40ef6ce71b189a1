// Bundles the CLI into dist/ with code splitting, so that `drctl --version` loads only the entry chunk
// and ink / the AWS SDK are loaded by the commands that use them (dynamic imports become chunks).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
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
