// The application answering: http.probe GETs an http-endpoint until N answers in a row have the expected
// status (and match a body pattern), each attempt with its own time limit and a fixed wait between them,
// both on the step's clock; the endpoint-answers preflight check asks for the same N answers once. A name
// that DNS routes (no `region` on the resource) is probed as clients reach it, which is the point.
import * as z from 'zod';
import { formatDuration, parseDuration } from '../../core/duration';
import { defineAction, defineCheck, type ActionFamily } from '../../core/define-action';
import { NO_DEPENDENCIES } from '../../core/dependencies';
import type { ResourceOf } from '../../core/resources';
import { Duration } from '../../runbook/schema';
import { resourceNamed } from '../shared/resolve';
import type { ActionContext, ActionPlan, EndStateDeclaration, PollResult } from '../../core/action';
import { attempt, judge, type Expectation } from './attempt';

const isPattern = (text: string) => {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
};

const ProbeParams = z.strictObject({
  resource: z.string().min(1).meta({ description: 'The name of an http-endpoint resource.' }),
  status: z
    .union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)])
    .default(200)
    .meta({ description: 'The expected HTTP status, or a list of them (default 200).' }),
  body: z.string().refine(isPattern, { message: 'is not a regular expression' }).optional().meta({ description: 'A regular expression the start of the body (5,120 bytes) must match.' }),
  consecutive: z.number().int().min(1).max(100).default(3).meta({ description: 'How many answers in a row must match (default 3).' }),
  interval: Duration.default('5s').meta({ description: 'The wait between attempts (default 5s).' }),
  attemptTimeout: Duration.default('5s').meta({ description: 'How long one attempt may take (default 5s).' }),
});
type ProbeParams = z.infer<typeof ProbeParams>;

interface ProbeState {
  resource: string;
  url: string;
  region?: string;
}

const msOf = (duration: string) => parseDuration(duration) ?? 0;
const expectationOf = (params: ProbeParams): Expectation => ({
  statuses: Array.isArray(params.status) ? params.status : [params.status],
  ...(params.body === undefined ? {} : { body: new RegExp(params.body) }),
});

function endpointOf(ctx: Pick<ActionContext, 'resources'>, name: string): ResourceOf<'http-endpoint'> {
  return resourceNamed(ctx, name, ['http-endpoint']);
}

const where = (state: ProbeState) => `${state.url}${state.region ? ` in ${state.region}` : ''}`;

/** Attempts until `consecutive` match in a row; the step's timeout ends it otherwise. */
async function probeUntilHealthy(ctx: ActionContext, params: ProbeParams, state: ProbeState): Promise<PollResult> {
  const expect = expectationOf(params);
  let streak = 0;
  let said: string | undefined;
  for (let attempts = 1; ; attempts++) {
    const verdict = judge(await attempt(ctx, state.url, msOf(params.attemptTimeout)), expect);
    streak = verdict.ok ? streak + 1 : 0;
    const observation = `${state.resource}: ${verdict.text} from ${where(state)}${verdict.ok ? ` (${streak} of ${params.consecutive} in a row)` : ''}`;
    if (streak >= params.consecutive) {
      const signal = `${state.resource} (${where(state)}) answering ${verdict.text}, ${params.consecutive} times in a row`;
      return { done: true, observation, outputs: { status: Number(verdict.text), attempts, signal } };
    }
    // Said when the answer changes, so a long outage does not fill the journal with the same line.
    if (verdict.text !== said) ctx.observe(observation);
    said = verdict.text;
    await ctx.clock.sleep(msOf(params.interval), ctx.signal);
  }
}

const expectedAnswer = (params: ProbeParams) => `answers ${expectationOf(params).statuses.join(' or ')}${params.body ? ` matching /${params.body}/` : ''}`;

/** What the endpoint answers: watched, not changed. One attempt reads it. */
const answerEndState: EndStateDeclaration<ProbeParams> = {
  expect(params, ctx) {
    const { url } = endpointOf(ctx, params.resource);
    return [{ key: `endpoint:${url}`, resource: params.resource, label: `${params.resource} (${url})`, changes: false, value: expectedAnswer(params) }];
  },
  async read(ctx, params) {
    const { url } = endpointOf(ctx, params.resource);
    const expect = expectationOf(params);
    const answer = await attempt(ctx, url, msOf(params.attemptTimeout));
    const value = judge(answer, expect).ok
      ? expectedAnswer(params)
      : answer.status === undefined
        ? `no answer (${answer.error ?? 'none'})`
        : expect.statuses.includes(answer.status)
          ? `answers ${answer.status} not matching /${params.body ?? ''}/`
          : `answers ${answer.status}`;
    return [{ key: `endpoint:${url}`, value }];
  },
};

export const probeAction = defineAction({
  uses: 'http.probe',
  description: 'Probe an http-endpoint until `consecutive` answers in a row have the expected status (and match `body`): the application answering.',
  resourceTypes: ['http-endpoint'],
  params: ProbeParams,
  outputs: ['status', 'attempts', 'signal'],
  mutating: false,
  defaultTimeoutMs: 15 * 60_000,
  permissions: () => [],
  // The application's own endpoint: no AWS service, no AWS region or plane to depend on.
  dependencies: () => NO_DEPENDENCIES,
  async plan(ctx, params): Promise<ActionPlan<ProbeState>> {
    const { url, region } = endpointOf(ctx, params.resource);
    const state: ProbeState = { resource: params.resource, url, ...(region ? { region } : {}) };
    const now = judge(await attempt(ctx, url, msOf(params.attemptTimeout)), expectationOf(params));
    return {
      status: 'ready',
      summary: `probe ${where(state)} until ${params.consecutive} answers in a row are ${expectationOf(params).statuses.join(' or ')}${params.body ? ` matching /${params.body}/` : ''}`,
      calls: [],
      observations: [`${params.resource}: now ${now.text}`],
      unverifiable: now.ok ? [] : ['when the application answers: after its data stores and its traffic have moved'],
      estimateMs: (params.consecutive - 1) * msOf(params.interval),
      target: { resource: params.resource },
      state,
    };
  },
  apply: (ctx, params, plan) => probeUntilHealthy(ctx, params, plan.state),
  endState: answerEndState,
});

const endpointAnswers = defineCheck({
  check: 'endpoint-answers',
  description: 'An http-endpoint answers `consecutive` times in a row with the expected status (and body) now.',
  params: ProbeParams,
  resourceParams: { resource: ['http-endpoint'] },
  permissions: () => [],
  dependencies: () => [],
  async run(ctx, params) {
    const { url } = endpointOf(ctx, params.resource);
    const expect = expectationOf(params);
    for (let answered = 0; answered < params.consecutive; answered++) {
      if (answered > 0) await ctx.clock.sleep(msOf(params.interval), ctx.signal);
      const verdict = judge(await attempt(ctx, url, msOf(params.attemptTimeout)), expect);
      if (!verdict.ok) {
        return { ok: false, message: `${params.resource}: ${verdict.text} from ${url} (after ${answered} good answers)`, hint: `Check the application behind ${url} before moving anything.` };
      }
    }
    return { ok: true, message: `${params.resource}: ${params.consecutive} answers in a row ${expect.statuses.join(' or ')} from ${url}, every ${formatDuration(msOf(params.interval))}` };
  },
});

export const httpProbeFamily: ActionFamily = { name: 'http-probe', actions: [probeAction], checks: [endpointAnswers] };
