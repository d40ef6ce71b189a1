// What each start-up path loads, read from the shipped bundle's static import graph (what loads when a
// chunk loads, not what it may import() later): the entry loads no dependency at all (commander comes
// only for the commands that need it), and `drctl validate` neither the yaml library (only texts outside
// the fast parser's subset need it) nor the glob library (only glob arguments need it).
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleInMemory } from '../helpers/bundle';

let bundle: ReturnType<typeof bundleInMemory> | undefined;
const bundleOnce = () => (bundle ??= bundleInMemory({ cli: 'src/main.ts' }));

/** Every source file loaded, statically, with the output that holds `input`. */
function eagerInputsOf(metafile: Metafile, input: string): string[] {
  const start = Object.entries(metafile.outputs).find(([, output]) => input in output.inputs)?.[0];
  if (!start) throw new Error(`no output holds ${input}`);
  const loaded = new Set([start]);
  for (const file of loaded) {
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) loaded.add(imported.path);
  }
  return [...loaded].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
}

const packagesIn = (inputs: string[]) => [...new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []))].sort();

describe('start-up chunks', () => {
  it('loads no dependency with the entry chunk (commander comes later, for the commands that need it)', async () => {
    const { metafile } = await bundleOnce();
    expect(packagesIn(eagerInputsOf(metafile, 'src/main.ts'))).toEqual([]);
  }, 60_000);

  it('validates with zod alone: the yaml and glob libraries load only when a runbook or an argument needs them', async () => {
    const { metafile } = await bundleOnce();
    expect(packagesIn(eagerInputsOf(metafile, 'commands/validate.ts'))).toEqual(['zod']);
    // The control: both are in the bundle, behind dynamic imports.
    expect(packagesIn(Object.keys(metafile.inputs))).toEqual(expect.arrayContaining(['yaml', 'tinyglobby', 'picomatch']));
  }, 60_000);

  it('bundles only the zod drctl calls: no module imports its namespace object as a value (`import { z }`), which keeps every export', async () => {
    const { metafile } = await bundleOnce();
    // What the chunks hold (metafile.inputs lists every file parsed, tree-shaken or not).
    const bundled = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    const zodFiles = bundled.filter((input) => input.includes('node_modules/zod/'));
    expect(zodFiles.length).toBeGreaterThan(0);
    // fromJSONSchema is reachable only through the namespace object; drctl never calls it.
    expect(zodFiles.filter((input) => input.endsWith('/from-json-schema.js'))).toEqual([]);
  }, 60_000);

  it('bundles picomatch once and never requires a copy from node_modules at run time', async () => {
    const { outputFiles } = await bundleOnce();
    for (const file of outputFiles) expect(file.text, file.path).not.toMatch(/require\("picomatch"\)/);
  }, 60_000);
});
