// The three shapes of `drctl validate` output: readable text, JSON for tools, JUnit for CI systems.
import { formatLocation, type Problem } from '../core/errors';
import { escapeXml } from '../report/xml';
import { explainPointer, formatProblem } from '../core/problem-text';
import type { Style } from '../core/style';
import type { View } from './output';

export interface ValidationResult {
  file: string;
  /** What the file was checked as: a runbook, or a simulator world (`kind: SimWorld`). */
  kind: 'Runbook' | 'SimWorld';
  problems: Problem[];
}

const noun = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "3 runbooks", or "2 runbooks and 1 world" when there are worlds. */
function counted(results: readonly ValidationResult[]): string {
  const worlds = results.filter((result) => result.kind === 'SimWorld').length;
  const runbooks = noun(results.length - worlds, 'runbook');
  return worlds === 0 ? runbooks : `${runbooks} and ${noun(worlds, 'world')}`;
}

export function validationText(results: ValidationResult[], style: Style): string {
  const lines: string[] = [];
  for (const result of results) {
    const name = `${result.file}${result.kind === 'SimWorld' ? ' (simulator world)' : ''}`;
    if (result.problems.length === 0) {
      lines.push(`${style.green('✓')} ${name}`);
      continue;
    }
    lines.push(`${style.red('✗')} ${name}`);
    for (const problem of result.problems) lines.push(formatProblem(problem, style, '  '));
  }
  const invalid = results.filter((result) => result.problems.length > 0);
  const problemCount = invalid.reduce((sum, result) => sum + result.problems.length, 0);
  const worlds = results.some((result) => result.kind === 'SimWorld');
  lines.push(
    invalid.length === 0
      ? style.green(`${counted(results)} valid`)
      : style.red(`${noun(invalid.length, worlds ? 'file' : 'runbook')} of ${results.length} invalid (${noun(problemCount, 'problem')})`),
  );
  const codes = new Set(invalid.flatMap((result) => result.problems.map((problem) => problem.code)));
  if (codes.size > 0) lines.push(explainPointer(codes, style, ''));
  return `${lines.join('\n')}\n`;
}

function validationJson(results: ValidationResult[]) {
  return {
    valid: results.every((result) => result.problems.length === 0),
    runbooks: results.map((result) => ({ file: result.file, kind: result.kind, valid: result.problems.length === 0, problems: result.problems })),
  };
}

/** `drctl validate`: a line per runbook and its problems, `{"type": "validate", valid, runbooks}`, or JUnit. */
export const validateView: View<ValidationResult[]> = {
  type: 'validate',
  text: (results, screen) => validationText(results, screen.style),
  json: validationJson,
  junit: validationJunit,
};

function validationJunit(results: ValidationResult[]): string {
  const failures = results.filter((result) => result.problems.length > 0).length;
  const cases = results.map((result) => {
    const open = `  <testcase classname="drctl.validate" name="${escapeXml(result.file)}" time="0">`;
    if (result.problems.length === 0) return `${open}</testcase>`;
    const text = result.problems
      .map((p) => `${formatLocation(p.location)} ${p.code}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`)
      .join('\n');
    const first = result.problems[0] as Problem;
    return `${open}\n    <failure message="${escapeXml(first.message)}" type="${escapeXml(first.code)}">${escapeXml(text)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="drctl validate" tests="${results.length}" failures="${failures}">`,
    `<testsuite name="runbooks" tests="${results.length}" failures="${failures}" errors="0">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
