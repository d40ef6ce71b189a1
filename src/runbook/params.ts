// Checks an action's or a check's `with` block against its params schema at validation time. Values that
// are `${{ }}` expressions are resolved only at run time, so type problems on them are not reported here.
import type { z } from 'zod';
import type { Problem } from '../core/errors';
import { hasExpression } from './expressions';
import { issueToProblems } from './schema-problems';
import type { Path, RunbookSource } from './source';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function checkParams(schema: z.ZodType<unknown>, value: unknown, path: Path, source: RunbookSource, subject: string): Problem[] {
  const data = value ?? {};
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => {
      const at = valueAt(data, issue.path);
      return !(typeof at === 'string' && hasExpression(at));
    })
    .flatMap((issue) => issueToProblems(issue, { source, data, root: schema, basePath: path, subject }));
}
