// The step dependency graph: `needs` edges, cycle detection and a stable dependency order.

export interface GraphNode {
  id: string;
  needs: readonly string[];
}

/** A cycle as the ids along it, first id repeated at the end (a -> b -> a); undefined when acyclic. */
export function findCycle(nodes: readonly GraphNode[]): string[] | undefined {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of byId.get(id)?.needs ?? []) {
      if (!byId.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };

  for (const node of nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Answers "does this step depend on that one, directly or not?" for any number of pairs. Built once per
 * runbook: each question walks only the asking step's upstream, and stops at the step it looks for.
 */
export class Upstream {
  private readonly needs: Map<string, readonly string[]>;

  constructor(nodes: readonly GraphNode[]) {
    this.needs = new Map(nodes.map((node) => [node.id, node.needs]));
  }

  has(id: string, upstream: string): boolean {
    const seen = new Set<string>();
    const pending = [...(this.needs.get(id) ?? [])];
    while (pending.length) {
      const next = pending.pop() as string;
      if (next === upstream) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      pending.push(...(this.needs.get(next) ?? []));
    }
    return false;
  }
}

export function needsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
