// Steps in dependency order, grouped into waves: a wave holds the steps whose needs all sit in earlier
// waves, so the steps of one wave are those the engine runs side by side. The view draws a bracket
// around a wave so parallel work is visible at a glance.
import type { RunState, StepRecord } from '../../engine/state';

export interface Wave {
  phase: 'main' | 'rollback';
  depth: number;
  steps: StepRecord[];
}

/** Depth of each step: 0 without needs, else one more than its deepest need (needs outside the phase count as 0). */
function depths(steps: readonly StepRecord[]): Map<string, number> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const step = byId.get(id);
    // A cycle cannot pass validation; guard anyway so a bad journal cannot hang the view.
    if (!step || visiting.has(id)) return -1;
    visiting.add(id);
    const value = 1 + Math.max(-1, ...step.needs.map(depthOf));
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  for (const step of steps) depthOf(step.id);
  return depth;
}

/** Waves of one phase in order; steps keep their declaration order inside a wave. */
function wavesOf(steps: readonly StepRecord[], phase: Wave['phase']): Wave[] {
  const depth = depths(steps);
  const waves = new Map<number, StepRecord[]>();
  for (const step of steps) {
    const level = depth.get(step.id) ?? 0;
    waves.set(level, [...(waves.get(level) ?? []), step]);
  }
  return [...waves.entries()].sort(([a], [b]) => a - b).map(([level, members]) => ({ phase, depth: level, steps: members }));
}

export function stepWaves(state: RunState): Wave[] {
  const steps = state.order.map((id) => state.steps[id]).filter((step): step is StepRecord => step !== undefined);
  return [
    ...wavesOf(steps.filter((step) => step.phase === 'main'), 'main'),
    ...wavesOf(steps.filter((step) => step.phase === 'rollback'), 'rollback'),
  ];
}
