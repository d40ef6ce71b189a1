// Writes an ARC cluster's endpoints into a runbook's text (`drctl arc describe <arn> --write <runbook>`).
// The yaml library's Document API finds the arc-cluster resources with that ARN and where their
// `endpoints` are; the new list is spliced into the text there, so every other byte of the file (its
// comments, blank lines, quoting and flow style, which a re-stringified document would not all keep)
// stays as the engineer wrote it. The result is parsed again before it is handed back.
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../core/errors';
import type { ClusterEndpoint } from '../core/services/arc';

export interface DeclaredCluster {
  /** The resource's name under spec.resources. */
  name: string;
  clusterArn: string;
  endpoints: ClusterEndpoint[];
}

export type FillResult =
  | { kind: 'filled'; text: string; changed: DeclaredCluster[]; unchanged: DeclaredCluster[] }
  | { kind: 'not-declared'; declared: DeclaredCluster[] }
  | { kind: 'problem'; problem: Problem };

interface Found {
  cluster: DeclaredCluster;
  value: YAMLMap;
}

const sameEndpoints = (a: readonly ClusterEndpoint[], b: readonly ClusterEndpoint[]) =>
  a.length === b.length && a.every((entry, index) => entry.region === b[index]?.region && entry.endpoint === b[index]?.endpoint);

function endpointsOf(value: unknown): ClusterEndpoint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => (entry && typeof entry.region === 'string' && typeof entry.endpoint === 'string' ? [{ region: entry.region, endpoint: entry.endpoint }] : []));
}

/** Every arc-cluster resource of the document, with its map node. */
function arcClusters(document: Document, resources: unknown): Found[] {
  if (!isMap(resources)) return [];
  return resources.items.flatMap((pair) => {
    const value = pair.value;
    if (!isScalar(pair.key) || !isMap(value)) return [];
    const data = value.toJS(document) as Record<string, unknown>;
    if (data.type !== 'arc-cluster' || typeof data.clusterArn !== 'string') return [];
    return [{ cluster: { name: String(pair.key.value), clusterArn: data.clusterArn, endpoints: endpointsOf(data.endpoints) }, value }];
  });
}

const column = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** `endpoints:` and one flow mapping a line, as the shipped runbooks write them. */
function endpointsText(endpoints: readonly ClusterEndpoint[], indent: number, comment = ''): string {
  const items = endpoints.map(({ region, endpoint }) => `${' '.repeat(indent + 2)}- { region: ${region}, endpoint: ${JSON.stringify(endpoint)} }`);
  return [`endpoints:${comment}`, ...items].join('\n');
}

/** A comment after a value on its line (`endpoints: []   # todo`), kept for the line that replaces it. */
function restOfLine(text: string, from: number): { end: number; comment: string } {
  const match = /^[ \t]*(#[^\n]*)?/.exec(text.slice(from));
  const comment = match?.[1] ? ` ${match[1]}` : '';
  return { end: from + (match?.[1] ? (match[0]?.length ?? 0) : 0), comment };
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Where the new endpoints go in one resource's map, and what replaces what. */
function spliceFor(text: string, value: YAMLMap, endpoints: readonly ClusterEndpoint[], keyOffset: number): Splice {
  const pairs = value.items as Array<Pair<{ value?: unknown; range?: number[] }, { range?: number[] } | null>>;
  const [mapStart = 0, mapEnd = 0] = value.range ?? [];
  if (value.flow) {
    // { type: arc-cluster, clusterArn: ... } becomes a block mapping: five endpoints do not fit a line.
    const indent = column(text, keyOffset) + 2;
    const lines = pairs
      .filter((pair) => pair.key.value !== 'endpoints')
      .map((pair) => `${' '.repeat(indent)}${text.slice(pair.key.range?.[0] ?? 0, pair.value?.range?.[1] ?? pair.key.range?.[1] ?? 0)}`);
    // The comment that ended the line ends the key's line; the key's line keeps no trailing space.
    const { end, comment } = restOfLine(text, mapEnd);
    let start = mapStart;
    while (text[start - 1] === ' ') start--;
    return { start, end, text: `${comment}\n${[...lines, `${' '.repeat(indent)}${endpointsText(endpoints, indent)}`].join('\n')}` };
  }
  const indent = column(text, pairs[0]?.key.range?.[0] ?? mapStart);
  const existing = pairs.find((pair) => pair.key.value === 'endpoints');
  if (existing) {
    const start = existing.key.range?.[0] ?? mapStart;
    const valueEnd = existing.value?.range?.[1] ?? existing.key.range?.[1] ?? start;
    // A block list ends with its newline; a flow list or an empty value ends before the rest of its line.
    const block = isSeq(existing.value) && !existing.value.flow && text[valueEnd - 1] === '\n';
    if (block) return { start, end: valueEnd, text: `${endpointsText(endpoints, indent)}\n` };
    const { end, comment } = restOfLine(text, valueEnd);
    return { start, end, text: endpointsText(endpoints, indent, comment) };
  }
  // After clusterArn (or the last key), on a line of its own.
  const after = pairs.find((pair) => pair.key.value === 'clusterArn') ?? pairs[pairs.length - 1];
  const at = after?.value?.range?.[2] ?? mapEnd;
  const newline = text[at - 1] === '\n' ? '' : '\n';
  return { start: at, end: at, text: `${newline}${' '.repeat(indent)}${endpointsText(endpoints, indent)}\n` };
}

function yamlProblem(file: string, text: string, error: { message: string; pos: [number, number] }): Problem {
  const counter = new LineCounter();
  parseDocument(text, { lineCounter: counter });
  const { line, col } = counter.linePos(error.pos[0]);
  return { code: 'runbook.yaml-syntax', message: `${file} is not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, hint: 'Fix the YAML syntax here, then run the command again.', location: { file, line, column: col } };
}

export interface DeclaredControl {
  name: string;
  /** The arc-cluster resource it names. */
  cluster: string;
  routingControlArn: string;
  region?: string;
}

/**
 * The ARC resources a runbook declares, read leniently (the rest of the runbook may have problems
 * `drctl validate` reports): what --write checks before any AWS call, and what --sim builds its world from.
 */
export function declaredArc(file: string, text: string): { clusters: DeclaredCluster[]; controls: DeclaredControl[] } | { problem: Problem } {
  const document = parseDocument(text);
  const error = document.errors[0];
  if (error) return { problem: yamlProblem(file, text, error) };
  const resources = document.getIn(['spec', 'resources'], true);
  const controls = isMap(resources)
    ? resources.items.flatMap((pair): DeclaredControl[] => {
        const data = isMap(pair.value) ? (pair.value.toJS(document) as Record<string, unknown>) : {};
        if (data.type !== 'arc-routing-control' || typeof data.cluster !== 'string' || typeof data.routingControlArn !== 'string') return [];
        const region = typeof data.region === 'string' ? { region: data.region } : {};
        return [{ name: String((pair.key as { value?: unknown }).value), cluster: data.cluster, routingControlArn: data.routingControlArn, ...region }];
      })
    : [];
  return { clusters: arcClusters(document, resources).map((found) => found.cluster), controls };
}

/** The runbook's text with the endpoints of every arc-cluster resource whose clusterArn is `clusterArn`. */
export function fillClusterEndpoints(file: string, text: string, clusterArn: string, endpoints: readonly ClusterEndpoint[]): FillResult {
  const document = parseDocument(text, { keepSourceTokens: false });
  const error = document.errors[0];
  if (error) return { kind: 'problem', problem: yamlProblem(file, text, error) };
  const declared = arcClusters(document, document.getIn(['spec', 'resources'], true));
  const targets = declared.filter((found) => found.cluster.clusterArn === clusterArn);
  if (targets.length === 0) return { kind: 'not-declared', declared: declared.map((found) => found.cluster) };
  const changing = targets.filter((found) => !sameEndpoints(found.cluster.endpoints, endpoints));
  const resources = document.getIn(['spec', 'resources'], true) as YAMLMap;
  const splices = changing.map((found) => {
    const keyOffset = (resources.items.find((pair) => pair.value === found.value)?.key as { range?: number[] } | undefined)?.range?.[0] ?? 0;
    return spliceFor(text, found.value, endpoints, keyOffset);
  });
  // From the end backwards, so each splice's offsets still hold.
  let edited = text;
  for (const splice of splices.sort((a, b) => b.start - a.start)) edited = edited.slice(0, splice.start) + splice.text + edited.slice(splice.end);
  const again = parseDocument(edited);
  const check = arcClusters(again, again.getIn(['spec', 'resources'], true));
  if (!changing.every((found) => sameEndpoints(check.find((again) => again.cluster.name === found.cluster.name)?.cluster.endpoints ?? [], endpoints))) {
    throw new Error(`bug: the endpoints written into ${file} do not read back`);
  }
  const unchanged = targets.filter((found) => !changing.includes(found)).map((found) => found.cluster);
  return { kind: 'filled', text: edited, changed: changing.map((found) => found.cluster), unchanged };
}
