// Runbook text -> validated model. Reading refuses what cannot be a runbook (missing, unreadable, binary,
// huge) with one clear problem; checking reports every problem at once, each at file:line:col.
import type { ActionCatalogue } from '../core/define-action';
import { ProblemsError, type ErrorCode, type Problem } from '../core/errors';
import { describeInputFileProblem, readInputFile, type InputFileProblem } from '../core/input-file';
import { INTERPRETED, RunbookDocument } from './schema';
import { issueToProblems } from './schema-problems';
import { checkSemantics } from './semantics';
import { RunbookSource } from './source';
import type { YamlError } from './yaml/nodes';
import { parseYaml } from './yaml/parse';

/** Runbooks are small; anything larger is almost certainly the wrong file. */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

export interface LoadedRunbook {
  file: string;
  document: RunbookDocument;
  source: RunbookSource;
}

export interface CheckedRunbook {
  file: string;
  document?: RunbookDocument;
  source?: RunbookSource;
  problems: Problem[];
}

const at = (file: string) => ({ file, line: 1, column: 1 });

/** Reads `file`; messages name it as `shown` (the path as the user typed it). Never hangs: see readInputFile. */
export async function readRunbookText(file: string, shown = file): Promise<{ text: string } | { problem: Problem }> {
  const read = await readInputFile(file, MAX_RUNBOOK_BYTES);
  if ('problem' in read) return { problem: inputProblem(shown, read.problem) };
  const { bytes } = read;
  if (bytes.includes(0)) return { problem: notText(shown) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: notText(shown) };
  }
}

function inputProblem(file: string, problem: InputFileProblem): Problem {
  const message = `${file} ${describeInputFileProblem(problem)}`;
  const location = at(file);
  switch (problem.kind) {
    case 'missing':
      return { code: 'runbook.not-found', message, hint: 'Check the path; `drctl validate runbooks/` checks every runbook in a directory.', location };
    case 'directory':
      return { code: 'runbook.is-directory', message, hint: 'Pass runbook files, or use `drctl validate <dir>` to check a whole directory.', location };
    case 'not-a-file':
      return { code: 'runbook.not-a-file', message, hint: 'A runbook is a YAML file on disk; check the path (a device, pipe or socket is never read).', location };
    case 'too-large':
      return { code: 'runbook.too-large', message: `${file} is ${(problem.bytes / 1024 / 1024).toFixed(1)} MB; a runbook is at most 1 MB`, hint: 'Check that this is the runbook you meant; split very large runbooks.', location };
    case 'unreadable':
      return { code: 'runbook.unreadable', message, hint: 'Check the path and permissions.', location };
  }
}

function notText(file: string): Problem {
  return { code: 'runbook.not-text', message: `${file} is not a text file (binary or not UTF-8)`, hint: 'A runbook is a UTF-8 YAML file; check the path.', location: at(file) };
}

/** Blank, or only comments and document markers. Line by line: a regex over the whole text backtracks. */
function holdsNothing(text: string): boolean {
  return text.split('\n').every((line) => /^\s*(#.*)?$/.test(line) || /^\s*---\s*$/.test(line));
}

/** Checks runbook text; never throws for bad input. Async: text outside the fast parser's subset loads the full one. */
export async function checkRunbookText(file: string, text: string, catalogue: ActionCatalogue): Promise<CheckedRunbook> {
  if (holdsNothing(text)) {
    return { file, problems: [{ code: 'runbook.empty', message: `${file} is empty`, hint: 'Start from `drctl schema` or a runbook in runbooks/.', location: at(file) }] };
  }
  const parsed = await parseYaml(text);
  const source = new RunbookSource(file, text, parsed.root, parsed.lineStarts);
  if (parsed.error) return { file, source, problems: [yamlProblem(parsed.error, source)] };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { file, source, problems: [{ code: 'runbook.not-a-mapping', message: `${file} holds ${Array.isArray(data) ? 'a list' : 'a single value'}, not a runbook`, hint: 'A runbook is a mapping that starts with `apiVersion: drctl/v1` and `kind: Runbook`.', location: at(file) }] };
  }
  const parsedDocument = RunbookDocument.safeParse(data, INTERPRETED);
  const context = { source, data, root: RunbookDocument, basePath: [], subject: 'the runbook' };
  const problems = parsedDocument.success ? [] : parsedDocument.error.issues.flatMap((issue) => issueToProblems(issue, context));
  problems.push(...checkSemantics(data, source, catalogue));
  problems.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  return { file, source, problems, document: problems.length === 0 && parsedDocument.success ? parsedDocument.data : undefined };
}

const YAML_HINTS: Record<YamlError['code'], { code: ErrorCode; hint: string }> = {
  'duplicate-key': { code: 'runbook.duplicate-key', hint: 'Each key may appear once in a mapping; remove or rename the repeated one.' },
  syntax: { code: 'runbook.yaml-syntax', hint: 'Fix the YAML syntax here; indentation and unclosed brackets or quotes are the usual causes.' },
  'bad-alias': { code: 'runbook.bad-alias', hint: 'Define the anchor (&name) before using the alias (*name), or write the value out; runbooks rarely need aliases.' },
};

function yamlProblem(error: YamlError, source: RunbookSource): Problem {
  const { code, hint } = YAML_HINTS[error.code];
  const message = error.code === 'bad-alias' ? `YAML alias problem: ${error.message}` : error.message;
  return { code, message, hint, location: source.locationAt(error.offset) };
}

export async function checkRunbookFile(file: string, catalogue: ActionCatalogue, shown = file): Promise<CheckedRunbook> {
  const read = await readRunbookText(file, shown);
  if ('problem' in read) return { file: shown, problems: [read.problem] };
  return await checkRunbookText(shown, read.text, catalogue);
}

/** Loads a runbook for running; throws ProblemsError listing every problem when it is invalid. */
export async function loadRunbookFile(file: string, catalogue: ActionCatalogue): Promise<LoadedRunbook> {
  const checked = await checkRunbookFile(file, catalogue);
  if (!checked.document || !checked.source) {
    const count = checked.problems.length;
    throw new ProblemsError(checked.problems, `${file} is not a valid runbook (${count} problem${count === 1 ? '' : 's'})`);
  }
  return { file, document: checked.document, source: checked.source };
}
