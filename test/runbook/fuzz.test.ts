// Thousands of mutated runbooks: the validator must never throw, and must either accept a runbook or
// explain, with a code and a position, why not.
import { actionCatalogue } from '../../src/actions/catalogue';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRunbookText } from '../../src/runbook/load';
import { VALID_RUNBOOK } from '../helpers/runbook-text';

async function assertWellFormed(text: string): Promise<void> {
  const result = await checkRunbookText('fuzz.yaml', text, actionCatalogue);
  if (result.document) {
    expect(result.problems).toEqual([]);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.code).toMatch(/^runbook\.[a-z-]+$/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.location?.line).toBeGreaterThanOrEqual(1);
    expect(problem.location?.column).toBeGreaterThanOrEqual(1);
  }
}

const SNIPPETS = ['${{', '}}', '${{ inputs. }}', '${{ steps.x.outputs.y }}', ':', '- ', '[', ']', '{', '}', '"', "'", '&a', '*a', '!!binary', '\t', '\n', '  ', 'needs: [', 'id: approve', 'uses: aurora.failover', '5x', 'us-east1', '\u0000', '🙂', '<<: *a'];

const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, mutation: TextMutation): string {
  const at = mutation.at % (text.length + 1);
  const lines = text.split('\n');
  const line = mutation.at % lines.length;
  switch (mutation.kind) {
    case 'insert': return text.slice(0, at) + mutation.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + mutation.length);
    case 'dropLine': return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicateLine': return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
  }
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('us-west-2', '90s', '${{ inputs.to }}', 'aurora.switchover', 'orders', 'approve'),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Replaces or deletes the value at a random path of the parsed runbook. */
function mutateTree(tree: unknown, choices: number[], value: unknown, remove: boolean): unknown {
  if (tree === null || typeof tree !== 'object' || choices.length === 0) return remove ? undefined : value;
  const keys = Object.keys(tree);
  if (keys.length === 0) return value;
  const key = keys[(choices[0] ?? 0) % keys.length] as string;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(tree) ? [...tree] : { ...(tree as Record<string, unknown>) };
  const next = mutateTree((tree as Record<string, unknown>)[key], choices.slice(1), value, remove);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else (copy as Record<string, unknown>)[key] = next;
  return copy;
}

// Thousands of runs: about 5 s alone, over the suite's 20 s timeout on a loaded 2-core machine beside the
// rest of the suite (21 s measured). The timeout here only guards against a hang; it is no speed check.
describe('validator under generated input', { timeout: 180_000 }, () => {
  it('never crashes on text mutations', async () => {
    await fc.assert(fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
      await assertWellFormed(mutations.reduce(applyText, VALID_RUNBOOK));
    }), { numRuns: 2000 });
  });

  it('never crashes on structural mutations', async () => {
    const tree = parse(VALID_RUNBOOK) as unknown;
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), anyValue, fc.boolean(), async (path, value, remove) => {
      await assertWellFormed(stringify(mutateTree(tree, path, value, remove)));
    }), { numRuns: 1000 });
  });

  it('never crashes on arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), (text) => assertWellFormed(text)), { numRuns: 1000 });
  });
});
