// How an error that ends a command reads, for people and under -o json: the code, the hint, where, and
// the pointer to `drctl explain`; a bug says it is one and keeps its stack.
import { describe, expect, it } from 'vitest';
import { DrctlError, ProblemsError } from '../../src/core/errors';
import { plainStyle } from '../../src/core/style';
import { errorJson, errorText, exitCodeOf } from '../../src/ui/error-output';

const located = new DrctlError('runbook.not-found', 'x.yaml does not exist', 'Check the path.', { location: { file: 'x.yaml', line: 1, column: 1 } });

describe('an error that ends a command', () => {
  it('reads with its code, hint and the code to explain', () => {
    expect(errorText(located, plainStyle).split('\n')).toEqual(['x.yaml:1:1 error x.yaml does not exist [runbook.not-found]', '  hint: Check the path.', '  more: drctl explain runbook.not-found']);
    expect(errorText(new DrctlError('cli.unknown-code', 'no code "x"', '`drctl explain --list` lists every code.'), plainStyle)).not.toContain('more:');
  });

  it('is one JSON value with the same fields, and the exit code', () => {
    expect(errorJson(located)).toEqual({ type: 'error', code: 'runbook.not-found', message: 'x.yaml does not exist', hint: 'Check the path.', location: { file: 'x.yaml', line: 1, column: 1 }, exitCode: 2 });
    const several = new ProblemsError([located.toProblem(), { code: 'runbook.empty', message: 'y.yaml is empty' }], 'runbooks have problems');
    expect(errorJson(several)).toMatchObject({ type: 'error', code: 'runbook.not-found', problems: [{ code: 'runbook.not-found' }, { code: 'runbook.empty' }] });
    expect(errorText(several, plainStyle)).toContain('more: drctl explain <code>, for any code above');
    const sameCode = new ProblemsError([located.toProblem(), { ...located.toProblem(), message: 'z.yaml does not exist' }], 'runbooks have problems');
    expect(errorText(sameCode, plainStyle).split('\n').at(-1)).toBe('  more: drctl explain runbook.not-found');
  });

  it('says a bug is a bug, keeps its stack, and exits 1', () => {
    const bug = new TypeError('x is undefined');
    expect(errorJson(bug)).toMatchObject({ type: 'error', code: 'cli.bug', message: 'drctl hit a bug: x is undefined', stack: expect.stringContaining('TypeError: x is undefined'), exitCode: 1 });
    expect(errorText(bug, plainStyle)).toContain('drctl hit a bug');
    expect(exitCodeOf(bug)).toBe(1);
  });
});
