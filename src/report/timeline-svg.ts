// The run as a timeline: one bar per step from its start to its end, on an axis that starts at the RTO
// clock (the incident or the run start), with the RTO objective and the measured RTO as vertical lines.
// Plain inline SVG: the page opens offline and prints; every bar carries a <title> for hovering.
import type { ReportFacts, StepFacts } from './facts-types';
import { duration, shownSteps } from './format';
import { esc, linearScale, round, tickLabel, timeTicks } from './svg';

const LABEL_WIDTH = 200;
const PLOT_WIDTH = 640;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 14;
const TOP = 50;
const AXIS_HEIGHT = 30;

/** Where a step's bar ends: its finish, or the run's last moment while it was still going. */
function barEnd(step: StepFacts, lastOffset: number): number | undefined {
  if (step.startOffsetMs === undefined) return undefined;
  return step.endOffsetMs ?? Math.max(step.startOffsetMs, lastOffset);
}

function domainOf(facts: ReportFacts, lastOffset: number): [number, number] {
  const values = [0, lastOffset];
  for (const step of facts.steps) {
    if (step.startOffsetMs !== undefined) values.push(step.startOffsetMs);
    if (step.endOffsetMs !== undefined) values.push(step.endOffsetMs);
  }
  if (facts.rto.objectiveMs !== undefined) values.push(facts.rto.objectiveMs);
  if (facts.rto.valueMs !== undefined) values.push(facts.rto.valueMs);
  const from = Math.min(...values);
  const to = Math.max(...values);
  return [from, to + Math.max(1_000, (to - from) * 0.04)];
}

function verticalLine(id: string, x: number, top: number, bottom: number, label: string, labelY: number): string {
  const anchor = x > LABEL_WIDTH + PLOT_WIDTH * 0.8 ? 'end' : 'start';
  const dx = anchor === 'end' ? -4 : 4;
  return [
    `<g id="${id}" class="marker ${id}">`,
    `<line x1="${round(x)}" x2="${round(x)}" y1="${top}" y2="${bottom}"/>`,
    `<text x="${round(x + dx)}" y="${labelY}" text-anchor="${anchor}">${esc(label)}</text>`,
    '</g>',
  ].join('');
}

export function timelineSvg(facts: ReportFacts): string {
  const steps = shownSteps(facts);
  const start = facts.rto.clockStart ?? facts.run.startedAt ?? 0;
  const lastOffset = (facts.run.finishedAt ?? Math.max(start, ...facts.steps.map((step) => step.finishedAt ?? step.startedAt ?? start))) - start;
  const x = linearScale(domainOf(facts, lastOffset), [LABEL_WIDTH, LABEL_WIDTH + PLOT_WIDTH]);
  const plotBottom = TOP + steps.length * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const width = LABEL_WIDTH + PLOT_WIDTH + 20;
  const parts: string[] = [];

  for (const tick of timeTicks(x.domain)) {
    const tx = round(x(tick));
    parts.push(`<g class="tick"><line x1="${tx}" x2="${tx}" y1="${TOP - 4}" y2="${plotBottom}"/><text x="${tx}" y="${plotBottom + 16}" text-anchor="middle">${esc(tickLabel(tick))}</text></g>`);
  }
  steps.forEach((step, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const label = `${step.id}${step.phase === 'rollback' ? ' ↺' : ''}`;
    parts.push(`<text class="step-label" x="${LABEL_WIDTH - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end">${esc(label)}</text>`);
    const end = barEnd(step, lastOffset);
    if (step.startOffsetMs === undefined || end === undefined) {
      parts.push(`<text class="not-run" x="${LABEL_WIDTH + 4}" y="${y + ROW_HEIGHT / 2 + 4}">${esc(step.state)}</text>`);
      return;
    }
    const x0 = x(step.startOffsetMs);
    const barWidth = Math.max(2, x(end) - x0);
    const open = step.endOffsetMs === undefined ? ' open' : '';
    const title = `${step.id} (${step.uses}): ${step.state}, ${duration(step.durationMs)}${step.note ? `; ${step.note}` : ''}`;
    parts.push(
      `<rect class="bar state-${step.state}${open}" data-step="${esc(step.id)}" data-state="${step.state}" x="${round(x0)}" y="${y + (ROW_HEIGHT - BAR_HEIGHT) / 2}" width="${round(barWidth)}" height="${BAR_HEIGHT}" rx="2"><title>${esc(title)}</title></rect>`,
    );
  });
  // With --incident-start the axis begins at the incident; mark where drctl was started.
  if (facts.rto.clockStartSource === 'incident-start' && facts.run.startedAt !== undefined) {
    parts.push(verticalLine('run-start', x(facts.run.startedAt - start), 32, plotBottom, 'run started', 42));
  }
  for (const session of facts.run.sessions.slice(1)) {
    parts.push(verticalLine('session', x(session.at - start), 32, plotBottom, session.session === 'resume' ? 'resumed' : 'rollback', 42));
  }
  if (facts.rto.valueMs !== undefined) {
    parts.push(verticalLine('rto-measured', x(facts.rto.valueMs), 18, plotBottom, `RTO ${duration(facts.rto.valueMs)}`, 28));
  }
  if (facts.rto.objectiveMs !== undefined) {
    parts.push(verticalLine('rto-objective', x(facts.rto.objectiveMs), 4, plotBottom, `RTO objective ${duration(facts.rto.objectiveMs)}`, 13));
  }
  const axisTitle = facts.rto.clockStartSource === 'incident-start' ? 'time since the incident start' : 'time since the run start';
  return [
    `<svg id="timeline" class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 14}" width="${width}" height="${height + 14}" role="img" aria-label="Timeline of the run: one bar per step">`,
    `<line class="axis" x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${plotBottom}" y2="${plotBottom}"/>`,
    ...parts,
    `<text class="axis-title" x="${LABEL_WIDTH + PLOT_WIDTH / 2}" y="${height + 10}" text-anchor="middle">${esc(axisTitle)}</text>`,
    '</svg>',
  ].join('\n');
}
