// Loaded with `node --import` ahead of drctl: when the process exits, writes the built-in modules and the
// CommonJS files it loaded to the file named by DRCTL_LOADED_FILE, for test/e2e/startup.test.ts.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PREFIX = 'NativeModule ';

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length));
  writeFileSync(process.env.DRCTL_LOADED_FILE, JSON.stringify({ builtins, files: Object.keys(require.cache) }));
});
