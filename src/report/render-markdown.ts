// The report as a game-day or postmortem record: a summary a reader can take in at a glance, the
// evidence (resources, timeline, approvals, API calls), and the sections a team fills in afterwards.
import type { ReportFacts, Verdict } from './facts-types';
import { clockTime, duration, fromTo, LAG_SECTION_TITLE, lagRows, objective, offset, outcomeWord, resourceRpoText, rpoSentence, rtoSentence, shownSteps, simulatedNotice, stepNotes, syncWord, incompleteNotice, unknownNotice, NONE } from './format';

/** Table cells hold one line and no pipes. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(head: readonly string[], rows: readonly string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function verdictMark(verdict: Verdict): string {
  return { met: '✅ met', missed: '❌ missed', unknown: '⚠️ not measured', none: 'no objective', 'not-started': 'not started' }[verdict];
}

function summary(facts: ReportFacts): string[] {
  const { run, rto, rpo } = facts;
  const inputs = Object.entries(run.inputs).map(([name, value]) => `\`${name}=${String(value)}\``).join(', ');
  const lines = [
    `# ${run.mode === 'dry-run' ? 'Dry run' : run.simulated ? 'Simulated DR drill' : 'DR run'}: ${run.runbook}`,
    '',
    ...(run.simulated ? [`> **${simulatedNotice(run)}**`, ''] : []),
    ...[incompleteNotice(run), unknownNotice(run)].flatMap((notice) => (notice ? [`> **${notice}**`, ''] : [])),
    `- **Run:** \`${run.runId}\` (${run.file || 'runbook file unknown'})`,
    `- **Outcome:** ${outcomeWord(facts)}${run.rollback ? `, rollback ${run.rollback.state} (${run.rollback.reason})` : ''}`,
    `- **Started:** ${clockTime(run.startedAt)} · **finished:** ${clockTime(run.finishedAt)}${run.sessions.length > 1 ? ` · ${run.sessions.length} sessions (resumed)` : ''}`,
  ];
  if (inputs) lines.push(`- **Inputs:** ${inputs}`);
  if (run.error) lines.push(`- **Error:** ${run.error.message} \`${run.error.code}\`${run.error.hint ? ` (hint: ${run.error.hint})` : ''}`);
  lines.push(
    '',
    '## Objectives',
    '',
    ...mdTable(
      ['', 'measured', 'objective', 'verdict', 'how'],
      [
        ['**RTO**', duration(rto.valueMs), objective(rto.objectiveMs), verdictMark(rto.verdict), rtoSentence(rto)],
        ['**RPO**', rpo.status === 'unknown' ? 'unknown' : duration(rpo.valueMs), objective(rpo.objectiveMs), verdictMark(rpo.verdict), rpoSentence(rpo)],
      ],
    ),
    '',
    facts.objectivesMet ? '**Every objective was met.**' : `**Objectives not met:**\n\n${facts.shortfalls.map((line) => `- ${line}`).join('\n')}`,
  );
  return lines;
}

function resources(facts: ReportFacts): string[] {
  if (facts.resources.length === 0) return [];
  const start = facts.rto.clockStart;
  const rows = facts.resources.map((fact) => [
    `\`${fact.resource}\``,
    fact.operation ?? fact.uses,
    fromTo(fact),
    fact.alreadyDone ? 'already done' : offset(fact.acceptedAt, start) + (fact.acceptedIsSendTime ? ' (sent)' : ''),
    offset(fact.availableAt, start),
    syncWord(fact),
    duration(fact.rtoMs),
    resourceRpoText(fact.rpo, fact.cutover),
  ]);
  return ['## Resources', '', ...mdTable(['resource', 'operation', 'from -> to', 'call accepted', 'available in target', 'members', 'RTO', 'RPO'], rows), '', `Times are offsets from ${clockTime(start)}.`];
}

function lagReadings(facts: ReportFacts): string[] {
  const rows = lagRows(facts).map(([resource, operation, text]) => [`\`${resource}\``, operation, text]);
  return rows.length ? [`## ${LAG_SECTION_TITLE}`, '', ...mdTable(['resource', 'operation', 'lag, metric, region, datapoint'], rows)] : [];
}

function timeline(facts: ReportFacts): string[] {
  const rows = shownSteps(facts).map((step) => [
    `\`${step.id}\`${step.phase === 'rollback' ? ' (rollback)' : ''}`,
    step.uses,
    step.state,
    step.startedAt === undefined ? NONE : offset(step.startedAt, facts.rto.clockStart),
    duration(step.durationMs),
    stepNotes(step),
  ]);
  const sessions = facts.run.sessions.slice(1).map((session) => `- ${clockTime(session.at)}: ${session.session === 'rollback' ? 'rollback started' : 'resumed'}`);
  const cuts = facts.run.interruptions.map((cut) => `- ${clockTime(cut.at)}: interrupted by ${cut.signal}${cut.forced ? ' (forced)' : ''}`);
  return ['## Timeline', '', ...mdTable(['step', 'uses', 'state', 'start', 'duration', 'notes'], rows), ...(sessions.length + cuts.length ? ['', ...cuts, ...sessions] : [])];
}

function approvals(facts: ReportFacts): string[] {
  if (facts.approvals.length === 0) return [];
  const rows = facts.approvals.map((approval) => [
    `\`${approval.stepId}\` (${approval.gate})`,
    approval.message,
    clockTime(approval.askedAt),
    approval.answeredAt === undefined ? 'not answered' : `${approval.approved ? 'approved' : 'refused'}${approval.reason ? `: ${approval.reason}` : ''}`,
    approval.by ?? NONE,
    clockTime(approval.answeredAt),
  ]);
  return ['## Approvals', '', ...mdTable(['gate', 'question', 'asked', 'answer', 'by', 'answered'], rows)];
}

function apiCalls(facts: ReportFacts): string[] {
  const { apiCalls: calls } = facts;
  const rows = calls.groups.map((group) => [group.service, group.region, `${group.operation}${group.mutating ? ' (mutating)' : ''}`, String(group.count), String(group.failed)]);
  const mutating = calls.mutatingCalls.map(
    (call) => `- ${clockTime(call.at)} \`${call.operation}\` ${call.service} ${call.region}: ${call.ok ? 'ok' : `failed ${call.errorCode ?? ''}`.trim()}${call.requestId ? ` (request \`${call.requestId}\`)` : ''}`,
  );
  return [
    '## API calls',
    '',
    `${calls.total} calls, ${calls.mutating} mutating, ${calls.failed} failed.`,
    ...(mutating.length ? ['', 'Calls that changed AWS:', '', ...mutating] : []),
    ...(rows.length ? ['', ...mdTable(['service', 'region', 'operation', 'calls', 'failed'], rows)] : []),
  ];
}

function verification(facts: ReportFacts): string[] {
  if (!facts.verification?.length) return [];
  return ['## End state (read back after the run)', '', ...facts.verification.map((check) => `- ${check.ok ? '✅' : '❌'} ${check.message}`)];
}

function preflight(facts: ReportFacts): string[] {
  if (facts.preflight.length === 0) return [];
  return ['## Preflight', '', ...facts.preflight.map((check) => `- ${check.state === 'passed' ? '✅' : check.state === 'failed' ? '❌' : '…'} ${check.name}: ${check.message ?? check.state}`)];
}

const FOLLOW_UP = ['## What went well', '', '- ', '', '## What to improve', '', '- [ ] ', '', '## Actions', '', '| action | owner | due |', '| --- | --- | --- |', '|  |  |  |'];

export function renderMarkdown(facts: ReportFacts): string {
  const sections = [summary(facts), resources(facts), lagReadings(facts), verification(facts), timeline(facts), approvals(facts), preflight(facts), apiCalls(facts), FOLLOW_UP];
  const body = sections.filter((section) => section.length > 0).map((section) => section.join('\n')).join('\n\n');
  return `${body}\n\n---\n_Generated by drctl from the run journal; every figure is computed from recorded events. Times are UTC._\n`;
}
