// Runbook format v1. This zod definition is the single source of the TypeScript types and of the JSON
// Schema printed by `drctl schema`. Semantic rules that need the whole document (ids, needs, cycles,
// expressions, action parameters) live in semantics.ts.
import * as z from 'zod';
import { isDuration } from '../core/duration';
import { isRegion } from '../core/regions';
import { codeParam, Resource } from '../core/resources';

// zod compiles a parser per object schema on first use (new Function), which pays off over thousands of
// parses; a CLI run parses a handful of documents, so interpreting is faster from a cold start. This
// reaches only the schemas built after this module runs (zod reads the setting when it builds one).
z.config({ jitless: true });

/**
 * The same, per parse, for validation: the resource and action schemas are built before this module
 * runs, and without it `drctl validate` compiled a parser for each of them (5 ms of CPU).
 */
export const INTERPRETED: z.core.ParseContext<z.core.$ZodIssue> = { jitless: true };

export { codeParam, Region, Resource, RESOURCE_TYPES, type ResourceType, type ResourceOf } from '../core/resources';

export const Duration = z
  .string()
  .refine(isDuration, { message: 'is not a duration', ...codeParam('runbook.bad-duration') })
  .meta({ description: 'A duration such as "90s", "5m", "1m30s" or "250ms".', pattern: '^(\\d+(\\.\\d+)?(ms|s|m|h))+$' });

const isExpression = (text: string) => /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(text);

export const RegionOrExpression = z
  .string()
  .refine((text) => isExpression(text) || isRegion(text), {
    message: 'is not an AWS region',
    ...codeParam('runbook.bad-region'),
  })
  .meta({ description: 'An AWS region such as us-west-2, or an expression like ${{ inputs.to }}.' });

const Name = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, { message: 'must start with a letter and hold only letters, digits, "-" and "_"' });

export const InputType = z.enum(['string', 'region', 'number', 'boolean']);

export const Input = z
  .strictObject({
    type: InputType,
    description: z.string().optional(),
    required: z.boolean().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    enum: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  })
  .meta({ description: 'A value given with --input name=value at run time.' });

export const Objectives = z.strictObject({
  rto: Duration.optional().meta({ description: 'Recovery time objective: the longest acceptable outage.' }),
  rpo: Duration.optional().meta({ description: 'Recovery point objective: the most data, in time, that may be lost.' }),
  rtoEndsAt: Name.optional().meta({
    description: 'The id of the step whose success ends the RTO clock, e.g. the one that waits for the application to be healthy in the target region. Default: the last step that restores a resource.',
  }),
});

export const Retry = z.union([
  z.number().int().min(0).max(20),
  z.strictObject({
    attempts: z.number().int().min(0).max(20).meta({ description: 'Retries after the first attempt (like `retry: N`); only errors that may pass are retried.' }),
    backoff: Duration.optional().meta({ description: 'First delay; doubled each attempt, with jitter.' }),
  }),
]);

export const Step = z.strictObject({
  id: Name,
  name: z.string().optional(),
  uses: z.string().min(1).meta({ description: 'The action: approval, wait, assert, aurora.switchover, ...' }),
  with: z.record(z.string(), z.unknown()).optional(),
  needs: z.union([Name, z.array(Name)]).optional(),
  if: z.string().optional().meta({ description: 'Run the step only when this expression is true.' }),
  timeout: Duration.optional(),
  retry: Retry.optional(),
  'continue-on-error': z.boolean().optional(),
});

export const PreflightCheck = z.strictObject({
  check: z.string().min(1).meta({ description: 'replication-lag-below, healthy, writer-in or available.' }),
  name: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  if: z.string().optional().meta({ description: "Run the check only when this expression over inputs is true, e.g. inputs.mode == 'planned'." }),
});

export const Metadata = z.strictObject({
  name: Name,
  description: z.string().optional(),
  owner: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

export const Spec = z.strictObject({
  inputs: z.record(z.string(), Input).optional(),
  objectives: Objectives.optional(),
  resources: z.record(z.string(), Resource).optional(),
  preflight: z.array(PreflightCheck).optional(),
  steps: z.array(Step).min(1, { message: 'needs at least one step' }),
  rollback: z.array(Step).optional(),
});

export const RunbookDocument = z.strictObject({
  apiVersion: z.literal('drctl/v1', { error: 'must be "drctl/v1"' }),
  kind: z.literal('Runbook', { error: 'must be "Runbook"' }),
  metadata: Metadata,
  spec: Spec,
});

export type Input = z.infer<typeof Input>;
export type Objectives = z.infer<typeof Objectives>;
export type Step = z.infer<typeof Step>;
export type PreflightCheck = z.infer<typeof PreflightCheck>;
export type RunbookDocument = z.infer<typeof RunbookDocument>;
