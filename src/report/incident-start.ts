// --incident-start: when the outage began, so the RTO clock starts there rather than when someone ran
// drctl. An ISO time ("2026-01-05T08:55:00Z") or a duration before now ("10m ago", "1h30m ago").
import { DrctlError } from '../core/errors';
import { parseDuration } from '../core/duration';

const RELATIVE = /^\s*(.+?)\s+ago\s*$/i;
// A date and a time; a time without a zone would be read as local time, which a report must not guess.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function invalid(text: string, why: string): DrctlError {
  return new DrctlError('cli.bad-incident-start', `--incident-start "${text}" ${why}`, 'Give an ISO time with a zone, such as 2026-01-05T08:55:00Z, or a duration before now, such as "10m ago".');
}

/** Epoch milliseconds of the incident start; `now` is the clock the run uses (simulated under --sim). */
export function parseIncidentStart(text: string, now: number): number {
  const relative = RELATIVE.exec(text);
  let at: number;
  if (relative) {
    const ms = parseDuration((relative[1] ?? '').replace(/\s+/g, ''));
    if (ms === undefined) throw invalid(text, 'is not a duration before now');
    at = now - ms;
  } else if (ISO.test(text.trim())) {
    at = Date.parse(text.trim());
    if (Number.isNaN(at)) throw invalid(text, 'is not a valid time');
  } else {
    throw invalid(text, 'is neither an ISO time with a zone nor "<duration> ago"');
  }
  if (at > now) throw invalid(text, 'is in the future');
  return at;
}
