// The report for a terminal: the two figures and their verdicts first, then what each resource did,
// the timeline, approvals and API calls. Colour only through Style (none when piped or NO_COLOR).
import type { StepState } from '../core/events';
import { formatProblem } from '../core/problem-text';
import { plainStyle, type Style } from '../core/style';
import type { ReportFacts, Verdict, VerificationFact } from './facts-types';
import { clockTime, duration, fromTo, LAG_SECTION_TITLE, lagRows, objective, offset, outcomeWord, resourceRpoText, rpoSentence, rtoSentence, shownSteps, simulatedNotice, stepNotes, syncWord, verdictWord, incompleteNotice, unknownNotice, NONE } from './format';

const ANSI = /\u001b\[[0-9;]*m/g;

/** Terminal columns a cell takes: colour codes take none. */
function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

function stateIcon(state: StepState, style: Style): string {
  if (state === 'succeeded') return style.green('✓');
  if (state === 'failed') return style.red('✗');
  if (state === 'skipped' || state === 'pending') return style.dim(state === 'skipped' ? '-' : '·');
  if (state === 'cancelled') return style.yellow('⊘');
  if (state === 'unknown') return style.bold(style.yellow('!'));
  return state === 'rolled-back' || state === 'rolling-back' ? style.yellow('↺') : style.cyan('›');
}

export function table(rows: readonly string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, visibleLength(cell))));
  return rows.map((row) => `${indent}${row.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - visibleLength(cell)))).join('  ')}`.trimEnd());
}

function verdictText(verdict: Verdict, style: Style): string {
  const word = verdictWord(verdict);
  if (verdict === 'met') return style.green(word);
  if (verdict === 'missed') return style.red(word);
  return verdict === 'unknown' ? style.yellow(word) : style.dim(word);
}

function header(facts: ReportFacts, style: Style): string[] {
  const { run } = facts;
  const inputs = Object.entries(run.inputs).map(([name, value]) => `${name}=${String(value)}`).join(' ');
  const resumed = run.sessions.length > 1 ? ` · ${run.sessions.length} sessions (resumed)` : '';
  const lines = [
    `${style.bold('Report')} ${run.runbook} · run ${run.runId} · ${outcomeWord(facts)}`,
    `  started ${clockTime(run.startedAt)} · finished ${clockTime(run.finishedAt)}${resumed}${inputs ? ` · ${inputs}` : ''}`,
  ];
  const simulated = simulatedNotice(run);
  if (simulated) lines.push(style.yellow(`  ${simulated}`));
  if (run.error) lines.push(formatProblem(run.error, style, '  '));
  for (const notice of [incompleteNotice(run), unknownNotice(run)]) if (notice) lines.push(style.bold(style.yellow(`  ${notice}`)));
  return lines;
}

function objectives(facts: ReportFacts, style: Style): string[] {
  const { rto, rpo } = facts;
  const rpoValue = rpo.status === 'unknown' ? 'unknown' : duration(rpo.valueMs);
  return [
    style.bold('Objectives'),
    ...table([
      ['RTO', duration(rto.valueMs), `objective ${objective(rto.objectiveMs)}`, verdictText(rto.verdict, style), style.dim(rtoSentence(rto))],
      ['RPO', rpoValue, `objective ${objective(rpo.objectiveMs)}`, verdictText(rpo.verdict, style), style.dim(rpoSentence(rpo))],
    ]),
    ...facts.shortfalls.map((line) => `  ${style.red('✗')} ${line}`),
  ];
}

function resources(facts: ReportFacts): string[] {
  if (facts.resources.length === 0) return [];
  const start = facts.rto.clockStart;
  const rows = facts.resources.map((fact) => [
    fact.resource,
    fact.operation ?? fact.uses,
    fromTo(fact),
    fact.alreadyDone ? 'already done' : offset(fact.acceptedAt, start) + (fact.acceptedIsSendTime ? ' (sent)' : ''),
    offset(fact.availableAt, start),
    syncWord(fact),
    duration(fact.rtoMs),
    resourceRpoText(fact.rpo, fact.cutover),
  ]);
  return ['Resources', ...table([['resource', 'operation', 'from -> to', 'accepted', 'available', 'sync', 'RTO', 'RPO'], ...rows])];
}

/** Each cutover's lag: which metric and dimensions, where, the datapoint and its age, and what it means. */
function lagReadings(facts: ReportFacts): string[] {
  const rows = lagRows(facts);
  return rows.length ? [LAG_SECTION_TITLE, ...table(rows)] : [];
}

function timeline(facts: ReportFacts, style: Style): string[] {
  const rows = shownSteps(facts).map((step) => [
    stateIcon(step.state, style),
    step.id + (step.phase === 'rollback' ? style.dim(' (rollback)') : ''),
    step.uses,
    step.startOffsetMs === undefined ? NONE : offset(step.startedAt, facts.rto.clockStart),
    duration(step.durationMs),
    stepNotes(step),
  ]);
  return ['Timeline', ...table(rows)];
}

function approvals(facts: ReportFacts): string[] {
  if (facts.approvals.length === 0) return [];
  const lines = facts.approvals.map((approval) => {
    const answer =
      approval.answeredAt === undefined
        ? 'not answered'
        : `${approval.approved ? 'approved' : 'refused'} by ${approval.by ?? '?'} at ${clockTime(approval.answeredAt)} (after ${duration(approval.answeredAt - approval.askedAt)})${approval.reason ? `: ${approval.reason}` : ''}`;
    return `  ${approval.stepId} [${approval.gate}] ${answer} · "${approval.message}"`;
  });
  return ['Approvals', ...lines];
}

function apiCalls(facts: ReportFacts): string[] {
  const { apiCalls: calls } = facts;
  const lines = [`API calls: ${calls.total} (${calls.mutating} mutating, ${calls.failed} failed)`];
  for (const call of calls.mutatingCalls) {
    const result = call.ok ? 'ok' : `failed ${call.errorCode ?? ''}`.trim();
    lines.push(`  ${clockTime(call.at)}  ${call.service} ${call.region} ${call.operation} ${result}${call.requestId ? ` (request ${call.requestId})` : ''}`);
  }
  return lines;
}

export function verificationLines(verification: readonly VerificationFact[] | undefined, style: Style): string[] {
  if (!verification?.length) return [];
  return ['End state', ...verification.map((check) => `  ${check.ok ? style.green('✓') : style.red('✗')} ${check.message}`)];
}

export function renderText(facts: ReportFacts, style: Style = plainStyle): string {
  const sections = [header(facts, style), objectives(facts, style), resources(facts), lagReadings(facts), verificationLines(facts.verification, style), timeline(facts, style), approvals(facts), apiCalls(facts)];
  return `${sections.filter((section) => section.length > 0).map((section) => section.join('\n')).join('\n\n')}\n`;
}
