// Finds the zod schema that governs a path in a document, so unknown-key problems can suggest the keys
// that are allowed there. Reads zod 4's public `_zod.def` structure.
import type { z } from 'zod';
import type { Path } from './source';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
  values?: unknown[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/default/nullable/pipe wrappers and picks the union member that fits the data. */
function unwrap(schema: z.ZodType, data: unknown): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else if (def.type === 'union' && def.options) {
      current = pickOption(def, data) ?? current;
      if (current === schema || defOf(current).type === 'union') return current;
    } else {
      return current;
    }
  }
  return current;
}

function pickOption(def: Def, data: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator && data && typeof data === 'object') {
    const wanted = (data as Record<string, unknown>)[def.discriminator];
    const match = options.find((option) => {
      const field = defOf(option).shape?.[def.discriminator as string];
      return field && defOf(field).values?.includes(wanted);
    });
    if (match) return match;
  }
  const kind = Array.isArray(data) ? 'array' : data !== null && typeof data === 'object' ? 'object' : typeof data;
  return options.find((option) => defOf(unwrap(option, data)).type === kind) ?? options[0];
}

/** The schema at a path in the data, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: Path, data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root, data);
  let value = data;
  for (const key of path) {
    if (!schema) return undefined;
    const def = defOf(schema);
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
    const next: z.ZodType | undefined =
      def.type === 'object' ? def.shape?.[String(key)] : def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined;
    schema = next ? unwrap(next, value) : undefined;
  }
  return schema;
}

/** The keys an object schema accepts. */
export function knownKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
