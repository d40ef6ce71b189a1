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

/** Ids in dependency order, keeping the written order among independent steps. Assumes no cycle. */
export function dependencyOrder(nodes: readonly GraphNode[]): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const need of byId.get(id)?.needs ?? []) if (byId.has(need)) visit(need);
    order.push(id);
  };
  for (const node of nodes) visit(node.id);
  return order;
}

/** Every step a step depends on, directly or not. */
export function upstreamOf(id: string, nodes: readonly GraphNode[]): Set<string> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const found = new Set<string>();
  const pending = [...(byId.get(id)?.needs ?? [])];
  while (pending.length) {
    const next = pending.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(byId.get(next)?.needs ?? []));
  }
  return found;
}

export function needsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
