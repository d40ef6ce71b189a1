// One probe attempt and its verdict. The attempt's limit runs on the step's clock (virtual under --sim);
// the port also ends the request in real time, since a request in flight holds a virtual clock still.
import { DrctlError } from '../../core/errors';
import { formatDuration } from '../../core/duration';
import type { HttpProbePort, ProbeAnswer } from '../../core/http-probe';
import type { ActionContext } from '../../core/action';

export interface Expectation {
  statuses: readonly number[];
  /** Must match somewhere in the start of the body. */
  body?: RegExp;
}

export interface Verdict {
  ok: boolean;
  /** "200", "503 Service Unavailable"-free: the status, or why there was no answer; and what did not match. */
  text: string;
}

function portOf(ctx: ActionContext): HttpProbePort {
  if (ctx.http) return ctx.http;
  throw new DrctlError('action.http-unavailable', 'HTTP probes are not available in this command', 'Run the probe from `drctl run`, `drctl drill` or `drctl plan`, which reach the network.');
}

export async function attempt(ctx: ActionContext, url: string, timeoutMs: number): Promise<ProbeAnswer> {
  const done = new AbortController();
  const signal = AbortSignal.any([ctx.signal, done.signal]);
  const limit = ctx.clock.sleep(timeoutMs, signal).then(
    (): ProbeAnswer => ({ body: '', error: `no answer within ${formatDuration(timeoutMs)}` }),
    () => undefined,
  );
  try {
    const answer = await Promise.race([portOf(ctx).get({ url, timeoutMs, signal }), limit.then((timedOut) => timedOut ?? new Promise<never>(() => undefined))]);
    if (ctx.signal.aborted) throw ctx.signal.reason;
    return answer;
  } finally {
    done.abort();
  }
}

export function judge(answer: ProbeAnswer, expect: Expectation): Verdict {
  if (answer.status === undefined) return { ok: false, text: answer.error ?? 'no answer' };
  if (!expect.statuses.includes(answer.status)) return { ok: false, text: `${answer.status}, expected ${expect.statuses.join(' or ')}` };
  if (expect.body && !expect.body.test(answer.body)) return { ok: false, text: `${answer.status}, but the body does not match /${expect.body.source}/` };
  return { ok: true, text: String(answer.status) };
}
