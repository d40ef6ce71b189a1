// Codes of what drctl tells the operator without stopping: warnings and notices. They go to stderr (as
// JSON lines under -o json), so stdout stays the command's answer.
import { noticeCodes, warningCodes } from './define';

export const warningsRaised = warningCodes({
  'cli.deprecated-option': { meaning: 'An option was given by an old name; it still works, under its new name.', action: 'Use the new name the notice gives; the old one will be removed in a later version.' },
  'journal.lock-taken-over': { meaning: "Another drctl took over this runbook's lock during the run; two runs may be acting on it.", action: 'Find the other run (its id is in the notice) and agree which one continues.' },
  'journal.torn-tail': { meaning: 'The last line of the run journal was cut short (drctl was stopped mid-write) and is ignored.', action: 'Nothing: the event it held was not durable; resume re-plans each unfinished step from live state, so no change is made twice.' },
  'journal.lock-stale': { meaning: 'This run took over the lock of a run whose process is gone: that run did not finish.', action: 'Continue that run with `drctl resume <run-id>` (the notice names it) if it should finish.' },
  'report.objective-missed': { meaning: 'The run recovered but missed an objective (RTO or RPO); it exits 4.', action: 'Read the report (`drctl report <run-id>`) to see which step took the time or lost the data.' },
});

export const noticesRaised = noticeCodes({
  'engine.nothing-to-do': { meaning: 'Every step was already done or under way; no change was made.', action: 'Nothing: the resources are already where the runbook puts them.' },
  'report.written': { meaning: 'The report was written to the file given with --out-file.', action: 'Nothing: open the file.' },
  'drill.failback-wait': { meaning: 'The drill waits for replication to settle before it fails back (--failback-after).', action: 'Nothing; pass --failback-after to wait longer or shorter.' },
});
