// Semantic checks run on the raw parsed YAML, even when the schema found problems, so an engineer sees
// every problem in one pass. These guards keep them from tripping over half-valid data.
export type RawRecord = Record<string, unknown>;

export function asRecord(value: unknown): RawRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RawRecord) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
