// The journal writer: one JSON line per event, appended as it happens. Ordinary events are written
// synchronously (they reach the OS at once, so a crash of drctl loses nothing); intents are also fsynced
// before `commit` resolves, so a mutating call is never made that a power cut could hide from resume.
//
// A line is written whole or not at all. A full disk cuts a write short without an error (write(2)
// returns fewer bytes): that used to leave a torn intent that resume then dropped, for a call that was
// made. Now a short or failed write is cut back to the last whole line and the journal stops: the
// failure goes to the engine, which makes no further call, and the file stays a clean prefix of the run.
import type { EventSink, RunEvent } from '../core/events';
import { journalUnwritable, journalWriteFailed } from './errors';
import { nodeJournalFs, type JournalFs } from './journal-fs';
import { journalPath, runDir } from './layout';

export interface JournalOptions {
  /** Holds a virtual clock (--sim) while an intent is being made durable: the fsync is work in flight. */
  holdClock?: () => () => void;
  /** The file system (tests fill the disk or fail a write). */
  fs?: JournalFs;
}

export class FileJournal implements EventSink {
  private fd: number | undefined;
  /** Bytes of whole lines in the file: where a failed write is cut back to. */
  private length: number;
  private failure: Error | undefined;

  private constructor(
    readonly file: string,
    private readonly runId: string,
    fd: number,
    private readonly fs: JournalFs,
    private readonly holdClock: JournalOptions['holdClock'],
  ) {
    this.fd = fd;
    this.length = fs.size(fd);
  }

  /** Opens (or creates) the journal of a run for appending. */
  static open(journalDir: string, runId: string, options: JournalOptions = {}): FileJournal {
    const file = journalPath(journalDir, runId);
    const fs = options.fs ?? nodeJournalFs;
    try {
      fs.mkdirSync(runDir(journalDir, runId));
      dropTornTail(fs, file);
      return new FileJournal(file, runId, fs.openAppend(file), fs, options.holdClock);
    } catch (error) {
      throw journalUnwritable(file, error);
    }
  }

  /** Throws the journal's failure the first time a write fails; later events are dropped. */
  emit(event: RunEvent): void {
    if (this.fd === undefined || this.failure) return;
    this.append(this.fd, Buffer.from(`${JSON.stringify(event)}\n`));
    // The end of a run is worth a sync too: report and resume read it.
    if (event.type === 'run.finished') this.guard(() => this.fs.fsync(this.fd!));
  }

  async commit(event: RunEvent): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.fd === undefined) throw journalUnwritable(this.file, new Error('the journal is closed'));
    const fd = this.fd;
    this.append(fd, Buffer.from(`${JSON.stringify(event)}\n`));
    const release = this.holdClock?.();
    try {
      await this.fs.fsyncAsync(fd);
    } catch (error) {
      throw this.fail(error);
    } finally {
      release?.();
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    // Best effort: a failure here was already reported by the write that met it.
    try {
      if (!this.failure) this.fs.fsync(fd);
    } catch {
      // the run has ended; its verdict stands
    }
    this.fs.close(fd);
  }

  private append(fd: number, line: Buffer): void {
    this.guard(() => {
      for (let offset = 0; offset < line.length; ) {
        const written = this.fs.write(fd, line, offset, line.length - offset);
        if (written <= 0) throw Object.assign(new Error('no space left on device (a write stored 0 bytes)'), { code: 'ENOSPC' });
        offset += written;
      }
    });
    this.length += line.length;
  }

  private guard(write: () => void): void {
    try {
      write();
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Cuts the file back to its last whole line and remembers the failure. */
  private fail(cause: unknown): Error {
    this.failure ??= journalWriteFailed(this.file, this.runId, cause);
    try {
      if (this.fd !== undefined) this.fs.truncate(this.fd, this.length);
    } catch {
      // A torn last line is still read safely (and cut off before a resume appends).
    }
    return this.failure;
  }
}

/**
 * A crash mid-write leaves a last line without its newline. Readers skip it, but a resumed run appending
 * after it would turn it into a damaged line in the middle, so it is cut off before appending.
 */
function dropTornTail(fs: JournalFs, file: string): void {
  const bytes = fs.readBytes(file);
  if (!bytes || bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return;
  fs.truncateFile(file, bytes.lastIndexOf(0x0a) + 1);
}
