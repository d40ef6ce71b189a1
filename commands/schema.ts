// drctl schema: the JSON Schema of runbook v1, for editors (yaml-language-server) and other tools.
import type { CliIO } from '../src/core/io';
import { ExitCode } from '../src/core/errors';
import { runbookJsonSchema } from '../src/runbook/json-schema';
import { print } from '../src/ui/print';

export async function schemaCommand(io: CliIO): Promise<number> {
  print(io, JSON.stringify(runbookJsonSchema(), null, 2));
  return ExitCode.ok;
}
