// The report as one HTML file: the two figures with their verdicts, the timeline chart, then the
// evidence tables. Element ids (rto-value, rpo-value, timeline, ...) are stable for tests and scrapers.
import type { ReportFacts, Verdict } from './facts-types';
import { clockTime, duration, fromTo, LAG_SECTION_TITLE, lagRows, objective, offset, outcomeWord, resourceRpoText, rpoSentence, rtoSentence, shownSteps, simulatedNotice, stepNotes, syncWord, verdictWord, incompleteNotice, unknownNotice, NONE } from './format';
import { htmlPage, htmlTable } from './html-page';
import { esc } from './svg';
import { timelineSvg } from './timeline-svg';

function verdictBadge(verdict: Verdict, id: string): string {
  return `<span id="${id}" class="verdict ${verdict}">${esc(verdictWord(verdict))}</span>`;
}

function figures(facts: ReportFacts): string {
  const { rto, rpo } = facts;
  const figure = (name: string, id: string, value: string, objectiveMs: number | undefined, verdict: Verdict, how: string) =>
    [
      `<div class="figure" id="${id}">`,
      `<div class="name">${name} ${verdictBadge(verdict, `${id}-verdict`)}</div>`,
      `<div class="value" id="${id}-value">${esc(value)}</div>`,
      `<div>objective <span id="${id}-objective">${esc(objective(objectiveMs))}</span></div>`,
      `<div class="how">${esc(how)}</div>`,
      '</div>',
    ].join('\n');
  const summary = facts.objectivesMet
    ? '<p class="all-met" id="objectives-met">Every objective was met.</p>'
    : `<ul class="shortfalls" id="shortfalls">${facts.shortfalls.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>`;
  return [
    '<section class="figures">',
    figure('RTO', 'rto', duration(rto.valueMs), rto.objectiveMs, rto.verdict, rtoSentence(rto)),
    figure('RPO', 'rpo', rpo.status === 'unknown' ? 'unknown' : duration(rpo.valueMs), rpo.objectiveMs, rpo.verdict, rpoSentence(rpo)),
    '</section>',
    summary,
  ].join('\n');
}

function header(facts: ReportFacts): string {
  const { run } = facts;
  const inputs = Object.entries(run.inputs).map(([name, value]) => `<code>${esc(`${name}=${String(value)}`)}</code>`).join(' ');
  const sessions = run.sessions.length > 1 ? ` · ${run.sessions.length} sessions (resumed)` : '';
  const error = run.error ? `<p class="bad">${esc(run.error.message)} <code>${esc(run.error.code)}</code>${run.error.hint ? ` — ${esc(run.error.hint)}` : ''}</p>` : '';
  const simulated = simulatedNotice(run);
  const warnings = [incompleteNotice(run), unknownNotice(run)].filter((notice): notice is string => notice !== undefined);
  return [
    simulated ? `<p class="simulated" id="simulated" role="note">${esc(simulated)}</p>` : '',
    ...warnings.map((notice) => `<p class="bad" role="alert">${esc(notice)}</p>`),
    `<h1>${esc(run.runbook)}: ${esc(outcomeWord(facts))}</h1>`,
    `<p class="meta">run <code>${esc(run.runId)}</code> · started ${esc(clockTime(run.startedAt))} · finished ${esc(clockTime(run.finishedAt))}${sessions}${inputs ? ` · ${inputs}` : ''}</p>`,
    error,
  ].join('\n');
}

function resources(facts: ReportFacts): string {
  if (facts.resources.length === 0) return '';
  const start = facts.rto.clockStart;
  const rows = facts.resources.map((fact) =>
    [
      `<code>${esc(fact.resource)}</code>`,
      esc(fact.operation ?? fact.uses),
      esc(fromTo(fact)),
      esc(fact.alreadyDone ? 'already done' : offset(fact.acceptedAt, start) + (fact.acceptedIsSendTime ? ' (sent)' : '')),
      esc(offset(fact.availableAt, start)),
      esc(syncWord(fact)),
      esc(duration(fact.rtoMs)),
      esc(resourceRpoText(fact.rpo, fact.cutover)),
    ],
  );
  return `<h2>Resources</h2>\n${htmlTable(['resource', 'operation', 'from → to', 'call accepted', 'available in target', 'members', 'RTO', 'RPO'], rows, 'resources')}`;
}

function lagReadings(facts: ReportFacts): string {
  const rows = lagRows(facts).map(([resource, operation, text]) => [`<code>${esc(resource)}</code>`, esc(operation), esc(text)]);
  return rows.length ? `<h2>${esc(LAG_SECTION_TITLE)}</h2>\n${htmlTable(['resource', 'operation', 'lag, metric, region, datapoint'], rows, 'lag-readings')}` : '';
}

function steps(facts: ReportFacts): string {
  const rows = shownSteps(facts).map((step) => [
    `<code>${esc(step.id)}</code>${step.phase === 'rollback' ? ' (rollback)' : ''}`,
    esc(step.uses),
    `<span class="${step.state === 'failed' || step.state === 'unknown' ? 'bad' : step.state === 'succeeded' ? 'ok' : ''}">${esc(step.state === 'unknown' ? 'OUTCOME UNKNOWN' : step.state)}</span>`,
    esc(step.startedAt === undefined ? NONE : offset(step.startedAt, facts.rto.clockStart)),
    esc(duration(step.durationMs)),
    esc(stepNotes(step)),
  ]);
  return htmlTable(['step', 'uses', 'state', 'start', 'duration', 'notes'], rows, 'steps');
}

function approvals(facts: ReportFacts): string {
  if (facts.approvals.length === 0) return '';
  const rows = facts.approvals.map((approval) => [
    `<code>${esc(approval.stepId)}</code> (${esc(approval.gate)})`,
    esc(approval.message),
    esc(approval.answeredAt === undefined ? 'not answered' : `${approval.approved ? 'approved' : 'refused'}${approval.reason ? `: ${approval.reason}` : ''}`),
    esc(approval.by ?? NONE),
    esc(clockTime(approval.answeredAt)),
  ]);
  return `<h2>Approvals</h2>\n${htmlTable(['gate', 'question', 'answer', 'by', 'answered'], rows, 'approvals')}`;
}

function apiCalls(facts: ReportFacts): string {
  const { apiCalls: calls } = facts;
  const rows = calls.groups.map((group) => [esc(group.service), esc(group.region), `<code>${esc(group.operation)}</code>${group.mutating ? ' <b>mutating</b>' : ''}`, String(group.count), String(group.failed)]);
  return [
    '<h2>API calls</h2>',
    `<p id="api-calls">${calls.total} calls, ${calls.mutating} mutating, ${calls.failed} failed.</p>`,
    rows.length ? htmlTable(['service', 'region', 'operation', 'calls', 'failed'], rows, 'api-call-groups') : '',
  ].join('\n');
}

function verification(facts: ReportFacts): string {
  if (!facts.verification?.length) return '';
  const items = facts.verification.map((check) => `<li class="${check.ok ? 'ok' : 'bad'}">${check.ok ? '✓' : '✗'} ${esc(check.message)}</li>`);
  return `<h2>End state</h2>\n<ul id="verification">${items.join('')}</ul>`;
}

export function renderHtml(facts: ReportFacts): string {
  const body = [
    header(facts),
    figures(facts),
    '<h2>Timeline</h2>',
    timelineSvg(facts),
    resources(facts),
    lagReadings(facts),
    verification(facts),
    '<h2>Steps</h2>',
    steps(facts),
    approvals(facts),
    apiCalls(facts),
    `<footer>Generated by drctl from the journal of run ${esc(facts.run.runId)}. Times are UTC; offsets count from ${esc(clockTime(facts.rto.clockStart))}.</footer>`,
  ];
  return htmlPage(`${facts.run.simulated ? 'SIMULATED ' : ''}${facts.run.runbook}: DR report ${facts.run.runId}`, body.filter(Boolean).join('\n'));
}
