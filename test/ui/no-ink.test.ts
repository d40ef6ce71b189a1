// ink and React cost ~110 ms to load even bundled, so only the live view may load them, and only on an
// interactive terminal. This walks the bundle's static import graph (what loads when a module loads,
// not what it may import() later) from each entry that plain or JSON output goes through.
import { existsSync } from 'node:fs';
import type { Metafile } from 'esbuild';
import { bundleInMemory } from '../helpers/bundle';
import { describe, expect, it } from 'vitest';

const ENTRIES = {
  cli: 'src/main.ts',
  plain: 'src/ui/plain-reporter.ts',
  json: 'src/ui/json-reporter.ts',
  output: 'src/ui/output.ts',
  prompt: 'src/ui/prompt.ts',
  run: 'commands/run.ts',
  live: 'src/ui/live-reporter.tsx',
};
const UI_PACKAGES = /(^|\/)node_modules\/(ink|react|react-reconciler|yoga-layout)\//;
const INK = /(^|\/)node_modules\/ink\//;
const isDependency = (file: string) => /(^|\/)node_modules\//.test(file);

async function bundleGraph(): Promise<Metafile> {
  const entryPoints = Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => existsSync(file)));
  const result = await bundleInMemory(entryPoints);
  return result.metafile;
}

let graph: Promise<Metafile> | undefined;
const metafileOnce = () => (graph ??= bundleGraph());

/** Every source file loaded, statically, when the entry's output is loaded. */
function eagerInputs(metafile: Metafile, entry: string): string[] {
  const outputs = Object.entries(metafile.outputs);
  const start = outputs.find(([, output]) => output.entryPoint === entry)?.[0];
  if (!start) throw new Error(`no output for ${entry}`);
  const loaded = new Set([start]);
  for (const file of loaded) {
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) loaded.add(imported.path);
    }
  }
  return [...loaded].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
}

describe('ink is loaded only by the live view', () => {
  it('is not in the static import graph of the CLI, the plain and JSON reporters or the output host', async () => {
    const metafile = await metafileOnce();
    const checked = Object.entries(ENTRIES).filter(([name, file]) => name !== 'live' && existsSync(file));
    expect(checked.map(([name]) => name)).toEqual(expect.arrayContaining(['cli', 'plain', 'json', 'output']));
    for (const [, file] of checked) {
      expect(eagerInputs(metafile, file).filter((input) => UI_PACKAGES.test(input)), file).toEqual([]);
    }
    // The control: the live reporter does load ink, so the walk above would have seen it.
    expect(eagerInputs(metafile, ENTRIES.live).some((input) => INK.test(input))).toBe(true);
  }, 60_000);

  it('keeps the import of ink inside src/ui/live and src/ui/live-reporter.tsx', async () => {
    const metafile = await metafileOnce();
    const importers = Object.entries(metafile.inputs)
      .filter(([file]) => !isDependency(file))
      .filter(([, input]) => input.imports.some((imported) => INK.test(imported.path)))
      .map(([file]) => file);
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(file).toMatch(/^src\/ui\/(live\/|live-reporter\.tsx$)/);
  }, 60_000);
});
