// What can go wrong with the journal directory, as errors an on-call engineer can act on. A journal that
// cannot be written stops a run before its next call (an intent must be durable before its call), so
// each hint says how to get room back and that `drctl resume` carries on safely from what was written.
import { DrctlError, ExitCode } from '../core/errors';

const failed = { exitCode: ExitCode.runFailed } as const;

const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

function codeOf(cause: unknown): string | undefined {
  return typeof cause === 'object' && cause !== null ? (cause as NodeJS.ErrnoException).code : undefined;
}

function detailOf(cause: unknown): string {
  const code = codeOf(cause);
  if (code && NO_ROOM.has(code)) return `no space left (${code})`;
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a directory (ENOTDIR)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return cause instanceof Error ? cause.message : String(cause);
}

function isNoRoom(cause: unknown): boolean {
  const code = codeOf(cause);
  return code !== undefined && NO_ROOM.has(code);
}

/** The directory (or a file in it) cannot be created or opened: nothing has started. */
export function journalUnwritable(file: string, cause: unknown): DrctlError {
  if (isNoRoom(cause)) return journalNoRoom(file, cause);
  return new DrctlError(
    'journal.unwritable',
    `cannot write the run journal at ${file}: ${detailOf(cause)}`,
    'drctl journals every run before it changes anything. Pass --journal-dir <a writable directory>, or fix the permissions.',
    { ...failed, cause },
  );
}

function journalNoRoom(file: string, cause: unknown): DrctlError {
  return new DrctlError(
    'journal.disk-full',
    `cannot write the run journal at ${file}: ${detailOf(cause)}`,
    'Free space on that file system (`df -h`), or pass --journal-dir on another one, then run again.',
    { ...failed, cause },
  );
}

/** A write failed mid-run: the run stopped before its next call; what was written is intact. */
export function journalWriteFailed(file: string, runId: string, cause: unknown): DrctlError {
  const room = isNoRoom(cause) || codeOf(cause) === undefined;
  const fix = room ? 'Free space on the file system that holds it (`df -h`)' : 'Fix the cause (the disk, its permissions)';
  return new DrctlError(
    room ? 'journal.disk-full' : 'journal.write-failed',
    `the run journal ${file} could not be written (${detailOf(cause)}); the run stopped before its next AWS call`,
    `${fix}, then \`drctl resume ${runId}\`: the journal up to this point is intact, and every unfinished step re-plans from live state.`,
    { ...failed, cause },
  );
}

/** Before a run: too little room to journal it to the end. */
export function journalTooLittleRoom(dir: string, freeBytes: number, neededBytes: number): DrctlError {
  return new DrctlError(
    'journal.disk-full',
    `only ${formatBytes(freeBytes)} free for the run journal in ${dir}; drctl wants ${formatBytes(neededBytes)} before it changes anything`,
    'Free space on that file system (`df -h`), or pass --journal-dir on another one.',
    failed,
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
