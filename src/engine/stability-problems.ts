// What `validate` can know about static stability from the runbook alone: for its default inputs and every
// value of each input with an `enum` (mode: [planned, unplanned]...), whether `run` would refuse it as an
// unplanned failover that needs what it leaves. Each refusal is a problem at the step's file:line:col.
import type { ActionLookup } from '../core/define-action';
import type { Problem, SourceLocation } from '../core/errors';
import { resolveInputs } from '../runbook/inputs';
import type { RunbookDocument } from '../runbook/schema';
import { dependencyReport, refusedRows, refusalHint } from './dependency-table';

/** More combinations than this are not tried (a runbook with many enum inputs): defaults and each value alone. */
const MAX_COMBINATIONS = 32;

export function stabilityProblems(document: RunbookDocument, actions: ActionLookup, locate: (path: Array<string | number>) => SourceLocation): Problem[] {
  const problems = new Map<string, Problem>();
  for (const given of inputCombinations(document)) {
    let inputs: Record<string, unknown>;
    try {
      inputs = resolveInputs(document, given);
    } catch {
      continue; // a required input without a default: known only at run time
    }
    const report = dependencyReport({ document, inputs, actions });
    const shown = Object.entries(given).map(([name, value]) => `${name}=${value}`).join(' ');
    for (const row of refusedRows(report)) {
      const key = `${row.kind}/${row.id}`;
      if (problems.has(key)) continue;
      const path = row.kind === 'step' ? ['spec', 'steps', row.index, 'uses'] : ['spec', 'preflight', row.index, 'check'];
      const when = shown ? ` (with --input ${shown})` : '';
      problems.set(key, {
        code: 'engine.needs-region-left',
        message: `an unplanned run${when} refuses ${row.kind === 'step' ? `step "${row.id}"` : row.id}: it ${row.warnings.join('; ')}`,
        hint: refusalHint(row),
        location: locate(path),
      });
    }
  }
  return [...problems.values()];
}

/** Defaults first, then each enum value of each string input, then their combinations up to the cap. */
function inputCombinations(document: RunbookDocument): Array<Record<string, string>> {
  const enums = Object.entries(document.spec.inputs ?? {}).filter(([, input]) => input.enum && input.enum.length > 1);
  let combinations: Array<Record<string, string>> = [{}];
  for (const [name, input] of enums) {
    const next = combinations.flatMap((combination) => (input.enum ?? []).map((value) => ({ ...combination, [name]: String(value) })));
    if (next.length > MAX_COMBINATIONS) break;
    combinations = next;
  }
  return [{}, ...combinations.filter((combination) => Object.keys(combination).length > 0)];
}
