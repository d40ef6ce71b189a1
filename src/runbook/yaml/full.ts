// Any YAML, through the `yaml` library: for the texts the fast parser leaves (fast.ts), and so for every
// YAML error. Loaded only then, by parse.ts: the library costs more to load than the fast parser to run.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { ParsedYaml, ScalarStyle, YamlNode } from './nodes';

const STYLES: Record<string, ScalarStyle> = { PLAIN: 'plain', QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double', BLOCK_LITERAL: 'block', BLOCK_FOLDED: 'block' };

export function parseFull(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const { lineStarts } = lineCounter;
  // The first error only: after it the parser's recovery produces noise, not information.
  const error = document.errors[0];
  if (error) return { lineStarts, error: { code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax', message: firstLine(error.message), offset: error.pos[0] } };
  try {
    // Aliases are the one thing that can still fail here (an alias to nothing, alias bombs).
    return { lineStarts, data: document.toJS({ maxAliasCount: 100 }), root: convert(document.contents, 0) };
  } catch (problem) {
    let offset = 0;
    visit(document, {
      Alias: (_, node) => {
        if (node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    return { lineStarts, error: { code: 'bad-alias', message: firstLine(problem instanceof Error ? problem.message : String(problem)), offset } };
  }
}

/** The `yaml` library's node as validation reads it; `at` stands in for a node the library left out. */
function convert(node: unknown, at: number): YamlNode {
  if (isScalar(node)) {
    const [start = at, end = start] = node.range ?? [];
    return { kind: 'scalar', start, end, style: STYLES[node.type ?? 'PLAIN'] ?? 'plain', value: node.value };
  }
  if (isMap(node)) {
    const start = node.range?.[0] ?? at;
    return { kind: 'map', start, pairs: node.items.map((pair) => ({ key: pair.key === null ? undefined : convert(pair.key, start), value: pair.value === null ? undefined : convert(pair.value, start) })) };
  }
  if (isSeq(node)) {
    const start = node.range?.[0] ?? at;
    return { kind: 'seq', start, items: node.items.map((item) => convert(item, start)) };
  }
  if (isAlias(node)) return { kind: 'alias', start: node.range?.[0] ?? at };
  return { kind: 'scalar', start: at, end: at, style: 'plain', value: null };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
