// Before the first change: the journal directory must take a file, and have room for the whole run.
// A run that would meet a full disk halfway stops there (its intents must be durable), so it is better
// refused before it moves anything. A long failover journals a few hundred KiB (every describe while
// polling is an event); the shop failover about 40 KiB.
import path from 'node:path';
import { journalTooLittleRoom, journalUnwritable } from './errors';
import { nodeJournalFs, type JournalFs } from './journal-fs';

const MIN_FREE_BYTES = 1024 * 1024;

export async function checkJournalDir(journalDir: string, fs: JournalFs = nodeJournalFs): Promise<void> {
  const probe = path.join(journalDir, `.write-test-${process.pid}`);
  try {
    await fs.mkdir(journalDir);
    await fs.writeFileSynced(probe, 'drctl checks that it can journal a run here\n');
  } catch (error) {
    throw journalUnwritable(journalDir, error);
  } finally {
    await fs.unlink(probe).catch(() => undefined);
  }
  const free = fs.freeBytes(journalDir);
  if (free !== undefined && free < MIN_FREE_BYTES) throw journalTooLittleRoom(journalDir, free, MIN_FREE_BYTES);
}
