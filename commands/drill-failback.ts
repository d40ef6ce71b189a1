// Which runbook brings a drill back home, and with which inputs. In order: --failback <file>; the
// runbook's `failback` label (a path beside it); else the same runbook with from/to swapped. A failback
// is a planned move (the home region is healthy again), so a `mode` input that allows it is "planned".
import type { CommandContext } from './context';
import path from 'node:path';
import type { CliIO } from '../src/core/io';
import { DrctlError, ExitCode } from '../src/core/errors';
import type { ReportFacts } from '../src/report/facts-types';
import { parseInputFlags, resolveInputs } from '../src/runbook/inputs';
import { loadRunbookFile } from '../src/runbook/load';
import type { RunbookDocument } from '../src/runbook/schema';

export interface RunbookToRun {
  /** As the user would name it (relative to the working directory when possible), for the journal. */
  file: string;
  document: RunbookDocument;
  inputs: Record<string, unknown>;
}

export interface FailbackRunbook {
  how: 'given' | 'label' | 'swapped';
  file: string;
  document: RunbookDocument;
}

/** Where the failover's data stores moved from and to, as its steps planned them. */
export function movedRegions(facts: ReportFacts): { from?: string; to?: string } {
  const moved = facts.resources.find((fact) => fact.kind === 'data-store' && fact.from && fact.to);
  return { from: moved?.from, to: moved?.to };
}

function shown(io: CliIO, absolute: string): string {
  const relative = path.relative(io.cwd, absolute);
  return relative.startsWith('..') ? absolute : relative;
}

/** The failback runbook, loaded before the drill starts so that a wrong path fails before anything moves. */
export async function loadFailback(option: string | true, failover: RunbookToRun & { absolute: string }, { io, actions }: CommandContext): Promise<FailbackRunbook> {
  const label = failover.document.metadata.labels?.failback;
  const given = typeof option === 'string' ? path.resolve(io.cwd, option) : label ? path.resolve(path.dirname(failover.absolute), label) : undefined;
  if (given) {
    const { document } = await loadRunbookFile(given, actions);
    return { how: typeof option === 'string' ? 'given' : 'label', file: shown(io, given), document };
  }
  if (!('to' in (failover.document.spec.inputs ?? {}))) {
    throw new DrctlError(
      'drill.no-failback',
      `runbook "${failover.document.metadata.name}" has no "to" input, so it cannot be run back the other way`,
      'Pass the failback runbook with --failback <file>, or name it in the runbook as metadata.labels.failback.',
      { exitCode: ExitCode.invalidInput },
    );
  }
  return { how: 'swapped', file: failover.file, document: failover.document };
}

/**
 * The failback's inputs: the failover's regions reversed (its inputs first, else where its steps moved
 * things), and --failback-input over everything. Called before the drill with nothing moved yet, so a
 * wrong input fails before anything changes, and again once the failover has run.
 */
export function failbackInputs(failback: FailbackRunbook, failover: RunbookToRun, moved: { from?: string; to?: string } | undefined, flags: readonly string[]): Record<string, unknown> {
  const declared = failback.document.spec.inputs ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const from = text(failover.inputs.from) ?? moved?.from;
  const to = text(failover.inputs.to) ?? moved?.to;
  const derived: Record<string, string> = {};
  // The same runbook run back keeps its other inputs; a different runbook starts from its defaults.
  if (failback.how === 'swapped') {
    for (const [name, value] of Object.entries(failover.inputs)) if (name in declared && value !== undefined) derived[name] = String(value);
  }
  if ('to' in declared && from) derived.to = from;
  if ('from' in declared && to) derived.from = to;
  if (declared.mode?.enum?.includes('planned')) derived.mode = 'planned';
  return resolveInputs(failback.document, { ...derived, ...parseInputFlags(flags) });
}
