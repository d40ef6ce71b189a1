// Rules for spec.inputs: defaults and enum values must fit the declared type, defaults must be allowed.
import type { Problem } from '../core/errors';
import { asArray, asRecord, asString, type RawRecord } from './raw';
import { isRegion } from '../core/regions';
import { describeValue } from './schema-problems';
import type { RunbookSource } from './source';

const TYPE_OF: Record<string, string> = { string: 'string', region: 'string', number: 'number', boolean: 'boolean' };

export function checkInputs(inputs: RawRecord, source: RunbookSource): Problem[] {
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const input = asRecord(value);
    const type = asString(input?.type);
    if (!input || !type || !TYPE_OF[type]) continue;
    const path = ['spec', 'inputs', name];
    const values = asArray(input.enum);
    values.forEach((item, index) => problems.push(...checkValue(name, type, item, [...path, 'enum', index], source)));
    if (!('default' in input)) continue;
    const fallback = input.default;
    const wrong = checkValue(name, type, fallback, [...path, 'default'], source);
    problems.push(...wrong);
    if (wrong.length === 0 && values.length && !values.some((item) => item === fallback)) {
      problems.push({ code: 'runbook.default-not-in-enum', message: `input "${name}" defaults to ${describeValue(fallback)}, which is not one of its enum values (${values.map((v) => JSON.stringify(v)).join(', ')})`, hint: 'Make the default one of the enum values, or add it to the enum.', location: source.locate([...path, 'default']) });
    }
  }
  return problems;
}

function checkValue(name: string, type: string, value: unknown, path: (string | number)[], source: RunbookSource): Problem[] {
  if (typeof value !== TYPE_OF[type]) {
    return [{ code: 'runbook.wrong-type', message: `input "${name}" is of type ${type}, but ${path.includes('enum') ? 'an enum value' : 'its default'} is ${describeValue(value)}`, hint: `Write a ${TYPE_OF[type]} value, or change the input's type.`, location: source.locate(path) }];
  }
  if (type === 'region' && typeof value === 'string' && !isRegion(value)) {
    return [{ code: 'runbook.bad-region', message: `input "${name}" is a region, but "${value}" is not an AWS region`, hint: 'Use a region name such as us-east-1.', location: source.locate(path) }];
  }
  return [];
}
