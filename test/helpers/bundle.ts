// Bundles entry points in memory with the shipped settings, for tests of what each chunk loads.
import { build, type BuildResult } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle-options.mjs';

export function bundleInMemory(entryPoints: Record<string, string>): Promise<BuildResult<{ write: false; metafile: true }>> {
  return build({ ...bundleOptions, entryPoints, outdir: 'out', write: false, metafile: true, logLevel: 'silent' });
}
