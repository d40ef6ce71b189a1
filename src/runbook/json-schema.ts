// The JSON Schema for editors, generated from the same zod definition that validates runbooks, with
// each action's `with` parameters attached to its `uses` so editors complete and check them too.
import * as z from 'zod';
import type { ActionCatalogue } from '../core/define-action';
import { RunbookDocument } from './schema';

type JsonSchema = Record<string, unknown>;

const EXPRESSION = { type: 'string', pattern: '\\$\\{\\{' };

/** Every parameter may also be a ${{ }} expression resolved at run time. */
function allowExpressions(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return schema;
  const relaxed = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, { anyOf: [value, EXPRESSION] }]));
  return { ...schema, properties: relaxed };
}

function paramsSchema(schema: z.ZodType<unknown>): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  return allowExpressions(generated);
}

export function runbookJsonSchema(catalogue: ActionCatalogue): JsonSchema {
  const root = z.toJSONSchema(RunbookDocument, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  root.$id = 'https://drctl.dev/schema/runbook-v1.json';
  root.title = 'drctl runbook (drctl/v1)';
  const spec = (root.properties as Record<string, JsonSchema>).spec as JsonSchema;
  const specProps = spec.properties as Record<string, JsonSchema>;
  const stepRules = catalogue.actions.map((action) => ({
    if: { properties: { uses: { const: action.uses } }, required: ['uses'] },
    then: { properties: { with: paramsSchema(action.params) } },
  }));
  const uses = { enum: catalogue.actions.map((action) => action.uses), description: 'The action this step runs.' };
  for (const key of ['steps', 'rollback']) {
    const items = (specProps[key] as JsonSchema | undefined)?.items as JsonSchema | undefined;
    if (!items) continue;
    (items.properties as Record<string, JsonSchema>).uses = uses;
    items.allOf = stepRules;
  }
  const checkItems = (specProps.preflight as JsonSchema | undefined)?.items as JsonSchema | undefined;
  if (checkItems) {
    (checkItems.properties as Record<string, JsonSchema>).check = { enum: catalogue.checks.map((check) => check.check) };
    checkItems.allOf = catalogue.checks.map((check) => ({
      if: { properties: { check: { const: check.check } }, required: ['check'] },
      then: { properties: { with: paramsSchema(check.params) } },
    }));
  }
  return root;
}
