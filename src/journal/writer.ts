// The journal writer: one JSON line per event, appended as it happens. Ordinary events are written
// synchronously (they reach the OS at once, so a crash of drctl loses nothing); intents are also fsynced
// before `commit` resolves, so a mutating call is never made that a power cut could hide from resume.
import { closeSync, existsSync, fsync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { DrctlError, ExitCode } from '../core/errors';
import type { EventSink, RunEvent } from '../core/events';
import { journalPath, runDir } from './layout';

const fsyncAsync = promisify(fsync);

export interface JournalOptions {
  /** Holds a virtual clock (--sim) while an intent is being made durable: the fsync is work in flight. */
  holdClock?: () => () => void;
}

export class FileJournal implements EventSink {
  private fd: number | undefined;

  private constructor(
    readonly file: string,
    fd: number,
    private readonly options: JournalOptions,
  ) {
    this.fd = fd;
  }

  /** Opens (or creates) the journal of a run for appending. */
  static open(journalDir: string, runId: string, options: JournalOptions = {}): FileJournal {
    const file = journalPath(journalDir, runId);
    try {
      mkdirSync(runDir(journalDir, runId), { recursive: true });
      dropTornTail(file);
      return new FileJournal(file, openSync(file, 'a'), options);
    } catch (error) {
      throw unwritable(file, error);
    }
  }

  emit(event: RunEvent): void {
    if (this.fd === undefined) return;
    const line = `${JSON.stringify(event)}\n`;
    writeSync(this.fd, line);
    // The end of a run is worth a sync too: report and resume read it.
    if (event.type === 'run.finished') fsyncSync(this.fd);
  }

  async commit(event: RunEvent): Promise<void> {
    if (this.fd === undefined) throw unwritable(this.file, new Error('the journal is closed'));
    this.emit(event);
    const release = this.options.holdClock?.();
    try {
      await fsyncAsync(this.fd);
    } finally {
      release?.();
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    fsyncSync(fd);
    closeSync(fd);
  }
}

/**
 * A crash mid-write leaves a last line without its newline. Readers skip it, but a resumed run appending
 * after it would turn it into a damaged line in the middle, so it is cut off before appending.
 */
function dropTornTail(file: string): void {
  if (!existsSync(file)) return;
  const bytes = readFileSync(file);
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return;
  truncateSync(file, bytes.lastIndexOf(0x0a) + 1);
}

function unwritable(file: string, cause: unknown): DrctlError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new DrctlError('journal.unwritable', `cannot write the run journal ${file}: ${detail}`, 'drctl needs a writable journal to run safely; pass --journal-dir or fix the permissions.', {
    exitCode: ExitCode.runFailed,
    cause,
  });
}
