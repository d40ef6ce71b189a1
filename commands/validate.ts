// drctl validate <files, directories or globs...>: every problem in every file, at once. A file whose
// `kind` is SimWorld (a world written by `drctl sim world`) is checked as a world, by the simulator's own
// loader, so worlds can live beside the runbooks they are for; every other file is checked as a runbook.
import type { CommandContext } from './context';
import path from 'node:path';
import { ExitCode, ProblemsError } from '../src/core/errors';
import { stabilityProblems } from '../src/engine/stability-problems';
import { discoverRunbooks } from '../src/runbook/discover';
import { checkRunbookText, readRunbookText } from '../src/runbook/load';
import type { ActionCatalogue } from '../src/core/define-action';
import { validateView, type ValidationResult } from '../src/ui/validate-output';

/** `kind: SimWorld` at the top level, as `drctl sim world` writes it (quoted or not, a comment after). */
const WORLD_KIND = /^kind:[ \t]*(["']?)SimWorld\1[ \t]*(#.*)?$/m;

async function checkWorldText(file: string, text: string): Promise<ValidationResult> {
  // Loaded only when a world is found: `validate runbooks/` never pays for the simulator's schemas.
  const { loadWorld } = await import('../src/sim/world-file');
  try {
    loadWorld(text, file);
    return { file, kind: 'SimWorld', problems: [] };
  } catch (error) {
    if (error instanceof ProblemsError) return { file, kind: 'SimWorld', problems: error.problems };
    throw error;
  }
}

async function checkFile(file: string, cwd: string, actions: ActionCatalogue): Promise<ValidationResult> {
  // Read relative to the command's cwd, but show paths as the user typed them.
  const read = await readRunbookText(path.resolve(cwd, file), file);
  if ('problem' in read) return { file, kind: 'Runbook', problems: [read.problem] };
  if (WORLD_KIND.test(read.text)) return checkWorldText(file, read.text);
  const { problems, document, source } = await checkRunbookText(file, read.text, actions);
  // What static stability the runbook alone shows: an unplanned run it would refuse is a problem too.
  const stability = document && source ? stabilityProblems(document, actions, (at) => source.locate(at)) : [];
  return { file, kind: 'Runbook', problems: [...problems, ...stability] };
}

export async function validateCommand(args: string[], { io, actions, output }: CommandContext): Promise<number> {
  const discovered = await discoverRunbooks(args, io.cwd);
  const results: ValidationResult[] = discovered.problems.map(({ file, problem }) => ({ file, kind: 'Runbook', problems: [problem] }));
  results.push(...(await Promise.all(discovered.files.map((file) => checkFile(file, io.cwd, actions)))));
  output.answer(validateView, results);
  return results.every((result) => result.problems.length === 0) ? ExitCode.ok : ExitCode.invalidInput;
}
