// A parsed runbook that can answer "where is this path?" as file:line:col, so every problem points at
// the exact key or value an engineer must change. The nodes come from either YAML parser (yaml/nodes.ts).
import type { SourceLocation } from '../core/errors';
import { childOf, keyNodeOf, type YamlNode } from './yaml/nodes';

export type Path = readonly (string | number)[];

export class RunbookSource {
  private lineStarts: readonly number[] | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly root: YamlNode | undefined,
    /** Line starts as the parser counted them; by default, after every line feed. */
    lineStarts?: readonly number[],
  ) {
    this.lineStarts = lineStarts;
  }

  locationAt(offset: number): SourceLocation {
    const { line, column } = linePosition(this.starts(), Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.file, line, column };
  }

  /** The node at a path, or the nearest existing ancestor when part of the path is missing. */
  nodeAt(path: Path): { node: YamlNode | undefined; exact: boolean } {
    let node = this.root;
    for (const key of path) {
      const child = childOf(node, key);
      if (child === undefined) return { node, exact: false };
      node = child;
    }
    return { node, exact: true };
  }

  /** Where a value lives; for a missing key, its parent object. */
  locate(path: Path): SourceLocation {
    return this.locationAt(this.nodeAt(path).node?.start ?? 0);
  }

  /** Where a key is written (for unknown keys). */
  locateKey(path: Path, key: string): SourceLocation {
    const { node, exact } = this.nodeAt(path);
    const keyNode = exact ? keyNodeOf(node, key) : undefined;
    return keyNode ? this.locationAt(keyNode.start) : this.locate(path);
  }

  /** Where a character inside a string value is: for `${{ }}` problems. */
  locateInString(path: Path, offsetInValue: number): SourceLocation {
    const { node, exact } = this.nodeAt(path);
    if (!exact || node?.kind !== 'scalar') return this.locate(path);
    const quoted = node.style === 'double' || node.style === 'single';
    // Offsets map one to one for single-line plain and quoted scalars; otherwise point at the value.
    if (node.style === 'block' || this.text.slice(node.start, node.end).includes('\n')) return this.locate(path);
    return this.locationAt(node.start + (quoted ? 1 : 0) + offsetInValue);
  }

  private starts(): readonly number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

/** 1-based line and column of an offset, as the `yaml` library's LineCounter answers. */
function linePosition(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  if (starts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - (starts[low - 1] ?? 0) + 1 };
}

/** Renders a path the way an engineer reads it: spec.steps[2].with.resource */
export function formatPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}
