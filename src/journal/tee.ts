// The command composes where events go: the journal first (so an event is recorded before anyone is
// told about it), then the reporter. commit() waits for the journal's fsync before showing the intent.
import type { EventSink, RunEvent } from '../core/events';

export function teeSink(journal: EventSink, ...others: EventSink[]): EventSink {
  return {
    emit(event: RunEvent) {
      journal.emit(event);
      for (const sink of others) sink.emit(event);
    },
    async commit(event: RunEvent) {
      if (journal.commit) await journal.commit(event);
      else journal.emit(event);
      for (const sink of others) sink.emit(event);
    },
  };
}
