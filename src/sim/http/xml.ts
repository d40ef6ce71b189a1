// Just enough XML for the AWS wire: a writer whose lists name their item element explicitly (the SDK
// silently returns [] when an item name is wrong, so it must never be guessed), and a small parser for
// the request bodies Route 53 receives.

export class XmlList {
  constructor(
    readonly itemName: string,
    readonly items: XmlValue[],
  ) {}
}

export type XmlValue = string | number | boolean | Date | null | undefined | XmlList | XmlObject;
export interface XmlObject {
  [element: string]: XmlValue;
}

/** A list whose items are <itemName> elements. */
export const xmlList = (itemName: string, items: XmlValue[]) => new XmlList(itemName, items);

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function inner(value: XmlValue): string {
  if (value instanceof XmlList) return value.items.map((item) => element(value.itemName, item)).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([name, child]) => element(name, child))
      .join('');
  }
  return escapeXml(String(value));
}

/** <name>value</name>, or nothing when the value is undefined or null. */
export function element(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${inner(value)}</${name}>`;
}

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

/** Parses a document into elements (attributes and namespaces are ignored). Throws on malformed input. */
export function parseXml(source: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    const top = stack[stack.length - 1] as XmlNode;
    top.text += decode(source.slice(last, match.index));
    last = tag.lastIndex;
    if (match[1] !== undefined) {
      top.text += match[1];
      continue;
    }
    const [, , closing, name, , selfClosing] = match;
    if (!name) continue;
    const localName = name.replace(/^.*:/, '');
    if (closing) {
      if (top.name !== localName) throw new Error(`unexpected </${name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: localName, children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  return root;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((candidate) => candidate.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((candidate) => candidate.name === name) ?? [];
}

/** Trimmed text of a child element, if present. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const found = child(node, name);
  return found ? found.text.trim() : undefined;
}
