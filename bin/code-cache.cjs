// Loads a CommonJS bundle of dist/ as Node loads any CommonJS file, plus V8's code cache for it: the
// bytecode of every function that validating the shipped runbooks ran, which `npm run build` writes
// beside the bundle (scripts/build.mjs). With it V8 neither parses the bundle nor compiles those
// functions again: that is most of what `drctl validate` spent beyond Node's own start-up.
// The cache is only ever read here, never written: a read-only install, or many drctl at once, see the
// same two files the build wrote. It never changes what runs: V8 refuses a cache of another Node version,
// other V8 flags or a source of another length, and a bundle changed after its cache was written (newer
// than the cache) is not given it. Either way the bundle compiles from its source, as without a cache.
// ES modules cannot take a code cache on Node 20 (module.enableCompileCache is Node 22.1+), hence CommonJS.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** Where the code cache of a bundle is kept. */
const cacheFileOf = (file) => `${file}.code-cache`;

/** The cache written for this very bundle, or undefined (none, unreadable, or older than the bundle). */
function readCache(file) {
  try {
    const cache = cacheFileOf(file);
    if (statSync(cache).mtimeMs < statSync(file).mtimeMs) return undefined;
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}

/**
 * Runs the bundle and returns its exports; `script` can make a new cache (script.createCachedData()),
 * `cacheRejected` says whether V8 refused the cache it was given (undefined: none was given).
 */
function loadBundle(file) {
  const cachedData = readCache(file);
  // The wrapper Node gives every CommonJS file, so the bundle sees what it would under require().
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

module.exports = { cacheFileOf, loadBundle };
