// drctl schema: the JSON Schema of runbook v1, for editors (yaml-language-server) and other tools.
import type { CommandContext } from './context';
import { ExitCode } from '../src/core/errors';
import { runbookJsonSchema } from '../src/runbook/json-schema';
import { print } from '../src/ui/print';

export async function schemaCommand({ io, actions }: CommandContext): Promise<number> {
  print(io, JSON.stringify(runbookJsonSchema(actions), null, 2));
  return ExitCode.ok;
}
