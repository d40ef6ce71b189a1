// Scalars of the fast parser: what a plain scalar means under the YAML 1.2 core schema (the schema the
// `yaml` library uses by default, tested in the same order), and single-line quoted scalars. Anything
// else (a multi-line scalar, an escape outside the YAML set) is not this parser's to decide: it gives up.

/** Thrown when the text leaves the subset; the caller hands the whole text to the full parser. */
export const UNSUPPORTED = Symbol('unsupported YAML');

export function unsupported(): never {
  throw UNSUPPORTED;
}

// The core schema's tags, in the `yaml` library's order (schema/core/schema.js): null, bool, octal,
// decimal and hexadecimal integers, then .inf/.nan, exponent and plain floats.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A plain scalar that can only be a string: no digit, sign, dot or tilde first, no null or bool word. */
const SURELY_TEXT = /^[A-EG-MO-SU-Za-eg-mo-su-z_$/(]/;

export function resolvePlain(text: string): unknown {
  if (SURELY_TEXT.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OCTAL.test(text)) return parseInt(text.substring(2), 8);
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (HEX.test(text)) return parseInt(text.substring(2), 16);
  if (INF_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXPONENT.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

// YAML's double-quoted escapes (the `yaml` library's table); \x, \u and \U are decoded separately.
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A single-line quoted scalar starting at `start` (on its quote): its value and where it ends. */
export function quoted(text: string, start: number): { value: string; end: number } {
  return text[start] === "'" ? singleQuoted(text, start) : doubleQuoted(text, start);
}

function singleQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  for (;;) {
    const close = text.indexOf("'", from);
    const newline = text.indexOf('\n', from);
    if (close < 0 || (newline >= 0 && newline < close)) unsupported();
    value += text.slice(from, close);
    if (text[close + 1] !== "'") return { value, end: close + 1 };
    value += "'";
    from = close + 2;
  }
}

function doubleQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  for (let at = from; ; at++) {
    const char = text[at];
    if (char === undefined || char === '\n') unsupported();
    if (char === '"') return { value: value + text.slice(from, at), end: at + 1 };
    if (char !== '\\') continue;
    value += text.slice(from, at);
    const code = text[at + 1] ?? '';
    const simple = ESCAPES[code];
    if (simple !== undefined) {
      value += simple;
      at += 1;
    } else {
      const length = HEX_LENGTH[code] ?? unsupported();
      const digits = text.slice(at + 2, at + 2 + length);
      const point = /^[0-9a-fA-F]+$/.test(digits) && digits.length === length ? parseInt(digits, 16) : unsupported();
      // Lone surrogates and points past U+10FFFF are the full parser's to judge.
      if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) unsupported();
      value += String.fromCodePoint(point);
      at += 1 + length;
    }
    from = at + 1;
  }
}
