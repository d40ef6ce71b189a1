// The real process's streams, for the composition roots (src/main.ts, src/validate-main.ts): the one
// place drctl takes them.
import type { CliIO } from '../../src/core/io';
import { dropOutputWhenClosed } from '../../src/ui/closed-pipes';

/**
 * A closed pipe drops output, never the run. stdin is taken when first read: taking it opens it, which
 * most commands (validate among them) never need.
 */
export function processIO(): CliIO {
  return {
    stdout: dropOutputWhenClosed(process.stdout),
    stderr: dropOutputWhenClosed(process.stderr),
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
