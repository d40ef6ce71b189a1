// Turns `drctl validate` arguments (files, directories, globs) into runbook files. An argument that
// yields nothing is itself a problem, so a typo in CI never passes as "0 runbooks, all valid".
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Problem } from '../core/errors';

export interface Discovered {
  files: string[];
  problems: { file: string; problem: Problem }[];
}

const RUNBOOK_GLOB = '**/*.{yaml,yml}';
const IGNORE = ['**/node_modules/**', '**/.drctl/**', '**/.git/**'];

export async function discoverRunbooks(args: readonly string[], cwd: string): Promise<Discovered> {
  const files: string[] = [];
  const problems: Discovered['problems'] = [];
  const at = (file: string) => ({ file, line: 1, column: 1 });
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, ignore: IGNORE, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) problems.push({ file: arg, problem: { code: 'validate.no-match', message: `no file matches ${arg}`, hint: 'Check the pattern; quote it so the shell does not expand it first.', location: at(arg) } });
      files.push(...matches.sort());
      continue;
    }
    const isDirectory = await stat(path.resolve(cwd, arg)).then((info) => info.isDirectory(), () => false);
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    const found = await glob(RUNBOOK_GLOB, { cwd: path.resolve(cwd, arg), ignore: IGNORE, onlyFiles: true });
    if (found.length === 0) problems.push({ file: arg, problem: { code: 'validate.no-runbooks', message: `${arg} holds no runbooks (*.yaml or *.yml)`, hint: 'Pass the directory that holds your runbooks, or the files themselves.', location: at(arg) } });
    files.push(...found.sort().map((file) => path.join(arg, file)));
  }
  return { files: [...new Set(files)], problems };
}
