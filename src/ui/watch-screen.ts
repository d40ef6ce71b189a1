// A reading that refreshes (`drctl health --watch`): on a terminal the block is redrawn in place (ANSI
// cursor-up and clear, no ink); anything else gets one block per refresh, so logs keep the history.
import type { CliIO } from '../core/io';

export class WatchScreen {
  private drawnLines = 0;

  constructor(
    private readonly io: CliIO,
    private readonly inPlace: boolean,
  ) {}

  show(text: string): void {
    if (this.inPlace && this.drawnLines > 0) this.io.stdout.write(`\u001b[${this.drawnLines}A\u001b[0J`);
    else if (!this.inPlace && this.drawnLines > 0) this.io.stdout.write('\n');
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    this.drawnLines = text.split('\n').length;
  }
}
