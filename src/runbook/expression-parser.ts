// The `${{ }}` expression language: references (inputs.x, steps.id.outputs.y, steps.id.outcome,
// resources.name.field), string/number/boolean/null literals, comparisons, && || ! and parentheses.
// Deliberately not a general language: a runbook must never run arbitrary code.

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'ref'; path: string[]; offset: number; length: number }
  | { kind: 'not'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };

export type BinaryOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Token =
  | { type: 'ident'; text: string; offset: number }
  | { type: 'literal'; value: string | number | boolean | null; offset: number }
  | { type: 'op'; text: string; offset: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new ExpressionSyntaxError('unterminated string', i);
      tokens.push({ type: 'literal', value: source.slice(i + 1, end), offset: i });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(i));
      const text = match?.[0] ?? ch;
      tokens.push({ type: 'literal', value: Number(text), offset: i });
      i += text.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))?.[0] ?? ch;
      if (text === 'true' || text === 'false') tokens.push({ type: 'literal', value: text === 'true', offset: i });
      else if (text === 'null') tokens.push({ type: 'literal', value: null, offset: i });
      else tokens.push({ type: 'ident', text, offset: i });
      i += text.length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (!op) throw new ExpressionSyntaxError(`unexpected character "${ch}"`, i);
      tokens.push({ type: 'op', text: op, offset: i });
      i += op.length;
    }
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4 };

/** Parses the text between `${{` and `}}`. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const fail = (message: string): never => {
    throw new ExpressionSyntaxError(message, peek()?.offset ?? source.length);
  };

  function primary(): Expr {
    const token = peek();
    if (!token) return fail('expected a value');
    position++;
    if (token.type === 'literal') return { kind: 'literal', value: token.value };
    if (token.type === 'op' && token.text === '!') return { kind: 'not', operand: primary() };
    if (token.type === 'op' && token.text === '(') {
      const inner = binary(0);
      const close = peek();
      if (close?.type !== 'op' || close.text !== ')') fail('expected ")"');
      position++;
      return inner;
    }
    if (token.type === 'ident') {
      const path = [token.text];
      let end = token.offset + token.text.length;
      while (peek()?.type === 'op' && (peek() as { text: string }).text === '.') {
        position++;
        const next = peek();
        if (next?.type !== 'ident') return fail('expected a name after "."');
        path.push(next.text);
        end = next.offset + next.text.length;
        position++;
      }
      return { kind: 'ref', path, offset: token.offset, length: end - token.offset };
    }
    return fail(`unexpected "${token.text}"`);
  }

  function binary(minPrecedence: number): Expr {
    let left = primary();
    for (;;) {
      const token = peek();
      const precedence = token?.type === 'op' ? PRECEDENCE[token.text] : undefined;
      if (token?.type !== 'op' || precedence === undefined || precedence < minPrecedence) {
        return left;
      }
      position++;
      const right = binary(precedence + 1);
      left = { kind: 'binary', op: token.text as BinaryOp, left, right };
    }
  }

  if (tokens.length === 0) fail('empty expression');
  const expression = binary(0);
  if (position < tokens.length) fail(`unexpected "${(peek() as { text?: string }).text ?? 'value'}"`);
  return expression;
}

export function collectReferences(expression: Expr, into: Extract<Expr, { kind: 'ref' }>[] = []) {
  if (expression.kind === 'ref') into.push(expression);
  else if (expression.kind === 'not') collectReferences(expression.operand, into);
  else if (expression.kind === 'binary') {
    collectReferences(expression.left, into);
    collectReferences(expression.right, into);
  }
  return into;
}
