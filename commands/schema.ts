// drctl schema: the JSON Schema of runbook v1, for editors (yaml-language-server) and other tools. It
// prints the committed schema/runbook-v1.json, which test/runbook/json-schema.test.ts keeps equal to the
// one generated from the zod definition: generating it here would load zod for a static answer.
import { readFile } from 'node:fs/promises';
import type { CommandContext } from './context';
import { DrctlError, ExitCode } from '../src/core/errors';

/** The package's schema/, one level up from this file in the source tree and from its chunk in dist/. */
const SCHEMA_FILE = new URL('../schema/runbook-v1.json', import.meta.url);

export async function schemaCommand({ output }: Pick<CommandContext, 'output'>): Promise<number> {
  let text: string;
  try {
    text = await readFile(SCHEMA_FILE, 'utf8');
  } catch (error) {
    throw new DrctlError('schema.missing', `the runbook schema is missing from this installation (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, 'Reinstall drctl; the schema ships as schema/runbook-v1.json in the package.', { cause: error });
  }
  output.write(text);
  return ExitCode.ok;
}
