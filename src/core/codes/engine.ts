// Codes of the engine (how a run stops) and of the run journal it keeps.
import { errorCodes } from './define';

export const engineCodes = errorCodes({
  'engine.step-timeout': { meaning: "A step did not finish within its `timeout:`.", action: 'Raise the timeout if the operation is slow but healthy, or read the last observation to see where it stalled.' },
  'engine.run-deadline': { meaning: 'The whole run did not finish within --deadline; the steps still running were stopped.', action: 'Continue with `drctl resume <run-id>`, or raise --deadline.' },
  'engine.interrupted': { meaning: 'The operator stopped the run (Ctrl-C, SIGTERM or SIGHUP); calls in flight finished first unless stopped twice.', action: 'Continue with `drctl resume <run-id>`; finished steps are not repeated.' },
  'engine.approval-denied': { meaning: 'An approval step was answered "no"; nothing after it started.', action: 'Run again when the change is agreed.' },
  'engine.approval-timeout': { meaning: 'Nobody answered an approval within its timeout.', action: "Run again with someone at the terminal, raise the approval's `timeout:`, or pass --yes in automation." },
  'engine.bad-params': { meaning: "A step's parameters were invalid once its expressions were resolved.", action: 'Check the `with:` block and the inputs it reads; `drctl validate` catches most of these early.' },
  'engine.expression-failed': { meaning: 'An expression read a value that does not exist at run time.', action: 'Check the inputs, resources and step outputs the expression reads.' },
  'engine.unknown-action': { meaning: 'A step uses an action this drctl does not have (the runbook was not validated by this version).', action: 'Run `drctl validate` on the runbook with this drctl.' },
  'engine.unknown-check': { meaning: 'A preflight check does not exist in this drctl.', action: 'Run `drctl validate` on the runbook with this drctl.' },
  'engine.journal-failed': { meaning: "A step's intent could not be written to the journal durably, so its AWS call was not made.", action: 'Check that the journal directory is writable and the disk is not full, then resume.' },
  'engine.preflight-failed': { meaning: 'One or more preflight checks failed; nothing was changed.', action: 'Fix what the failed checks report, or wait for it to clear, and run again.' },
  'engine.preflight-timeout': { meaning: 'A preflight check got no answer from AWS within its time limit.', action: 'Check that the AWS endpoints are reachable from here.' },
  'engine.plan-timeout': { meaning: "Planning a step (reading its resource's state) took too long.", action: 'Check that the AWS endpoints are reachable from here.' },
  'engine.read-only': { meaning: 'An action tried to change AWS during a read-only phase (plan, preflight, dry run) and was refused.', action: 'This is a drctl bug: report it with the run journal.' },
  'engine.rollback-failed': { meaning: 'A rollback step failed, so the rollback did not finish.', action: 'Fix the cause, then run `drctl rollback <run-id>` again; finished steps are not repeated.' },
  'engine.no-rollback-steps': { meaning: "`drctl rollback` was asked for a run whose runbook has no `rollback:` steps.", action: 'Undo the run by hand or with a failback runbook; add `rollback:` steps for next time.' },
  'engine.cycle': { meaning: 'Steps depend on each other in a cycle (a runbook that was not validated).', action: 'Break the cycle in `needs:`; `drctl validate` shows where.' },
  'engine.duplicate-step': { meaning: 'Two steps share an id (steps and rollback steps share one namespace).', action: 'Give every step its own id; `drctl validate` shows where.' },
  'engine.locked': { meaning: 'Another drctl is running this runbook now (one run per runbook at a time).', action: 'Wait for that run to finish or stop it; a stale lock is taken over automatically.' },
  'engine.needs-region-left': { meaning: "An unplanned failover has a step or check that needs the region it leaves, or Route 53's control plane (us-east-1) when it leaves us-east-1: both may be down.", action: "Move traffic on the data plane (arc.set-routing-controls), give the step `if: inputs.mode == 'planned'`, or mark it continue-on-error; `drctl plan` shows what each step needs." },
  'engine.outcome-unknown': { meaning: 'A step made a change (or may have) and drctl could not read whether it completed: the outcome is unknown (exit 5). Nothing was rolled back over it.', action: 'Read the state with `drctl status <runbook>`, then `drctl resume <run-id>`: it reads every resource again and joins or finishes what is under way, without repeating a change that took.' },
  'engine.rollback-over-unknown': { meaning: '`drctl rollback` was asked for a run with a step whose outcome is unknown: it could undo a change that never happened, or fight one still under way.', action: 'Run `drctl resume <run-id>` first: it reads the state and settles the step. Then roll back if you still need to.' },
  'engine.unfinished-run': { meaning: "A new run was started while the runbook's last run did not finish (cut off, stopped, or with an unknown outcome; not rolled back).", action: 'Continue that run with `drctl resume <run-id>`, or pass --ignore-unfinished (asked on a terminal) to start a new run from the state AWS is in now.' },
  'engine.bad-retry-policy': { meaning: "A step's retry policy is not usable (attempts, intervals or coefficient out of range).", action: "Fix the step's `retry:`." },
  'engine.action-crashed': { meaning: 'An action failed with an error drctl did not expect: a bug.', action: 'Report it with the run journal (.drctl/runs/<run-id>/journal.jsonl).' },
});

export const journalCodes = errorCodes({
  'journal.not-found': { meaning: 'There is no run with this id in the journal directory.', action: 'Check the run id (printed when a run starts) and --journal-dir.' },
  'journal.bad-run-id': { meaning: 'The text given is not a run id.', action: 'Run ids look like 20250301-031500-shop-failover-7f3a; see .drctl/runs/.' },
  'journal.corrupt': { meaning: "The run's journal (or its runbook.json) is damaged: empty, not starting with run.started, a line that is not an event, events out of order, or runbook.json missing. A last line cut short by a crash is not damage (it is dropped, with a warning).", action: 'Resume cannot trust it; read the resources as they are (`drctl status <runbook>`) and start a new run.' },
  'journal.disk-full': { meaning: 'The file system holding the run journal is full (or too full to start a run: drctl wants 1 MiB). A run that meets it stops before its next AWS call.', action: 'Free space (`df -h`) or pass --journal-dir on another file system, then `drctl resume <run-id>`: the journal up to the failure is intact.' },
  'journal.write-failed': { meaning: 'A write to the run journal failed (an I/O error); the run stopped before its next AWS call.', action: 'Fix the disk, then `drctl resume <run-id>`: the journal up to the failure is intact.' },
  'journal.unwritable': { meaning: 'The run journal cannot be written, and drctl does not run without one.', action: 'Pass a writable --journal-dir, or fix the permissions.' },
});
