// Core actions that need no AWS: an operator approval, a fixed wait, and an assertion over expressions.
// None of them changes anything, so none journals an intent; each is safe to repeat on resume.
import * as z from 'zod';
import { approvalDenied } from '../../core/operator';
import { DrctlError, ExitCode } from '../../core/errors';
import { formatDuration, parseDuration } from '../../core/duration';
import { truthy } from '../../runbook/expressions';
import { Duration } from '../../runbook/schema';
import { defineAction, type ActionFamily } from '../../core/define-action';
import type { ActionPlan } from '../../core/action';
import { NO_DEPENDENCIES } from '../../core/dependencies';

function readyPlan(summary: string, estimateMs: number, extra: Partial<ActionPlan<Record<string, never>>> = {}): ActionPlan<Record<string, never>> {
  return { status: 'ready', summary, calls: [], observations: [], unverifiable: [], estimateMs, state: {}, ...extra };
}

const ApprovalParams = z.strictObject({
  message: z.string().min(1).meta({ description: 'What the operator is asked; expressions are resolved first.' }),
  confirm: z.string().optional().meta({ description: 'Text the operator must type; defaults to the target region of a mutating runbook.' }),
  timeout: Duration.optional().meta({ description: 'How long to wait for an answer before the step fails (default 30m).' }),
});

export const approvalAction = defineAction({
  uses: 'approval',
  description: 'Ask the operator to approve before the steps that need this one (type the target region for a mutating runbook).',
  params: ApprovalParams,
  outputs: ['approvedBy'],
  mutating: false,
  defaultTimeoutMs: 60 * 60_000,
  permissions: () => [],
  dependencies: () => NO_DEPENDENCIES,
  plan: async (_ctx, params) => readyPlan(`ask the operator: ${params.message}`, 0, { unverifiable: ["the operator's answer"] }),
  apply: async (ctx, params) => {
    const timeoutMs = params.timeout === undefined ? undefined : parseDuration(params.timeout);
    const answer = await ctx.requestApproval({ stepId: ctx.stepId, message: params.message, confirmText: params.confirm, timeoutMs });
    if (!answer.approved) throw approvalDenied(ctx.stepId, answer.by);
    return { done: true, outputs: { approvedBy: answer.by } };
  },
});

const WaitParams = z.strictObject({
  duration: Duration,
  reason: z.string().optional().meta({ description: 'Why the wait is there (shown while waiting), e.g. "let DNS TTLs expire".' }),
});

export const waitAction = defineAction({
  uses: 'wait',
  description: 'Wait for a fixed time, e.g. to let DNS TTLs expire or connections drain.',
  params: WaitParams,
  outputs: [],
  mutating: false,
  defaultTimeoutMs: 24 * 60 * 60_000,
  permissions: () => [],
  dependencies: () => NO_DEPENDENCIES,
  plan: async (_ctx, params) => {
    const ms = parseDuration(params.duration) ?? 0;
    return readyPlan(`wait ${formatDuration(ms)}${params.reason ? ` (${params.reason})` : ''}`, ms);
  },
  apply: async (ctx, params) => {
    const ms = parseDuration(params.duration) ?? 0;
    ctx.observe(`waiting ${formatDuration(ms)}${params.reason ? `: ${params.reason}` : ''}`);
    await ctx.clock.sleep(ms, ctx.signal);
    return { done: true };
  },
});

// A string left after resolution that reads like an expression was almost surely meant as one: without
// `${{ }}` it would be a non-empty string, always true, and the assertion would never fail.
const BARE_EXPRESSION = /(^\s*!?\(?\s*(inputs|steps|resources)\.)|==|!=|&&|\|\||<=|>=/;

const AssertParams = z.strictObject({
  that: z
    .union([z.boolean(), z.number(), z.null(), z.string()])
    .refine((value) => typeof value !== 'string' || !BARE_EXPRESSION.test(value), { message: 'looks like an expression: wrap it in ${{ }}' })
    .meta({ description: 'An expression that must be true, e.g. ${{ steps.orders.outputs.writerRegion == inputs.to }}.' }),
  message: z.string().optional().meta({ description: 'Said when the assertion fails.' }),
});

export const assertAction = defineAction({
  uses: 'assert',
  description: 'Fail the run unless an expression over inputs, resources and step outputs is true.',
  params: AssertParams,
  outputs: [],
  mutating: false,
  defaultTimeoutMs: 60_000,
  permissions: () => [],
  dependencies: () => NO_DEPENDENCIES,
  plan: async (_ctx, params) => {
    if (!truthy(params.that)) {
      throw new DrctlError('assert.failed', params.message ?? `assertion failed: the value was ${JSON.stringify(params.that)}`, 'Look at the steps and inputs the expression reads; the run stopped before the steps that need this one.', {
        exitCode: ExitCode.runFailed,
      });
    }
    return readyPlan('assertion holds', 0, { observations: ['assertion holds'] });
  },
});

/** approval, wait and assert: the actions that steer a run rather than act on AWS. */
export const flowFamily: ActionFamily = { name: 'flow', actions: [approvalAction, waitAction, assertAction], checks: [] };
