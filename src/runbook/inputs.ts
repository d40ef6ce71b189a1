// Inputs given as --input name=value on the command line, checked and typed against spec.inputs.
import { DrctlError } from '../core/errors';
import { isRegion } from '../core/regions';
import type { RunbookDocument } from './schema';
import { didYouMean } from './suggest';

export function parseInputFlags(flags: readonly string[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) {
      throw new DrctlError('input.bad-flag', `--input "${flag}" is not name=value`, 'Pass inputs as --input to=us-west-2.');
    }
    given[flag.slice(0, eq).trim()] = flag.slice(eq + 1);
  }
  return given;
}

export function resolveInputs(document: RunbookDocument, given: Record<string, string>): Record<string, unknown> {
  const declared = document.spec.inputs ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in declared)) {
      const names = Object.keys(declared);
      throw new DrctlError('input.unknown', `the runbook has no input "${name}"`, didYouMean(name, names) ?? (names.length ? `Inputs: ${names.join(', ')}.` : 'This runbook takes no inputs.'));
    }
  }
  const resolved: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(declared)) {
    const raw = given[name];
    if (raw === undefined) {
      if (input.default !== undefined) resolved[name] = input.default;
      else if (input.required) {
        throw new DrctlError('input.missing', `input "${name}" is required${input.description ? ` (${input.description})` : ''}`, `Pass it as --input ${name}=<${input.type}>.`);
      }
      continue;
    }
    const value = coerce(name, input.type, raw);
    if (input.enum && !input.enum.some((allowed) => String(allowed) === String(value))) {
      throw new DrctlError('input.not-allowed', `input "${name}" is "${raw}", which is not one of ${input.enum.join(', ')}`, didYouMean(raw, input.enum.map(String)) ?? `Use one of ${input.enum.join(', ')}.`);
    }
    resolved[name] = value;
  }
  checkFromTo(declared, resolved, given);
  return resolved;
}

/**
 * A move from a region to itself is always a mistake (a typo, or the default "from" forgotten): the
 * steps would find nothing to move, and the ones that steer traffic would steer it the wrong way.
 */
function checkFromTo(declared: NonNullable<RunbookDocument['spec']['inputs']>, resolved: Record<string, unknown>, given: Record<string, string>): void {
  if (declared.from?.type !== 'region' || declared.to?.type !== 'region' || resolved.from === undefined || resolved.from !== resolved.to) return;
  const defaulted = given.from === undefined ? 'from' : given.to === undefined ? 'to' : undefined;
  throw new DrctlError(
    'input.same-region',
    `inputs "from" and "to" are both ${String(resolved.to)}${defaulted ? ` ("${defaulted}" by default)` : ''}: there is nothing to move`,
    `Name the region to leave and the one to move to, e.g. --input from=${String(resolved.to)} --input to=<another region>, or from=<the other region> to move back.`,
  );
}

function coerce(name: string, type: string, raw: string): unknown {
  if (type === 'number') {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new DrctlError('input.wrong-type', `input "${name}" must be a number, not "${raw}"`, `Pass --input ${name}=<number>.`);
    return value;
  }
  if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new DrctlError('input.wrong-type', `input "${name}" must be true or false, not "${raw}"`, `Pass --input ${name}=true or --input ${name}=false.`);
    return raw === 'true';
  }
  if (type === 'region' && !isRegion(raw)) {
    throw new DrctlError('input.bad-region', `input "${name}" must be an AWS region, not "${raw}"`, 'Use a region name such as us-west-2.');
  }
  return raw;
}
