// What the composition root (src/main.ts) hands every command: the process's streams and environment,
// and the catalogue of actions and checks that the validator, the engine and the drill's verification use.
import type { ActionCatalogue } from '../src/core/define-action';
import type { CliIO } from '../src/core/io';

export interface CommandContext {
  io: CliIO;
  actions: ActionCatalogue;
}
