// The YAML that runbooks are written in, parsed in one pass with no library: a mapping at the root, block
// mappings and sequences, flow collections on one line, plain and single-line quoted scalars, comments.
// `drctl validate` spends its time here on every CI run, and the `yaml` library costs ~10x more to load
// and run cold. Anything outside this subset (anchors, tags, block scalars, multi-line scalars, tabs,
// CRLF, several documents, every error) makes it give up, and the caller parses the text with the `yaml`
// library instead (full.ts). It never decides what the full parser would decide differently:
// test/runbook/yaml-subset.test.ts holds it to the `yaml` library, node by node, on generated text.
import type { ParsedYaml, YamlMap, YamlNode, YamlScalar, YamlSeq } from './nodes';
import { quoted, resolvePlain, UNSUPPORTED, unsupported } from './scalars';

/** Tabs, carriage returns, other control characters, byte order marks, line separators, lone surrogates. */
const OUTSIDE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Characters that cannot start a plain scalar (YAML's c-indicator, less - ? : handled apart). */
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`']);
const FLOW_END = new Set([',', ']', '}']);
/** Where a plain scalar may end: a line break, a colon, a comment, and in flow context its brackets. */
const BLOCK_STOPS = /[\n:#]/g;
const FLOW_STOPS = /[\n:#,[\]{}]/g;

type Parsed = [node: YamlNode, value: unknown, next: number];
interface Line {
  start: number;
  indent: number;
}

/** The document, or undefined when the text is not in the subset (the full parser decides then). */
export function parseSubset(text: string): ParsedYaml | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    return new SubsetParser(text).document();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

class SubsetParser {
  constructor(private readonly text: string) {}

  document(): ParsedYaml {
    // One document, maybe opened by a bare `---` line.
    const first = this.contentLine(0, true);
    const opened = first !== undefined && first.indent === 0 && this.text.startsWith('---', first.start) && this.isBreak(first.start + 3);
    if (opened && this.text[first.start + 3] === ' ') unsupported();
    const line = opened ? this.contentLine(this.nextLine(first.start)) : this.contentLine(0);
    if (!line || line.indent !== 0 || this.isSeqEntry(line.start)) unsupported();
    const [root, data, next] = this.blockMap(line.start, 0);
    if (next < this.text.length) unsupported();
    return { root, data };
  }

  /** The next line with content from a line start, past blank and comment lines; undefined at the end. */
  private contentLine(from: number, markersAllowed = false): Line | undefined {
    const { text } = this;
    for (let start = from; start < text.length; ) {
      let at = start;
      while (text[at] === ' ') at++;
      const char = text[at];
      if (char === undefined) return undefined;
      if (char === '\n' || char === '#') {
        start = this.nextLine(at);
        continue;
      }
      if (at === start && !markersAllowed && (text.startsWith('---', at) || text.startsWith('...', at)) && this.isBreak(at + 3)) unsupported();
      return { start, indent: at - start };
    }
    return undefined;
  }

  private blockMap(first: number, indent: number): Parsed {
    const node: YamlMap = { kind: 'map', start: first, pairs: [] };
    const data: Record<string, unknown> = {};
    for (let at = first; ; ) {
      const key = this.implicitKey(at) ?? unsupported();
      // A repeated key is an error the full parser words; `__proto__` would set the prototype.
      if (Object.hasOwn(data, key.name) || key.name === '__proto__') unsupported();
      const [value, valueData, next] = this.blockValue(key.colon + 1, indent, 'map');
      node.pairs.push({ key: key.node, value });
      data[key.name] = valueData;
      const line = this.contentLine(next);
      if (!line || line.indent < indent) return [node, data, line?.start ?? this.text.length];
      if (line.indent > indent || this.isSeqEntry(line.start + indent)) unsupported();
      at = line.start + indent;
    }
  }

  private blockSeq(first: number, indent: number): Parsed {
    const node: YamlSeq = { kind: 'seq', start: first, items: [] };
    const data: unknown[] = [];
    for (let at = first; ; ) {
      const [item, value, next] = this.blockValue(at + 1, indent, 'seq');
      node.items.push(item);
      data.push(value);
      const line = this.contentLine(next);
      if (!line || line.indent < indent) return [node, data, line?.start ?? this.text.length];
      if (line.indent > indent) unsupported();
      // The same column without a dash: the mapping this sequence is a value of goes on.
      if (!this.isSeqEntry(line.start + indent)) return [node, data, line.start];
      at = line.start + indent;
    }
  }

  /** The value after `key:` or `-` (at `from`) of a collection at column `indent`. */
  private blockValue(from: number, indent: number, parent: 'map' | 'seq'): Parsed {
    const at = this.skipSpaces(from);
    const char = this.text[at];
    if (char === undefined || char === '\n' || char === '#') {
      const after = this.nextLine(at);
      const line = this.contentLine(after);
      if (line && line.indent > indent) {
        const start = line.start + line.indent;
        return this.isSeqEntry(start) ? this.blockSeq(start, line.indent) : this.blockMap(start, line.indent);
      }
      // YAML lets a mapping's sequence value start at the mapping's own column.
      if (line && parent === 'map' && line.indent === indent && this.isSeqEntry(line.start + indent)) return this.blockSeq(line.start + indent, indent);
      return [{ kind: 'scalar', start: at, end: at, style: 'plain', value: null }, null, after];
    }
    if (parent === 'seq') {
      if (this.isSeqEntry(at)) unsupported();
      // `- key: value` starts a mapping at the key's column.
      if (this.implicitKey(at)) return this.blockMap(at, indent + 1 + (at - from));
    }
    const [node, value, end] = this.inlineValue(at);
    return [node, value, this.restOfLine(end)];
  }

  private inlineValue(at: number): Parsed {
    const char = this.text[at];
    if (char === '[' || char === '{') return this.flow(at);
    if (char === '"' || char === "'") return this.quotedScalar(at);
    const plain = this.plain(at, 'block');
    if (plain.stop === 'colon') unsupported();
    return this.plainScalar(at, plain.end);
  }

  /** A key and its colon at `at`, or undefined when the line holds no `key:` there. */
  private implicitKey(at: number): { node: YamlScalar; name: string; colon: number } | undefined {
    const { text } = this;
    let node: YamlScalar;
    if (text[at] === '[' || text[at] === '{') return undefined;
    if (text[at] === '"' || text[at] === "'") {
      node = this.quotedScalar(at)[0] as YamlScalar;
    } else {
      const plain = this.plain(at, 'block');
      if (plain.stop !== 'colon' || plain.end !== plain.stopAt) return undefined;
      node = this.plainScalar(at, plain.end)[0] as YamlScalar;
    }
    if (text[node.end] !== ':' || !this.isBreak(node.end + 1)) return undefined;
    // Keys are strings here; YAML allows implicit keys up to 1024 characters; `<<` may mean a merge.
    if (typeof node.value !== 'string' || node.end - at > 1000 || node.value === '<<') unsupported();
    return { node, name: node.value, colon: node.end };
  }

  /** A plain scalar from `at`: where its value ends, and what stopped it. */
  private plain(at: number, context: 'block' | 'flow'): { end: number; stop: 'colon' | 'comment' | 'end' | 'flow'; stopAt: number } {
    const { text } = this;
    const first = text[at] ?? '';
    if (INDICATORS.has(first) || ((first === '-' || first === '?' || first === ':') && this.endsPlainAfterIndicator(text[at + 1], context))) unsupported();
    // Jump from one character that may end the scalar to the next (a regex scans faster than a loop).
    const stops = context === 'flow' ? FLOW_STOPS : BLOCK_STOPS;
    let stop: 'colon' | 'comment' | 'end' | 'flow' = 'end';
    let index = at;
    for (;;) {
      stops.lastIndex = index;
      index = stops.exec(text)?.index ?? text.length;
      const char = text[index];
      if (char === undefined || char === '\n') break;
      if (char === ':') {
        if (this.endsPlainAfterIndicator(text[index + 1], context)) {
          stop = 'colon';
          break;
        }
      } else if (char === '#') {
        if (text[index - 1] === ' ') {
          stop = 'comment';
          break;
        }
      } else {
        stop = 'flow';
        break;
      }
      index++;
    }
    let end = index;
    while (end > at && text[end - 1] === ' ') end--;
    return { end, stop, stopAt: index };
  }

  private endsPlainAfterIndicator(next: string | undefined, context: 'block' | 'flow'): boolean {
    return next === undefined || next === ' ' || next === '\n' || (context === 'flow' && (FLOW_END.has(next) || next === '[' || next === '{'));
  }

  private plainScalar(start: number, end: number): Parsed {
    const value = resolvePlain(this.text.slice(start, end));
    return [{ kind: 'scalar', start, end, style: 'plain', value }, value, end];
  }

  private quotedScalar(start: number): Parsed {
    const { value, end } = quoted(this.text, start);
    return [{ kind: 'scalar', start, end, style: this.text[start] === '"' ? 'double' : 'single', value }, value, end];
  }

  /** `[...]` or `{...}` on one line: items are scalars or nested flow collections, never empty. */
  private flow(start: number): Parsed {
    const { text } = this;
    const isMap = text[start] === '{';
    const close = isMap ? '}' : ']';
    const map: YamlMap = { kind: 'map', start, pairs: [] };
    const seq: YamlSeq = { kind: 'seq', start, items: [] };
    const mapData: Record<string, unknown> = {};
    const seqData: unknown[] = [];
    let at = this.skipSpaces(start + 1);
    if (text[at] !== close) {
      for (;;) {
        if (isMap) {
          const [key, name] = this.flowItem(at);
          if (key.kind !== 'scalar' || typeof name !== 'string' || name === '__proto__' || name === '<<' || Object.hasOwn(mapData, name)) unsupported();
          if (text[key.end] !== ':' || text[key.end + 1] !== ' ') unsupported();
          const [value, valueData, end] = this.flowItem(this.skipSpaces(key.end + 1));
          map.pairs.push({ key, value });
          mapData[name] = valueData;
          at = this.skipSpaces(end);
        } else {
          const [item, value, end] = this.flowItem(at);
          seq.items.push(item);
          seqData.push(value);
          at = this.skipSpaces(end);
        }
        if (text[at] !== ',') break;
        at = this.skipSpaces(at + 1);
      }
      if (text[at] !== close) unsupported();
    }
    return isMap ? [map, mapData, at + 1] : [seq, seqData, at + 1];
  }

  private flowItem(at: number): Parsed {
    const char = this.text[at];
    if (char === '[' || char === '{') return this.flow(at);
    if (char === '"' || char === "'") return this.quotedScalar(at);
    const plain = this.plain(at, 'flow');
    if (plain.stop === 'comment' || plain.stop === 'end' || plain.end === at) unsupported();
    if (plain.stop === 'flow' && !FLOW_END.has(this.text[plain.stopAt] as string)) unsupported();
    return this.plainScalar(at, plain.end);
  }

  /** After a value: spaces, maybe a comment, then the line ends. Returns the next line's start. */
  private restOfLine(from: number): number {
    const at = this.skipSpaces(from);
    const char = this.text[at];
    if (char === undefined || char === '\n' || (char === '#' && at > from)) return this.nextLine(at);
    return unsupported();
  }

  private isSeqEntry(at: number): boolean {
    return this.text[at] === '-' && this.isBreak(at + 1);
  }

  /** A space, a line break or the end of the text. */
  private isBreak(at: number): boolean {
    const char = this.text[at];
    return char === undefined || char === ' ' || char === '\n';
  }

  private skipSpaces(at: number): number {
    while (this.text[at] === ' ') at++;
    return at;
  }

  private nextLine(at: number): number {
    const newline = this.text.indexOf('\n', at);
    return newline < 0 ? this.text.length : newline + 1;
  }
}
