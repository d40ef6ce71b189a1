// The report as JUnit XML for CI: the run's outcome, each objective and each step is a test case, so a
// missed RTO shows up in the CI's test view like any failing test.
import { duration as formatDuration, incompleteNotice, rpoSentence, rtoSentence, shownSteps, simulatedNotice, unknownNotice } from './format';
import type { ReportFacts, Verdict } from './facts-types';
import { escapeXml } from './xml';

interface Case {
  name: string;
  seconds: number;
  failure?: { type: string; message: string };
  skipped?: string;
}

function objectiveCase(name: 'RTO' | 'RPO', verdict: Verdict, objectiveMs: number | undefined, how: string): Case {
  const title = `${name} objective${objectiveMs === undefined ? '' : ` ${formatDuration(objectiveMs)}`}`;
  if (verdict === 'none') return { name: title, seconds: 0, skipped: `the runbook sets no ${name} objective; ${name} ${how}` };
  if (verdict === 'not-started') return { name: title, seconds: 0, skipped: `${name} ${how}` };
  if (verdict === 'met') return { name: title, seconds: 0 };
  return { name: title, seconds: 0, failure: { type: verdict === 'missed' ? 'objective-missed' : 'not-measured', message: `${name} ${how}` } };
}

function cases(facts: ReportFacts): Case[] {
  const outcome = facts.run.outcome;
  const run: Case = {
    name: 'run outcome',
    seconds: ((facts.run.finishedAt ?? 0) - (facts.run.startedAt ?? 0)) / 1000,
    ...(outcome === 'succeeded' && !facts.run.incomplete ? {} : { failure: runFailure(facts) }),
  };
  const objectives = [objectiveCase('RTO', facts.rto.verdict, facts.rto.objectiveMs, rtoSentence(facts.rto)), objectiveCase('RPO', facts.rpo.verdict, facts.rpo.objectiveMs, rpoSentence(facts.rpo))];
  const steps = shownSteps(facts).map((step): Case => {
    const name = `step ${step.id} (${step.uses})${step.phase === 'rollback' ? ' [rollback]' : ''}`;
    const seconds = (step.durationMs ?? 0) / 1000;
    if (step.state === 'failed') return { name, seconds, failure: { type: step.error?.code ?? 'failed', message: step.error?.message ?? 'failed' } };
    if (step.state === 'unknown') return { name, seconds, failure: { type: 'outcome-unknown', message: step.note ?? step.error?.message ?? 'its change could not be read to its end' } };
    if (step.state === 'succeeded' || step.state === 'rolled-back') return { name, seconds };
    return { name, seconds, skipped: `${step.state}${step.note ? `: ${step.note}` : ''}` };
  });
  return [run, ...objectives, ...steps];
}

/** CI sees an unknown outcome and an incomplete record as failures of their own kind, never as a pass. */
function runFailure(facts: ReportFacts): { type: string; message: string } {
  const { outcome, error } = facts.run;
  if (facts.run.incomplete) return { type: 'incomplete', message: incompleteNotice(facts.run) ?? 'the record is incomplete' };
  if (outcome === 'unknown') return { type: 'outcome-unknown', message: unknownNotice(facts.run) ?? error?.message ?? 'the outcome is unknown' };
  return { type: outcome ?? 'unfinished', message: error?.message ?? `the run ${outcome ?? 'did not finish'}` };
}

function caseXml(testCase: Case, classname: string): string {
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(testCase.name)}" time="${testCase.seconds.toFixed(3)}"`;
  if (testCase.failure) return `${open}>\n      <failure type="${escapeXml(testCase.failure.type)}" message="${escapeXml(testCase.failure.message)}"/>\n    </testcase>`;
  if (testCase.skipped) return `${open}>\n      <skipped message="${escapeXml(testCase.skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

/** CI tools show testsuite properties: a simulated drill is never read as a production failover. */
function properties(facts: ReportFacts): string[] {
  const notice = simulatedNotice(facts.run);
  const entries: Array<[string, string]> = [['drctl.simulated', String(facts.run.simulated === true)], ...(notice ? [['drctl.notice', notice] as [string, string]] : [])];
  const incomplete = incompleteNotice(facts.run);
  if (incomplete) entries.push(['drctl.incomplete', incomplete]);
  return ['    <properties>', ...entries.map(([name, value]) => `      <property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`), '    </properties>'];
}

export function renderJunit(facts: ReportFacts): string {
  const all = cases(facts);
  const classname = `drctl.${facts.run.runbook}`;
  const failures = all.filter((testCase) => testCase.failure).length;
  const skipped = all.filter((testCase) => testCase.skipped).length;
  const seconds = ((facts.run.finishedAt ?? 0) - (facts.run.startedAt ?? 0)) / 1000;
  const timestamp = facts.run.startedAt === undefined ? '' : ` timestamp="${new Date(facts.run.startedAt).toISOString()}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="drctl report" tests="${all.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="${escapeXml(`${facts.run.simulated ? 'SIMULATED ' : ''}${facts.run.runbook} ${facts.run.runId}`)}" tests="${all.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}"${timestamp}>`,
    ...properties(facts),
    ...all.map((testCase) => caseXml(testCase, classname)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
