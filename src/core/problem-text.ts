// How a user-facing error or problem reads in the terminal: where, what (with its code), how to fix it,
// and where to read more (`drctl explain <code>`).
import { formatLocation, type DrctlError, type Problem, type ProblemRecord } from './errors';
import { plainStyle, type Style } from './style';

/** Plain text unless a style is given (a terminal's colours). */
export function formatProblem(problem: ProblemRecord, style: Style = plainStyle, indent = ''): string {
  const where = problem.location ? `${style.bold(formatLocation(problem.location))} ` : '';
  const lines = [`${indent}${where}${style.red('error')} ${problem.message} ${style.dim(`[${problem.code}]`)}`];
  if (problem.hint) lines.push(`${indent}  ${style.cyan('hint:')} ${problem.hint}`);
  return lines.join('\n');
}

export function formatError(error: DrctlError, style: Style): string {
  const problems = 'problems' in error && Array.isArray(error.problems) ? (error.problems as Problem[]) : [];
  if (problems.length) {
    return [`${style.red('error')} ${error.message}`, ...problems.map((problem) => formatProblem(problem, style, '  '))].join('\n');
  }
  return formatProblem(error.toProblem(), style);
}

/** The pointer that ends an error or a list of problems: their one code, or "any code above" when they have several. */
export function explainPointer(codes: Iterable<string>, style: Style, indent = '  '): string {
  const distinct = [...new Set(codes)];
  return `${indent}${style.dim(distinct.length === 1 ? `more: drctl explain ${distinct[0]}` : 'more: drctl explain <code>, for any code above')}`;
}

export function formatBug(error: unknown, style: Style): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${style.red('drctl hit a bug')} (this is not your mistake; please report it with the text below)\n${detail}`;
}
