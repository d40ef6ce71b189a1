// Bundles the CLI into dist/ (see bundle-options.mjs for how and why it is split into chunks).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { bundleOptions } from './bundle-options.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...bundleOptions,
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  sourcemap: 'linked',
  logLevel: 'warning',
});
