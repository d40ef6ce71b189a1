// Journal events -> ReportFacts: the one pure function behind every report format. It replays the
// events with the engine's own reducer (so the report sees exactly the state the engine had, across
// every session of a resumed run) and reads the few things the state folds away: plan targets, lag
// readings, approvals and API calls.
import type { RunEvent } from '../core/events';
import { displayState, replay, type RunState } from '../engine/state';
import { apiCallFacts, approvalFacts } from './facts-log';
import { rpoFacts, rtoFacts, shortfalls } from './facts-objectives';
import { resourceFacts } from './facts-resources';
import { REPORT_SCHEMA, type ReportFacts, type RpoFacts, type RtoFacts, type RunFacts, type StepFacts, type Verdict } from './facts-types';
import { redact } from './redact';

export interface FactsOptions {
  /** --incident-start given to `drctl report`: overrides the one the run recorded. */
  incidentStart?: number;
  /** The reader dropped a torn last line. */
  tornTail?: boolean;
  /** Other reasons the record is incomplete (load.ts: a run directory without its runbook.json). */
  incomplete?: string[];
}

const TORN = 'the last line of the journal was cut short (drctl was stopped mid-write) and is left out';

function runFacts(state: RunState, events: readonly RunEvent[], tornTail: boolean | undefined): RunFacts {
  const sessions: RunFacts['sessions'] = [];
  const interruptions: RunFacts['interruptions'] = [];
  for (const event of events) {
    if (event.type === 'run.started') sessions.push({ at: event.at, ...(event.realAt === undefined ? {} : { realAt: event.realAt }), session: event.session ?? (event.resumedFrom ? 'resume' : 'start') });
    if (event.type === 'run.interrupted') interruptions.push({ at: event.at, signal: event.signal, forced: event.forced });
  }
  return {
    runId: state.runId,
    runbook: state.runbook,
    file: state.file,
    mode: state.mode,
    inputs: state.inputs,
    ...(state.simulated ? { simulated: true, realStartedAt: state.realStartedAt } : {}),
    outcome: state.outcome,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    sessions,
    interruptions,
    rollback: state.rollback,
    error: state.error,
    ...(tornTail ? { tornTail } : {}),
  };
}

function stepFacts(state: RunState, clockStart: number | undefined): StepFacts[] {
  const offset = (at: number | undefined) => (at === undefined || clockStart === undefined ? undefined : at - clockStart);
  return state.order.flatMap((id) => {
    const step = state.steps[id];
    if (!step) return [];
    const note = step.alreadyDone ? 'already done' : step.joined ? 'joined an operation under way' : step.continued ? 'continue-on-error' : step.reason;
    const durationMs = step.startedAt !== undefined && step.finishedAt !== undefined ? step.finishedAt - step.startedAt : undefined;
    return [
      {
        id,
        uses: step.uses,
        phase: step.phase,
        resource: step.resource,
        state: displayState(step, state),
        attempts: step.attempts,
        startedAt: step.startedAt,
        finishedAt: step.finishedAt,
        durationMs,
        startOffsetMs: offset(step.startedAt),
        endOffsetMs: offset(step.finishedAt),
        note,
        error: step.error,
      },
    ];
  });
}

/** A record that is incomplete gives no verdict: a met or missed objective becomes "not measured", saying why. */
function notConfident(rto: RtoFacts, rpo: RpoFacts, incomplete: string[]): { rto: RtoFacts; rpo: RpoFacts } {
  if (incomplete.length === 0) return { rto, rpo };
  const judged = (verdict: Verdict) => verdict === 'met' || verdict === 'missed';
  const reason = `not judged: the record of the run is incomplete (${incomplete.join('; ')})`;
  return {
    rto: judged(rto.verdict) ? { ...rto, verdict: 'unknown', reason } : rto,
    rpo: judged(rpo.verdict) ? { ...rpo, verdict: 'unknown' } : rpo,
  };
}

export function reportFacts(events: readonly RunEvent[], options: FactsOptions = {}): ReportFacts {
  const state = replay(events);
  const resources = resourceFacts(state, events);
  const incomplete = [...(options.tornTail ? [TORN] : []), ...(options.incomplete ?? [])];
  const unknownSteps = Object.values(state.steps).filter((step) => step.state === 'unknown').map((step) => step.id);
  const { rto, rpo } = notConfident(rtoFacts(state, resources, options.incidentStart), rpoFacts(resources, state.objectives.rpoMs), incomplete);
  const missing = incomplete.length > 0 ? [`no objective is judged: the record of the run is incomplete (${incomplete.join('; ')})`] : shortfalls(rto, rpo);
  const run = runFacts(state, events, options.tornTail);
  const facts: ReportFacts = {
    schema: REPORT_SCHEMA,
    run: { ...run, ...(incomplete.length > 0 ? { incomplete } : {}), ...(unknownSteps.length > 0 ? { unknownSteps } : {}) },
    rto,
    rpo,
    objectivesMet: missing.length === 0,
    shortfalls: missing,
    resources,
    steps: stepFacts(state, rto.clockStart),
    preflight: Object.entries(state.preflight).map(([name, check]) => ({ name, ...check })),
    approvals: approvalFacts(events),
    apiCalls: apiCallFacts(events),
  };
  return redact(facts);
}
