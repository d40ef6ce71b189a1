// Runbook YAML: the fast parser for the subset runbooks are written in, the `yaml` library (loaded on
// demand) for everything else, including every error. Both give the same nodes (nodes.ts).
import { parseSubset } from './fast';
import type { ParsedYaml } from './nodes';

export async function parseYaml(text: string): Promise<ParsedYaml> {
  return parseSubset(text) ?? (await import('./full')).parseFull(text);
}
