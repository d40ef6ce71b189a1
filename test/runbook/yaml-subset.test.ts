// The fast YAML parser (src/runbook/yaml/fast.ts) must never read a text differently from the `yaml`
// library: whenever it accepts one, the library must accept it too, with the same data (key order,
// types, -0 and NaN included) and the same node positions that problems point at. Generated text from
// three directions: values written by the library's own stringify, mutated runbooks, and token soup.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSubset } from '../../src/runbook/yaml/fast';
import { parseFull } from '../../src/runbook/yaml/full';
import { VALID_RUNBOOK } from '../helpers/runbook-text';

const RUNBOOKS = readdirSync('runbooks').map((name) => readFileSync(path.join('runbooks', name), 'utf8'));

/** Data with its key order made visible, so toEqual compares order as well. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([key, item]) => [key, ordered(item)]);
  return value;
}

/** Parses with both; true when the fast parser accepted (and then agreed). */
function agrees(text: string): boolean {
  const fast = parseSubset(text);
  if (!fast) return false;
  const full = parseFull(text);
  expect(full.error, `the yaml library refuses what the fast parser accepted:\n${text}`).toBeUndefined();
  expect(ordered(fast.data), text).toEqual(ordered(full.data));
  expect(fast.root, text).toEqual(full.root);
  return true;
}

/** Runs a property and returns how many generated texts the fast parser accepted. */
function acceptedOf(texts: fc.Arbitrary<string>, numRuns: number): number {
  let accepted = 0;
  fc.assert(fc.property(texts, (text) => void (agrees(text) && accepted++)), { numRuns });
  return accepted;
}

const tricky = fc.string({ unit: fc.constantFrom(...'ab :#-?[]{},&*!|>\'"%@`~.019eExo+_\\/\n\tü'.split(''), '🙂', 'null', 'true', '0x1F', '0o7', '.inf', '.NaN', '${{', '}}'), maxLength: 12 });
const scalar = fc.oneof(tricky, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('us-west-2', '5m', '${{ inputs.to }}', 'a: b', '- x', '# no', 'x #y'));
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(tricky, fc.constantFrom('id', 'uses', 'with')), tie('value'), { maxKeys: 4 })),
})).value;
const options = fc.record({
  indentSeq: fc.boolean(),
  indent: fc.constantFrom(2, 3, 4),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
  defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const),
  flowCollectionPadding: fc.boolean(),
});
const written = fc.tuple(fc.dictionary(fc.oneof(tricky, fc.constantFrom('spec', 'steps')), value, { minKeys: 1, maxKeys: 5 }), options).map(([data, opts]) => stringify(data, { ...opts, lineWidth: 0, aliasDuplicateObjects: false }));

const SNIPPETS = ['\n', '\n  ', ' ', '  ', '- ', '-', ':', ': ', ' #', '#', '"', "'", "''", '[', ']', '{', '}', ',', '&a ', '*a', '!t ', '|', '>', '? ', '---\n', '...', '\\', '\\x41', '\\u00e9', '0o7', '-0', '1e3', '.5', '~', 'null', 'True', '<<', '__proto__', 'toString', '\t', '\r\n', '\ufeff'];
const mutation = fc.record({ at: fc.nat(), drop: fc.nat({ max: 6 }), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })) });
const mutated = fc.tuple(fc.constantFrom(VALID_RUNBOOK, ...RUNBOOKS), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
  edits.reduce((out, edit) => {
    const at = edit.at % (out.length + 1);
    return out.slice(0, at) + edit.insert + out.slice(at + edit.drop);
  }, text),
);

// Lines of the shapes runbooks have, from keys and values chosen to sit on YAML's edges.
const KEYS = ['a', 'b', 'k 1', '"q"', "'s'", '1', '-x', 'x-', 'a:b', 'http://x', 'true', 'null', '~', '.5', 'a#b', 'a #b', '?x', '-', ':', '"a" ', 'x:'];
const VALUES = ['x', 'b c', '"q"', "'it''s'", '"a\\tb"', '"\\u00e9"', '1', '-1', '+1', '0o17', '0x1F', '1.50', '1e3', '.inf', '-.Inf', '.nan', '-0', '0.', 'true', 'False', 'null', 'NULL', 'nULL', '~', '', '[a, b]', '{a: 1}', '[ ]', '{}', '[a, [b]]', '{a: [1, 2]}', '["x: y"]', '[a,b]', '[a, ]', '{a: }', '{a}', '[a: b]', 'x: y', 'b #c', 'b#c', 'b ', '[a', '&a x', '*a', '|', '>', '? x', '@x', '%x', '`x`', '- x', '-x', '---', '...', 'a, b', 'x]', '{"k": "v"}', "{'k': 'v'}", '[http://x, a:b]'];
type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
const tree = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...VALUES),
    fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { minLength: 1, maxLength: 3 }) }),
    fc.record({ seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
  ),
})).tree;

/** Block YAML for a tree; `shift` moves some lines off their column, `tails` add comments and spaces. */
function render(node: Tree, indent: number, step: number, noise: number[]): string[] {
  const pad = (extra = 0) => ' '.repeat(Math.max(0, indent + extra));
  const jitter = () => ((noise.shift() ?? 0) % 7 === 0 ? 1 : 0);
  const tail = () => ['', ' # c', '  ', '', ''][(noise.shift() ?? 0) % 5] ?? '';
  if (typeof node === 'string') return [`${pad()}${node}${tail()}`];
  if ('map' in node) {
    return node.map.flatMap(([key, value]) =>
      typeof value === 'string' ? [`${pad(jitter())}${key}: ${value}${tail()}`] : [`${pad(jitter())}${key}:${tail()}`, ...render(value, indent + step, step, noise)],
    );
  }
  return node.seq.flatMap((item) => {
    if (typeof item === 'string') return [`${pad(jitter())}- ${item}${tail()}`];
    const [first = '', ...rest] = render(item, indent + 2, step, noise);
    // A nested collection starts on the dash's line (compact) or on the next one.
    return (noise.shift() ?? 0) % 2 ? [`${pad()}- ${first.trimStart()}`, ...rest] : [`${pad()}-${tail()}`, first, ...rest];
  });
}

const soup = fc.tuple(tree, fc.constantFrom(2, 4), fc.array(fc.nat(), { maxLength: 30 }), fc.boolean()).map(([node, step, noise, newline]) =>
  render(typeof node === 'object' && 'map' in node ? node : { map: [['root', node]] }, 0, step, noise).join('\n') + (newline ? '\n' : ''),
);

describe('the fast YAML parser', () => {
  it('reads every shipped runbook itself, exactly as the yaml library does', () => {
    for (const text of [VALID_RUNBOOK, ...RUNBOOKS]) expect(agrees(text)).toBe(true);
  });

  it('agrees with the yaml library on what its stringify writes', () => {
    expect(acceptedOf(written, 1500)).toBeGreaterThan(150);
  });

  it('agrees with the yaml library on mutated runbooks', () => {
    expect(acceptedOf(mutated, 1500)).toBeGreaterThan(150);
  });

  it('agrees with the yaml library on token soup', () => {
    expect(acceptedOf(soup, 3000)).toBeGreaterThan(300);
  });

  it('leaves what is outside the subset to the yaml library', () => {
    const outside = ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  text\n', 'a: b\n  c\n', 'a: 1\r\n', 'a:\tb\n', '- a\n', 'a: 1\n---\nb: 2\n', 'a: 1\na: 2\n', 'a: [x,\n  y]\n', '? a\n: b\n', 'a: "x\n  y"\n'];
    for (const text of outside) expect(parseSubset(text), JSON.stringify(text)).toBeUndefined();
  });
});
