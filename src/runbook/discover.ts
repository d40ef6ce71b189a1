// Turns `drctl validate` arguments (files, directories or globs) into runbook files. An argument that
// yields nothing is itself a problem, so a typo in CI never passes as "0 runbooks, all valid".
// Directories are walked here and globs go to tinyglobby, loaded only for them: `validate runbooks/` is
// the common case, and the glob library costs more to load than a directory walk takes.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/errors';

export interface Discovered {
  files: string[];
  problems: { file: string; problem: Problem }[];
}

const IGNORE = ['**/node_modules/**', '**/.drctl/**', '**/.git/**'];
const RUNBOOK_FILE = /\.ya?ml$/;
/** Characters without which no argument is a glob: only these need the glob library to decide. */
const MAYBE_GLOB = /[*?[\]{}()!+@]/;

export async function discoverRunbooks(args: readonly string[], cwd: string): Promise<Discovered> {
  const files: string[] = [];
  const problems: Discovered['problems'] = [];
  const at = (file: string) => ({ file, line: 1, column: 1 });
  for (const arg of args) {
    const globs = MAYBE_GLOB.test(arg) ? await import('tinyglobby') : undefined;
    if (globs?.isDynamicPattern(arg)) {
      const matches = await globs.glob(arg, { cwd, ignore: IGNORE, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) problems.push({ file: arg, problem: { code: 'validate.no-match', message: `no file matches ${arg}`, hint: 'Check the pattern; quote it so the shell does not expand it first.', location: at(arg) } });
      files.push(...matches.sort());
      continue;
    }
    const isDirectory = await stat(path.resolve(cwd, arg)).then((info) => info.isDirectory(), () => false);
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    const found = await runbooksUnder(path.resolve(cwd, arg));
    if (found.length === 0) problems.push({ file: arg, problem: { code: 'validate.no-runbooks', message: `${arg} holds no runbooks (*.yaml or *.yml)`, hint: 'Pass the directory that holds your runbooks, or the files themselves.', location: at(arg) } });
    files.push(...found.sort().map((file) => path.join(arg, file)));
  }
  return { files: [...new Set(files)], problems };
}

/**
 * *.yaml and *.yml files under a directory, relative to it, as the glob `**\/*.{yaml,yml}` finds them:
 * hidden entries and node_modules skipped, symbolic links followed, but never into their own ancestors.
 */
async function runbooksUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, shown: string, ancestors: readonly string[]): Promise<void> => {
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const name = shown ? `${shown}/${entry.name}` : entry.name;
      let real = path.join(ancestors[ancestors.length - 1] ?? dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        if (isDirectory) real = await realpath(full).catch(() => full);
      }
      if (isDirectory && !ancestors.includes(real)) await walk(full, name, [...ancestors, real]);
      else if (isFile && RUNBOOK_FILE.test(entry.name)) found.push(name);
    }
  };
  await walk(root, '', [await realpath(root).catch(() => root)]);
  return found;
}
