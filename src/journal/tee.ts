// The command composes where events go: the journal first (so an event is recorded before anyone is
// told about it), then the reporter. commit() waits for the journal's fsync before showing the intent,
// and shows nothing when the journal failed: "(intent journaled)" is only ever said of a durable intent.
// An ordinary event still reaches the reporter when the journal fails on it (the operator must see the
// run stop), and the failure goes on to the engine, which stops the run.
import type { EventSink, RunEvent } from '../core/events';

export function teeSink(journal: EventSink, ...others: EventSink[]): EventSink {
  return {
    emit(event: RunEvent) {
      let failure: unknown;
      try {
        journal.emit(event);
      } catch (error) {
        failure = error;
      }
      for (const sink of others) sink.emit(event);
      if (failure !== undefined) throw failure;
    },
    async commit(event: RunEvent) {
      if (journal.commit) await journal.commit(event);
      else journal.emit(event);
      for (const sink of others) sink.emit(event);
    },
  };
}
