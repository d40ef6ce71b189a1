// drctl validate <files, directories or globs...>: every problem in every runbook, at once.
import type { CommandContext } from './context';
import path from 'node:path';
import { ExitCode } from '../src/core/errors';
import { stabilityProblems } from '../src/engine/stability-problems';
import { discoverRunbooks } from '../src/runbook/discover';
import { checkRunbookFile } from '../src/runbook/load';
import { validateView, type ValidationResult } from '../src/ui/validate-output';

export async function validateCommand(args: string[], { io, actions, output }: CommandContext): Promise<number> {
  const discovered = await discoverRunbooks(args, io.cwd);
  const results: ValidationResult[] = discovered.problems.map(({ file, problem }) => ({ file, problems: [problem] }));
  // Read relative to the command's cwd, but show paths as the user typed them.
  const checked = await Promise.all(discovered.files.map((file) => checkRunbookFile(path.resolve(io.cwd, file), actions, file)));
  // What static stability the runbook alone shows: an unplanned run it would refuse is a problem too.
  results.push(...checked.map(({ file, problems, document, source }) => ({
    file,
    problems: document && source ? [...problems, ...stabilityProblems(document, actions, (at) => source.locate(at))] : problems,
  })));
  output.answer(validateView, results);
  return results.every((result) => result.problems.length === 0) ? ExitCode.ok : ExitCode.invalidInput;
}
