// Turns zod issues into drctl problems: a stable code, the exact place, a message in the runbook's own
// terms and a hint. zod's own wording ("Invalid input") is never shown to an engineer.
import type { z } from 'zod';
import type { ErrorCode, Problem } from '../core/errors';
import { KNOWN_REGIONS } from '../core/regions';
import { shellWord } from '../core/shell-word';
import { RESOURCE_TYPES } from '../core/resources';
import { formatPath, type Path, type RunbookSource } from './source';
import { didYouMean } from './suggest';
import { knownKeys, schemaAt } from './zod-walk';

type Issue = z.core.$ZodIssue;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

export interface IssueContext {
  source: RunbookSource;
  data: unknown;
  root: z.ZodType;
  /** Prefix for paths when validating a fragment such as a step's `with`. */
  basePath: Path;
  /** What is being validated, for messages: "runbook", "aurora.switchover parameters". */
  subject: string;
}

export function issueToProblems(issue: Issue, context: IssueContext): Problem[] {
  const relative = issue.path as Path;
  const path = [...context.basePath, ...relative];
  const where = formatPath(path) || 'the document';
  const { source } = context;
  const value = valueAt(context.data, relative);

  if (issue.code === 'unrecognized_keys') {
    const allowed = knownKeys(schemaAt(context.root, relative, context.data));
    return issue.keys.map((key) => ({
      code: 'runbook.unknown-key',
      message: `${where || 'the document'} has an unknown key "${key}"`,
      hint: didYouMean(key, allowed) ?? (allowed.length ? `Allowed keys: ${allowed.join(', ')}.` : 'Remove it.'),
      location: source.locateKey(path, key),
    }));
  }

  const params = issue.code === 'custom' ? (issue.params as { drctlCode?: ErrorCode; hint?: string } | undefined) : undefined;
  const custom = params?.drctlCode;
  if (custom === 'runbook.bad-duration') {
    return [{ code: custom, message: `${where} is ${describeValue(value)}, which is not a duration`, hint: 'Write durations like "90s", "5m", "1m30s" or "250ms".', location: source.locate(path) }];
  }
  if (custom === 'runbook.bad-region') {
    const suggestion = typeof value === 'string' ? didYouMeanRegion(value) : undefined;
    return [{ code: custom, message: `${where} is ${describeValue(value)}, which is not an AWS region`, hint: suggestion ?? 'Use a region name such as us-east-1 or eu-west-2.', location: source.locate(path) }];
  }

  if (custom && params?.hint) {
    // A resource schema's own rule, worded there; {runbook} is this runbook's path, to name in a command.
    const hint = params.hint.replaceAll('{runbook}', shellWord(source.locate([]).file));
    return [{ code: custom, message: `${where} ${issue.message}`, hint, location: source.locate(path) }];
  }

  const last = path[path.length - 1];
  if (issue.code === 'invalid_value') {
    const values = 'values' in issue ? (issue.values as unknown[]) : [];
    if (last === 'apiVersion' && path.length === 1) {
      return [{ code: 'runbook.bad-api-version', message: `apiVersion is ${describeValue(value)}; this drctl reads drctl/v1`, hint: 'Set `apiVersion: drctl/v1` on the first line of the runbook.', location: source.locate(path) }];
    }
    if (last === 'kind' && path.length === 1) {
      return [{ code: 'runbook.bad-kind', message: `kind is ${describeValue(value)}; expected Runbook`, hint: 'Set `kind: Runbook`.', location: source.locate(path) }];
    }
    const shown = values.map((item) => JSON.stringify(item)).join(', ');
    return [{ code: 'runbook.bad-value', message: `${where} is ${describeValue(value)}; expected one of ${shown}`, hint: (typeof value === 'string' && didYouMean(value, values.map(String))) || `Use one of ${shown}.`, location: source.locate(path) }];
  }

  if (issue.code === 'invalid_union' && path[1] === 'resources' && path.length >= 3) {
    // zod reports a bad discriminator at .type, a missing one at the resource itself.
    const type = last === 'type' ? value : (value as { type?: unknown } | undefined)?.type;
    const known = [...RESOURCE_TYPES];
    return [{
      code: 'runbook.unknown-resource-type',
      message: `resource "${String(path[2])}" has ${type === undefined ? 'no type' : `the unknown type ${describeValue(type)}`}`,
      hint: (typeof type === 'string' && didYouMean(type, known)) || `Resource types: ${known.join(', ')}.`,
      location: source.locate(type === undefined ? path : [...path.slice(0, 3), 'type']),
    }];
  }

  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    if (value === undefined) {
      const key = String(last);
      const parent = path.slice(0, -1);
      return [{ code: 'runbook.missing-key', message: `${formatPath(parent) || 'the document'} is missing "${key}"`, hint: `Add "${key}:" here.`, location: source.locate(parent) }];
    }
    const expected = issue.code === 'invalid_type' ? (EXPECTED[issue.expected] ?? issue.expected) : 'another shape';
    return [{ code: 'runbook.wrong-type', message: `${where} is ${describeValue(value)}; expected ${expected}`, hint: `Write ${expected} here.`, location: source.locate(path) }];
  }

  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return [{ code: 'runbook.out-of-range', message: `${where} ${issue.message.replace(/^Too (small|big): expected \S+ to /, '')}`, hint: 'Adjust the value to the allowed range.', location: source.locate(path) }];
  }

  if (issue.code === 'invalid_format') {
    return [{ code: 'runbook.bad-format', message: `${where} is ${describeValue(value)}; it ${issue.message}`, hint: 'Names start with a letter and hold only letters, digits, "-" and "_".', location: source.locate(path) }];
  }

  return [{ code: 'runbook.invalid', message: `${where}: ${issue.message}`, hint: `Check ${context.subject} against \`drctl schema\`.`, location: source.locate(path) }];
}

function didYouMeanRegion(value: string): string | undefined {
  return didYouMean(value, KNOWN_REGIONS);
}
