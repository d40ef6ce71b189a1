// The steps of one phase as a DAG through `needs`. The validator rejects unknown needs and cycles; the
// engine checks again because it also runs journals and documents that never went through the loader.
import { DrctlError, ExitCode } from '../core/errors';
import type { Step } from '../runbook/schema';

export interface StepNode {
  id: string;
  step: Step;
  /** Needs inside this phase (a rollback step may name main steps; those are finished by then). */
  needs: string[];
}

export function needsOf(step: Step): string[] {
  if (step.needs === undefined) return [];
  return Array.isArray(step.needs) ? step.needs : [step.needs];
}

export class StepGraph {
  readonly nodes: StepNode[];
  /** Dependency order; among steps that are ready together, declaration order. */
  readonly order: string[];
  private readonly byId = new Map<string, StepNode>();

  constructor(steps: readonly Step[]) {
    const ids = new Set(steps.map((step) => step.id));
    this.nodes = steps.map((step) => ({ id: step.id, step, needs: needsOf(step).filter((id) => ids.has(id)) }));
    for (const node of this.nodes) this.byId.set(node.id, node);
    this.order = this.topologicalOrder();
  }

  get(id: string): StepNode {
    const node = this.byId.get(id);
    if (!node) throw new Error(`no step "${id}" in this phase`);
    return node;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every step `id` depends on, directly or not. */
  ancestors(id: string): Set<string> {
    const seen = new Set<string>();
    const visit = (current: string) => {
      for (const need of this.get(current).needs) {
        if (!seen.has(need)) {
          seen.add(need);
          visit(need);
        }
      }
    };
    visit(id);
    return seen;
  }

  /** The longest chain by weight: what the run can take at best when independent steps overlap. */
  criticalPath(weight: (id: string) => number): { totalMs: number; path: string[] } {
    const best = new Map<string, { totalMs: number; path: string[] }>();
    for (const id of this.order) {
      const before = this.get(id)
        .needs.map((need) => best.get(need))
        .reduce<{ totalMs: number; path: string[] }>(
          (longest, candidate) => (candidate && (candidate.totalMs > longest.totalMs || longest.path.length === 0) ? candidate : longest),
          { totalMs: 0, path: [] },
        );
      best.set(id, { totalMs: before.totalMs + Math.max(0, weight(id)), path: [...before.path, id] });
    }
    let result = { totalMs: 0, path: [] as string[] };
    for (const candidate of best.values()) if (candidate.totalMs > result.totalMs || result.path.length === 0) result = candidate;
    return result;
  }

  private topologicalOrder(): string[] {
    const remaining = new Map(this.nodes.map((node) => [node.id, node.needs.length]));
    const order: string[] = [];
    while (order.length < this.nodes.length) {
      const ready = this.nodes.find((node) => remaining.get(node.id) === 0);
      if (!ready) {
        const stuck = this.nodes.filter((node) => (remaining.get(node.id) ?? 0) > 0).map((node) => node.id);
        throw new DrctlError('engine.cycle', `steps ${stuck.join(', ')} depend on each other in a cycle`, 'Break the cycle in `needs:`; `drctl validate` shows where.', {
          exitCode: ExitCode.invalidInput,
        });
      }
      order.push(ready.id);
      remaining.set(ready.id, -1);
      for (const node of this.nodes) if (node.needs.includes(ready.id)) remaining.set(node.id, (remaining.get(node.id) ?? 0) - 1);
    }
    return order;
  }
}
