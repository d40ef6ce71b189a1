// What the composition root (src/main.ts) hands every command: the process's streams and environment,
// the catalogue of actions and checks that the validator, the engine and the drill's verification use,
// and the output host, which writes the command's answer in the format the user asked for.
import type { ActionCatalogue } from '../src/core/define-action';
import type { CliIO } from '../src/core/io';
import type { Output } from '../src/ui/output';

export interface CommandContext {
  io: CliIO;
  actions: ActionCatalogue;
  output: Output;
}
