// A parsed YAML document that can answer "where is this path?" as file:line:col, so every problem
// points at the exact key or value an engineer must change.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem, SourceLocation } from '../core/errors';

export type Path = readonly (string | number)[];

export class RunbookSource {
  readonly lineCounter = new LineCounter();
  readonly document: Document.Parsed;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.document = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
  }

  locationAt(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.file, line, column: col };
  }

  /** The node at a path, or the nearest existing ancestor when part of the path is missing. */
  nodeAt(path: Path): { node: Node | undefined; exact: boolean } {
    let node: unknown = this.document.contents;
    for (const key of path) {
      const child = childOf(node, key);
      if (child === undefined) return { node: node as Node | undefined, exact: false };
      node = child;
    }
    return { node: node as Node | undefined, exact: true };
  }

  /** Where a value lives; for a missing key, its parent object. */
  locate(path: Path): SourceLocation {
    const { node } = this.nodeAt(path);
    return this.locationAt(node?.range?.[0] ?? 0);
  }

  /** Where a key is written (for unknown keys). */
  locateKey(path: Path, key: string): SourceLocation {
    const { node, exact } = this.nodeAt(path);
    if (exact && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return this.locationAt(keyNode.range[0]);
    }
    return this.locate(path);
  }

  /** Where a character inside a string value is: for `${{ }}` problems. */
  locateInString(path: Path, offsetInValue: number): SourceLocation {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isScalar(node) || !node.range) return this.locate(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const raw = this.text.slice(node.range[0], node.range[1]);
    // Offsets map one to one for single-line plain and quoted scalars; otherwise point at the value.
    if (raw.includes('\n') || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return this.locate(path);
    return this.locationAt(node.range[0] + (quoted ? 1 : 0) + offsetInValue);
  }

  /** Plain data; aliases are the one thing that can still fail here (an alias to nothing, alias bombs). */
  toData(): { data: unknown } | { problem: Problem } {
    try {
      return { data: this.document.toJS({ maxAliasCount: 100 }) };
    } catch (error) {
      let offset = 0;
      visit(this.document, { Alias: (_, node) => { if (isAlias(node) && node.range) { offset = node.range[0]; return visit.BREAK; } } });
      return { problem: { code: 'runbook.bad-alias', message: `YAML alias problem: ${firstLine(error instanceof Error ? error.message : String(error))}`, hint: 'Define the anchor (&name) before using the alias (*name), or write the value out; runbooks rarely need aliases.', location: this.locationAt(offset) } };
    }
  }

  /** The first syntax error only: after it the parser's recovery produces noise, not information. */
  syntaxProblems(): Problem[] {
    return this.document.errors.slice(0, 1).map((error) => ({
      code: error.code === 'DUPLICATE_KEY' ? 'runbook.duplicate-key' : 'runbook.yaml-syntax',
      message: firstLine(error.message),
      hint:
        error.code === 'DUPLICATE_KEY'
          ? 'Each key may appear once in a mapping; remove or rename the repeated one.'
          : 'Fix the YAML syntax here; indentation and unclosed brackets or quotes are the usual causes.',
      location: this.locationAt(error.pos[0]),
    }));
  }
}

function childOf(node: unknown, key: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** Renders a path the way an engineer reads it: spec.steps[2].with.resource */
export function formatPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}
