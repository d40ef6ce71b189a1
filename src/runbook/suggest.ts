// "Did you mean" for unknown keys, step ids, resources and actions, and for a value that must be one of a few.
import { DrctlError, ExitCode, type ErrorCode } from '../core/errors';
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of list) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  // "orders" for "orders-db": a name written without its suffix is a likely slip too.
  return list.find((candidate) => word.length >= 3 && candidate.toLowerCase().startsWith(lower));
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match ? `Did you mean "${match}"?` : undefined;
}

/** Returns `value` if it is one of `values`; else a DrctlError (exit 2) naming `what` (a flag or an argument), with a did-you-mean. */
export function requireOneOf<const T extends string>(value: string, values: readonly T[], what: string, code: ErrorCode = 'cli.bad-option'): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  const suggestion = didYouMean(value, values);
  throw new DrctlError(code, `${what} "${value}" is not one of ${values.join(', ')}`, `${suggestion ? `${suggestion} ` : ''}Pass one of ${values.join(', ')}.`, { exitCode: ExitCode.invalidInput });
}
