// A parsed YAML document as validation needs it: plain data, and for every node where it starts (and for a
// scalar where its value ends and how it was written), so a problem can point at file:line:col. Both
// parsers (fast.ts for the subset runbooks are written in, full.ts for everything else) produce these.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface YamlScalar {
  kind: 'scalar';
  start: number;
  /** Where the value ends (after a closing quote; before trailing spaces and comments). */
  end: number;
  style: ScalarStyle;
  value: unknown;
}

export interface YamlPair {
  /** Undefined for a pair written without a key (`: value`), which the full parser allows. */
  key: YamlNode | undefined;
  value: YamlNode | undefined;
}

export interface YamlMap {
  kind: 'map';
  start: number;
  pairs: YamlPair[];
}

export interface YamlSeq {
  kind: 'seq';
  start: number;
  items: YamlNode[];
}

/** An alias (*name): validation never looks inside it. */
export interface YamlAlias {
  kind: 'alias';
  start: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

/** Why a text is not a YAML document drctl can read: the first error only (the rest is recovery noise). */
export interface YamlError {
  code: 'duplicate-key' | 'syntax' | 'bad-alias';
  message: string;
  offset: number;
}

export interface ParsedYaml {
  /** Undefined when the text could not be read as YAML (then `error` says why). */
  root?: YamlNode;
  data?: unknown;
  error?: YamlError;
  /** Offsets where lines start, when the parser kept them (the `yaml` library's own count). */
  lineStarts?: number[];
}

// Large maps (hundreds of resources) are looked up once per problem: index their keys on first use.
const keyIndexes = new WeakMap<YamlMap, Map<string, YamlNode | undefined>>();

function keyIndex(node: YamlMap): Map<string, YamlNode | undefined> {
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.pairs) {
      const key = pair.key?.kind === 'scalar' ? String(pair.key.value) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, pair.value);
    }
    keyIndexes.set(node, index);
  }
  return index;
}

export function childOf(node: YamlNode | undefined, key: string | number): YamlNode | undefined {
  if (node?.kind === 'map') return keyIndex(node).get(String(key));
  if (node?.kind === 'seq' && typeof key === 'number') return node.items[key];
  return undefined;
}

export function keyNodeOf(node: YamlNode | undefined, key: string): YamlNode | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.pairs.find((pair) => pair.key?.kind === 'scalar' && String(pair.key.value) === key)?.key;
}
