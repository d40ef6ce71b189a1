// How an error that ends a command reads: for people, what went wrong, the hint and where to read more
// (`drctl explain <code>`); for tools (-o json), one JSON line with the same fields. A bug is not the
// user's mistake: it says so and keeps its stack.
import { ExitCode, isDrctlError, ProblemsError } from '../core/errors';
import { explainPointer, formatBug, formatError } from '../core/problem-text';
import type { Style } from '../core/style';

export function exitCodeOf(error: unknown): number {
  return isDrctlError(error) ? error.exitCode : ExitCode.runFailed;
}

// Where `drctl explain` would add nothing: the hint already says where to look.
const NO_POINTER = new Set(['cli.unknown-code', 'cli.usage']);

export function errorText(error: unknown, style: Style): string {
  if (!isDrctlError(error)) return formatBug(error, style);
  const text = formatError(error, style);
  const codes = error instanceof ProblemsError && error.problems.length > 0 ? error.problems.map((problem) => problem.code) : [error.code];
  return NO_POINTER.has(error.code) ? text : `${text}\n${explainPointer(codes, style)}`;
}

export function errorJson(error: unknown): object {
  if (!isDrctlError(error)) {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { type: 'error', code: 'cli.bug', message: `drctl hit a bug: ${error instanceof Error ? error.message : String(error)}`, hint: 'This is not your mistake; please report it with the stack.', stack, exitCode: ExitCode.runFailed };
  }
  const problems = error instanceof ProblemsError ? { problems: error.problems } : {};
  return { type: 'error', ...error.toProblem(), ...problems, exitCode: error.exitCode };
}
