// World files: YAML in, validated WorldSpec out, with every problem located at file:line:col; and back to
// readable YAML (defaults that say nothing, like empty sections, are left out).
import { LineCounter, isMap, isPair, isScalar, parseDocument, stringify, type Document } from 'yaml';
import type { z } from 'zod';
import { type Problem, ProblemsError, type SourceLocation } from '../core/errors';
import { checkWorldSpec } from './world-spec-checks';
import { WorldDocument, type WorldSpec } from './world-spec';

const HINT = 'Fix the world file; `drctl sim serve --world <file>` loads it, and a generated world shows the format.';

/** Parses and validates a world file. Throws a ProblemsError listing every problem with its location. */
export function loadWorld(text: string, fileName: string): WorldSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file: fileName, line, column: col };
  };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      code: 'sim.world-syntax' as const,
      message: error.message.split('\n')[0] ?? error.message,
      hint: 'Fix the YAML syntax.',
      location: at(error.pos[0]),
    }));
    throw fail(problems, fileName);
  }
  const parsed = WorldDocument.safeParse(doc.toJS());
  if (!parsed.success) throw fail(parsed.error.issues.map((issue) => toProblem(issue, doc, at)), fileName);
  const semantic = checkWorldSpec(parsed.data);
  if (semantic.length > 0) {
    const problems = semantic.map((problem) => ({
      code: 'sim.invalid-world' as const,
      message: `${formatPath(problem.path)}: ${problem.message}`,
      hint: HINT,
      location: at(locate(doc, problem.path)),
    }));
    throw fail(problems, fileName);
  }
  return parsed.data;
}

/** Validates a world given as an object (e.g. built in code). */
export function parseWorld(value: unknown, fileName = '<world>'): WorldSpec {
  return loadWorld(stringify(value), fileName);
}

function fail(problems: Problem[], fileName: string): ProblemsError {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return new ProblemsError(problems, `${fileName}: ${count} in the world file: ${problems.map((problem) => problem.message).join('; ')}`);
}

function toProblem(issue: z.core.$ZodIssue, doc: Document, at: (offset: number | undefined) => SourceLocation): Problem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const message = `${formatPath([...path, key])}: unknown key "${key}"`;
    return { code: 'sim.unknown-key', message, hint: HINT, location: at(locate(doc, path, key)) };
  }
  return { code: 'sim.invalid-world', message: `${formatPath(path)}: ${issueText(issue, doc, path)}`, hint: HINT, location: at(locate(doc, path)) };
}

/**
 * zod does not hand back the value it refused, so "is required" is said only when the key is really
 * absent (a `seed: 1e400` read as Infinity was once called missing); otherwise what was expected.
 */
function issueText(issue: z.core.$ZodIssue, doc: Document, path: Array<string | number>): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (!doc.hasIn(path)) return 'is required';
  const value = doc.getIn(path);
  const shown = typeof value === 'number' && !Number.isFinite(value) ? `${String(value)} (too large to be a number)` : JSON.stringify(value) ?? String(value);
  const expected = issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
  return `must be ${expected}, not ${shown}`;
}

/** Offset of the node at the path (or of the key `key` in it), falling back to the nearest ancestor. */
function locate(doc: Document, path: Array<string | number>, key?: string): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (depth === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key)) return pair.key.range?.[0];
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}

function formatPath(path: Array<string | number>): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || '(document)';
}

/** Drops what a reader need not see: empty lists and maps, and false writer/primary flags. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key, item]) => {
    if (item === undefined) return false;
    if (Array.isArray(item) && item.length === 0) return false;
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 0) return false;
    return !((key === 'writer' || key === 'primary') && item === false);
  });
  return Object.fromEntries(entries.map(([key, item]) => [key, prune(item)]));
}

export function worldToYaml(world: WorldSpec): string {
  const header = `# drctl simulator world: ${world.metadata.name}. Durations are "90s" or ranges "60s..90s"; faults are under spec.faults.\n`;
  return header + stringify(prune(world), { lineWidth: 120 });
}
