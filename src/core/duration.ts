// Durations are strings such as "90s", "5m", "1m30s", "250ms" or "2h".
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

export function isDuration(text: string): boolean {
  return WHOLE.test(text);
}

/** Milliseconds in a duration string; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (!isDuration(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(PART)) total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 0);
  return total;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  const negative = ms < 0;
  let rest = Math.abs(Math.round(ms));
  if (rest < 1_000) return `${negative ? '-' : ''}${rest}ms`;
  if (rest < 60_000) return `${negative ? '-' : ''}${(rest / 1_000).toFixed(rest < 10_000 ? 1 : 0)}s`;
  // Round to whole seconds first, so 119.6 s reads 2m, never 1m60s.
  rest = Math.round(rest / 1_000) * 1_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  const seconds = Math.round((rest - minutes * 60_000) / 1_000);
  const parts = [hours ? `${hours}h` : '', `${minutes}m`, seconds ? `${seconds}s` : ''].filter(Boolean);
  return `${negative ? '-' : ''}${parts.join('')}`;
}
