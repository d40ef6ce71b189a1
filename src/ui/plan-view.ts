// The dry run as text: preflight, then each step in dependency order with the exact calls it would make
// and their parameters, what is already done, what cannot be known before acting, and how long the
// critical path should take when independent steps overlap.
import type { DryRunResult, DryRunStep } from '../engine/dry-run';
import { formatDuration } from '../core/duration';
import { explainPointer, formatProblem } from '../core/problem-text';
import type { Style } from '../core/style';
import type { View } from './output';
import { dependencyTableLines, stabilityWarningLines } from './dependency-view';

/** `runCommand` is what to type to do it for real, e.g. `drctl run runbooks/x.yaml`. */
export function planText(result: DryRunResult, style: Style, runCommand = 'drctl run'): string {
  const lines = [style.bold(`Plan for ${result.runbook} (${result.file}): dry run, nothing is changed`), ''];
  if (result.preflight.length > 0) {
    lines.push(style.bold('Preflight'));
    for (const check of result.preflight) lines.push(`  ${check.ok ? style.green('ok  ') : style.red('FAIL')}  ${check.name}: ${check.message}`);
    lines.push('');
  }
  lines.push(style.bold('Steps, in the order they can run'));
  result.steps.forEach((step, index) => lines.push(...stepLines(step, index + 1, style)));
  if (result.rollback.length > 0) {
    lines.push('', style.bold('Rollback steps (run after a failure, or with drctl rollback; not planned now)'));
    for (const step of result.rollback) lines.push(`  ${step.id}  ${style.dim(step.uses)}${step.error ? `  ${style.red(step.error.message)}` : ''}`);
  }
  lines.push('', ...dependencyTableLines(result.dependencies, style));
  const warnings = stabilityWarningLines(result.dependencies, style);
  if (warnings.length > 0) lines.push('', ...warnings);
  if (result.unverifiable.length > 0) {
    lines.push('', style.bold('Cannot be checked without acting'));
    for (const item of result.unverifiable) lines.push(`  - ${item}`);
  }
  lines.push('', criticalPathLine(result, style));
  if (result.permissions.length > 0) lines.push(`${style.bold('IAM permissions needed:')} ${result.permissions.join(', ')}`);
  if (result.refused.length > 0) lines.push(style.red(`An unplanned run would refuse ${result.refused.join(', ')}: each needs what the failover leaves (above).`));
  if (result.ok) lines.push(style.green(`Plan OK: run it with \`${runCommand}\`.`));
  else lines.push(style.red('The plan found problems (above); a run would stop before changing anything.'), ...(result.error ? [formatProblem(result.error, style, '')] : []));
  const codes = new Set([...(result.error ? [result.error.code] : []), ...[...result.steps, ...result.rollback].flatMap((step) => (step.error ? [step.error.code] : []))]);
  if (result.refused.length > 0) codes.add('engine.needs-region-left');
  if (codes.size > 0) lines.push(explainPointer(codes, style, ''));
  return lines.join('\n');
}

function stepLines(step: DryRunStep, number: number, style: Style): string[] {
  const head = `  ${String(number).padStart(2)}. ${style.bold(step.id)} ${style.dim(step.uses)}`;
  const estimate = step.plan && step.status !== 'done' && step.plan.estimateMs > 0 ? style.dim(` ~${formatDuration(step.plan.estimateMs)}`) : '';
  const indent = '        ';
  const lines: string[] = [];
  switch (step.status) {
    case 'ready':
      lines.push(`${head}  ${step.plan?.summary ?? ''}${estimate}`);
      break;
    case 'in-progress':
      lines.push(`${head}  ${style.yellow('already under way')}: ${step.plan?.summary ?? ''}${estimate}`);
      break;
    case 'done':
      lines.push(`${head}  ${style.green('already done')}: ${step.plan?.summary ?? ''}`);
      break;
    case 'skipped':
      lines.push(`${head}  ${style.dim(`skipped: ${step.reason ?? ''}`)}`);
      break;
    case 'unresolved':
      lines.push(`${head}  ${style.yellow('known after apply')}: ${step.reason ?? ''}`);
      break;
    default:
      lines.push(head, step.error ? formatProblem(step.error, style, indent) : `${indent}${step.reason ?? ''}`);
  }
  if (step.condition) lines.push(`${indent}runs only if ${step.condition} (known after apply)`);
  for (const call of step.plan?.calls ?? []) {
    lines.push(`${indent}${style.cyan('call')} ${call.service} ${call.operation} in ${call.region}`);
    lines.push(`${indent}     ${style.dim(JSON.stringify(call.params))}`);
  }
  if (step.attempts && (step.plan?.calls.length ?? 0) > 0) lines.push(`${indent}${style.dim(attemptsLine(step.attempts))}`);
  for (const seen of step.plan?.observations ?? []) lines.push(`${indent}${style.dim(`read: ${seen}`)}`);
  return lines;
}

/** The retries a change really gets: one layer (the step's), the change itself never retried by the SDK. */
function attemptsLine(attempts: NonNullable<DryRunStep['attempts']>): string {
  const sends = attempts.perAttempt === 1 ? 'sent once per attempt (no SDK retries)' : `up to ${attempts.perAttempt} sends per attempt`;
  return `attempts: up to ${attempts.step} (retry: ${attempts.step - 1}), each ${sends}, and never again before a read shows the last one did not take`;
}

function criticalPathLine(result: DryRunResult, style: Style): string {
  const { totalMs, path } = result.criticalPath;
  const serial = result.serialMs > totalMs ? ` (one after another it would be ~${formatDuration(result.serialMs)})` : '';
  return `${style.bold('Critical path:')} ~${formatDuration(totalMs)} through ${path.join(' -> ') || '-'}${serial}; approvals and steps known after apply not counted`;
}

export interface PlanAnswer {
  result: DryRunResult;
  /** What to type to do it for real, e.g. `drctl run runbooks/x.yaml`. */
  runCommand: string;
}

/** The end of `drctl plan`: the plan as text, or the last JSON line `{"type": "plan.result", ...}` after the events. */
export const planView: View<PlanAnswer> = {
  type: 'plan.result',
  text: ({ result, runCommand }, screen) => planText(result, screen.style, runCommand),
  json: ({ result }) => result,
};
