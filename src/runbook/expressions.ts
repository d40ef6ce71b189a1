// Finding, checking and evaluating `${{ }}` in runbook strings. A string that is exactly one expression
// evaluates to the raw value (a number stays a number); otherwise expressions are interpolated as text.
import { ExpressionSyntaxError, parseExpression, type Expr } from './expression-parser';

export interface ExpressionScope {
  inputs: Record<string, unknown>;
  steps: Record<string, { outputs: Record<string, unknown>; outcome: string }>;
  resources: Record<string, unknown>;
}

export interface TemplatePart {
  /** Offset of `${{` in the string. */
  start: number;
  /** Offset of the expression source inside the string. */
  sourceStart: number;
  source: string;
  expression?: Expr;
  error?: { message: string; offset: number };
}

const OPEN = '${{';
const CLOSE = '}}';

/** Every `${{ }}` in a string, parsed; malformed ones carry an error with its offset in the string. */
export function scanTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(OPEN, from);
    if (start < 0) break;
    const end = text.indexOf(CLOSE, start + OPEN.length);
    const sourceStart = start + OPEN.length;
    if (end < 0) {
      parts.push({ start, sourceStart, source: text.slice(sourceStart), error: { message: 'missing closing "}}"', offset: start } });
      break;
    }
    const source = text.slice(sourceStart, end);
    try {
      parts.push({ start, sourceStart, source, expression: parseExpression(source) });
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      parts.push({ start, sourceStart, source, error: { message: error.message, offset: sourceStart + error.offset } });
    }
    from = end + CLOSE.length;
  }
  return parts;
}

export function hasExpression(text: string): boolean {
  return text.includes(OPEN);
}

export class ExpressionEvaluationError extends Error {}

function lookup(path: string[], scope: ExpressionScope): unknown {
  let value: unknown = scope;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      throw new ExpressionEvaluationError(`"${path.join('.')}" has no value`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function evaluate(expression: Expr, scope: ExpressionScope): unknown {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'ref':
      return lookup(expression.path, scope);
    case 'not':
      return !truthy(evaluate(expression.operand, scope));
    case 'binary': {
      if (expression.op === '&&') return truthy(evaluate(expression.left, scope)) && truthy(evaluate(expression.right, scope));
      if (expression.op === '||') return truthy(evaluate(expression.left, scope)) || truthy(evaluate(expression.right, scope));
      const left = evaluate(expression.left, scope);
      const right = evaluate(expression.right, scope);
      switch (expression.op) {
        case '==': return looseEquals(left, right);
        case '!=': return !looseEquals(left, right);
        case '<': return Number(left) < Number(right);
        case '<=': return Number(left) <= Number(right);
        case '>': return Number(left) > Number(right);
        case '>=': return Number(left) >= Number(right);
      }
    }
  }
}

function looseEquals(left: unknown, right: unknown): boolean {
  // Inputs arrive from the command line as strings; compare "3" == 3 and "true" == true as equal.
  if (typeof left === typeof right) return left === right;
  return String(left) === String(right);
}

export function truthy(value: unknown): boolean {
  return !(value === false || value === null || value === undefined || value === 0 || value === '' || value === 'false');
}

/** Resolves the expressions in one string. */
export function evaluateTemplate(text: string, scope: ExpressionScope): unknown {
  const parts = scanTemplate(text);
  if (parts.length === 0) return text;
  const broken = parts.find((part) => part.error);
  if (broken?.error) throw new ExpressionEvaluationError(broken.error.message);
  const only = parts[0];
  if (parts.length === 1 && only && only.start === 0 && text.trimEnd().endsWith(CLOSE) && text.trimEnd().length === only.sourceStart + only.source.length + CLOSE.length) {
    return evaluate(only.expression as Expr, scope);
  }
  let out = '';
  let from = 0;
  for (const part of parts) {
    out += text.slice(from, part.start) + stringify(evaluate(part.expression as Expr, scope));
    from = part.sourceStart + part.source.length + CLOSE.length;
  }
  return out + text.slice(from);
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** Resolves expressions anywhere in a `with` block (strings, arrays, objects). */
export function resolveValue(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, scope)]));
  }
  return value;
}

/** `if:` accepts `${{ expr }}` or a bare expression. */
export function evaluateCondition(text: string, scope: ExpressionScope): boolean {
  const source = hasExpression(text) ? text : `\${{ ${text} }}`;
  return truthy(evaluateTemplate(source, scope));
}
