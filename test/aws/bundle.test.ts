// The CLI is bundled with esbuild code splitting. src/aws must keep every SDK client behind its own
// dynamic import(), or `drctl --version` would pay for loading the SDK and every command for all of them.
// The clients are those of the service catalogue, so a new service is checked as soon as it is added.
import { bundleInMemory } from '../helpers/bundle';
import { describe, expect, it } from 'vitest';
import { AWS_SERVICES } from '../../src/aws/catalogue';
import { SERVICE_IDS } from '../../src/core/services/catalogue';

const CLIENT_CLASSES = SERVICE_IDS.map((service) => AWS_SERVICES[service].client);

describe('src/aws bundle', () => {
  it('loads no SDK client with the entry, and puts each client in a chunk of its own', async () => {
    const result = await bundleInMemory({ aws: 'src/aws/index.ts' });
    const entry = result.outputFiles.find((file) => file.path.endsWith('/aws.js'));
    expect(entry).toBeDefined();
    // What loading src/aws costs: the entry and the chunks it imports statically, transitively.
    const byName = new Map(result.outputFiles.map((file) => [file.path.split('/').pop()!, file.text]));
    const loaded = new Set<string>(['aws.js']);
    for (const name of loaded) {
      for (const [, chunk] of (byName.get(name) ?? '').matchAll(/^import\s[^;]*?["']\.\/([^"']+)["']/gm)) loaded.add(chunk!);
    }
    const eager = [...loaded].map((name) => byName.get(name) ?? '').join('\n');
    // esbuild marks every bundled file with a "// node_modules/..." comment: no SDK file may load eagerly
    // (zod may: the catalogue's resource schemas use it, and every command has loaded it already).
    expect(eager).not.toMatch(/^\/\/ node_modules\/@(aws-sdk|smithy|aws-crypto)\//m);
    const declares = (text: string, name: string) => new RegExp(`\\bvar ${name} = class\\b|\\bclass ${name}\\b`).test(text);
    for (const name of CLIENT_CLASSES) expect(declares(entry!.text, name), `${name} in the entry chunk`).toBe(false);
    const chunksDeclaring = CLIENT_CLASSES.map((name) => result.outputFiles.filter((file) => declares(file.text, name)));
    // One chunk per client, and never two clients in the same chunk.
    expect(chunksDeclaring.map((files) => files.length)).toEqual(CLIENT_CLASSES.map(() => 1));
    expect(new Set(chunksDeclaring.map((files) => files[0]!.path)).size).toBe(CLIENT_CLASSES.length);
  }, 30_000);
});
